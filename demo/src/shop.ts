/**
 * One template for every shop page: reads `?id=` from the address, sets it on the card and
 * the stock list, and names the page after the shop (from the open API, as text only).
 */
import { t } from './lang.js';

const id = new URLSearchParams(location.search).get('id') ?? '';
const card = document.getElementById('kaart');
const stock = document.getElementById('voorraad');
const heading = document.getElementById('winkel-naam')!;
const crumb = document.getElementById('kruimel-naam')!;
const description = document.getElementById('winkel-omschrijving')!;
const problem = document.getElementById('winkel-fout')!;
const content = document.getElementById('winkel-inhoud')!;

function fail(message: string): void {
  problem.textContent = message;
  problem.hidden = false;
  content.hidden = true;
}

async function show(): Promise<void> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(id)) {
    fail(t('Kies een winkel in de winkelgids.', 'Choose a shop in the shops directory.'));
    return;
  }
  card?.setAttribute('place-id', id);
  stock?.setAttribute('place-id', id);
  try {
    const response = await fetch(`/v1/places/${encodeURIComponent(id)}`);
    if (response.status === 404) {
      fail(t('Deze winkel bestaat niet (meer).', 'This shop does not exist (any more).'));
      return;
    }
    if (!response.ok) return;
    const place = (await response.json()) as { name: string; description?: string | null };
    heading.textContent = place.name;
    crumb.textContent = place.name;
    description.textContent = place.description ?? '';
    document.title = `${place.name} · Hart van Amersfoort (demo)`;
  } catch {
    // The card shows its own error state; the page keeps its generic title.
  }
}

void show();
