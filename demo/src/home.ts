/**
 * The home page hears the elements' `lokaal-place-select` event (it bubbles out of their
 * shadow roots) and offers a link to the site's own page for that shop: the widgets and the
 * town site work together without knowing each other.
 */
import { element, t, withLanguage } from './lang.js';

const selection = document.getElementById('keuze');

document.addEventListener('lokaal-place-select', (event) => {
  const { place } = (event as CustomEvent<{ place: { id: string; name: string } }>).detail;
  if (!selection || !place?.id) return;
  const link = element('a', { href: withLanguage(`/winkel/?id=${encodeURIComponent(place.id)}`) });
  link.textContent = t(`Naar de pagina van ${place.name}`, `Go to the page of ${place.name}`);
  selection.replaceChildren(link);
  selection.hidden = false;
});
