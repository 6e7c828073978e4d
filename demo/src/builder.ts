/**
 * The snippet builder. Everything it offers comes from the released custom-elements.json:
 * the elements, their attributes (a control per attribute, by its type), the CSS custom
 * properties for colours and corners. Regions come from the API (`/v1/regions`); a place
 * picked on the map gives a point or a shop. The snippet is the versioned script tag with
 * its integrity hash from integrity.json, the element, and the CSS for the site's stylesheet.
 */
import { element, t } from './lang.js';

interface ManifestType {
  text?: string;
}
interface Attribute {
  name: string;
  fieldName?: string;
  type?: ManifestType;
  default?: string;
  description?: string;
}
interface Member {
  kind: string;
  name: string;
  type?: ManifestType;
  default?: string;
  static?: boolean;
  privacy?: string;
}
interface CssProperty {
  name: string;
  description?: string;
}
interface Declaration {
  tagName?: string;
  summary?: string;
  attributes?: Attribute[];
  members?: Member[];
  cssProperties?: CssProperty[];
}
interface Manifest {
  modules: { declarations?: Declaration[] }[];
}
interface Region {
  id: string;
  name: string;
  kind: string;
}

/** One attribute as the builder offers it. */
interface Option {
  name: string;
  kind: 'text' | 'number' | 'boolean' | 'choice';
  choices: string[];
  defaultValue: string;
  description: string;
}

/** Where each attribute goes in the form. */
const WHERE = new Set(['region', 'near', 'radius', 'place-id', 'gtin', 'bbox']);
const LOOK = new Set(['theme', 'lang']);
/** Set by the builder itself (`api`) or meaningless for one element alone (`for`). */
const SKIPPED = new Set(['api', 'for']);
/** Starting values so the preview shows something real from the first click. */
const STARTING_VALUES: Record<string, string> = {
  region: 'GM0307',
  near: '3811',
  'place-id': 'amf-rijwielhandel-van-dalen',
  gtin: '8761830032532',
};
/** The light defaults of the global colour tokens (the widgets' own fallbacks). */
const COLOUR_DEFAULTS: Record<string, string> = {
  '--lokaal-color-accent': '#0b6e4f',
  '--lokaal-color-text': '#1d2521',
  '--lokaal-color-surface': '#ffffff',
  '--lokaal-color-border': '#c9d1cb',
  '--lokaal-color-focus': '#1a5fb4',
};
const RADIUS_DEFAULT_PX = 8;

const statusLine = document.getElementById('bouwer-status')!;
const builder = document.getElementById('bouwer')!;
const form = document.getElementById('bouwer-form') as HTMLFormElement;
const elementChoices = document.getElementById('elementen')!;
const whereFields = document.getElementById('waar-velden')!;
const optionFields = document.getElementById('opties')!;
const lookFields = document.getElementById('uiterlijk')!;
const preview = document.getElementById('voorbeeld')!;
const snippetHtml = document.getElementById('snippet-html')!;
const snippetCss = document.getElementById('snippet-css')!;
const cssBlock = document.getElementById('css-blok')!;
const copyStatus = document.getElementById('kopieer-status')!;
const mapPicker = document.getElementById('punt-kaart');

let declarations: Declaration[] = [];
let regions: Region[] = [];
let release = { version: '', hash: '' };
/** The chosen values, kept across element switches so a region chosen once stays chosen. */
const values = new Map<string, string>(Object.entries(STARTING_VALUES));
const colours = new Map<string, string>();
let radiusPx = RADIUS_DEFAULT_PX;

function literalChoices(typeText: string): string[] {
  const parts = typeText.split('|').map((part) => part.trim());
  const literals = parts.filter((part) => /^'[^']*'$/.test(part)).map((part) => part.slice(1, -1));
  return literals.length >= 2 &&
    parts.every((part) => /^'[^']*'$/.test(part) || /^(undefined|null)$/.test(part))
    ? literals
    : [];
}

/** `kind`, `tiles`, `lang`: a type the manifest cannot spell out, its values listed in backticks. */
function describedChoices(description: string): string[] {
  const words = [...description.matchAll(/`([a-z]+)`/g)].map((match) => match[1]!);
  return words.length >= 2 ? [...new Set(words)] : [];
}

function optionsOf(declaration: Declaration): Option[] {
  const members = new Map((declaration.members ?? []).map((member) => [member.name, member]));
  return (declaration.attributes ?? [])
    .filter((attribute) => !SKIPPED.has(attribute.name))
    .map((attribute) => {
      const member = members.get(attribute.fieldName ?? '');
      const typeText = member?.type?.text ?? attribute.type?.text ?? 'string';
      const rawDefault = member?.default ?? attribute.default ?? '';
      const defaultValue = /^(null|undefined)$/.test(rawDefault) ? '' : rawDefault.replace(/^'(.*)'$/, '$1');
      const description = attribute.description ?? '';
      const literals = literalChoices(typeText);
      const described = literals.length ? [] : describedChoices(description);
      const kind: Option['kind'] =
        typeText === 'boolean'
          ? 'boolean'
          : literals.length || described.length
            ? 'choice'
            : /^number\b/.test(typeText)
              ? 'number'
              : 'text';
      return {
        name: attribute.name,
        kind,
        choices: literals.length ? literals : described,
        defaultValue,
        description,
      };
    });
}

function currentDeclaration(): Declaration {
  const chosen = form.querySelector<HTMLInputElement>('input[name="element"]:checked')?.value;
  return declarations.find((declaration) => declaration.tagName === chosen) ?? declarations[0]!;
}

function field(label: string, control: HTMLElement, help: string): HTMLElement {
  const id = `veld-${control.dataset.attribute ?? control.dataset.css ?? Math.random().toString(36).slice(2)}`;
  control.id = id;
  const labelElement = element('label', { htmlFor: id }, label);
  const wrapper = element('div', { className: 'field' }, labelElement, control);
  if (help) {
    const helpElement = element('p', { className: 'field-help', id: `${id}-uitleg` }, help.replace(/`/g, ''));
    control.setAttribute('aria-describedby', helpElement.id);
    wrapper.append(helpElement);
  }
  return wrapper;
}

function attributeControl(option: Option): HTMLElement {
  const value = values.get(option.name) ?? option.defaultValue;
  if (option.name === 'region') {
    const select = element('select', { name: option.name });
    select.append(element('option', { value: '' }, t('(geen regio)', '(no region)')));
    for (const region of regions)
      select.append(element('option', { value: region.id }, `${region.name} (${region.id})`));
    select.value = value;
    select.dataset.attribute = option.name;
    return field(t('Regio', 'Region'), select, option.description);
  }
  if (option.kind === 'boolean') {
    const checkbox = element('input', { type: 'checkbox', name: option.name, checked: value === 'true' });
    checkbox.dataset.attribute = option.name;
    const id = `veld-${option.name}`;
    checkbox.id = id;
    const helpElement = element(
      'p',
      { className: 'field-help', id: `${id}-uitleg` },
      option.description.replace(/`/g, ''),
    );
    checkbox.setAttribute('aria-describedby', helpElement.id);
    return element(
      'div',
      { className: 'field field-check' },
      element('div', { className: 'check' }, checkbox, element('label', { htmlFor: id }, option.name)),
      helpElement,
    );
  }
  if (option.kind === 'choice') {
    const select = element('select', { name: option.name });
    if (!option.choices.includes(option.defaultValue) || option.defaultValue === '')
      select.append(element('option', { value: '' }, t('(standaard)', '(default)')));
    for (const choice of option.choices) select.append(element('option', { value: choice }, choice));
    select.value = value;
    select.dataset.attribute = option.name;
    return field(option.name, select, option.description);
  }
  const input = element('input', {
    type: option.kind === 'number' ? 'number' : 'text',
    name: option.name,
    value,
    autocomplete: 'off',
  });
  input.dataset.attribute = option.name;
  if (option.kind === 'number') input.min = '0';
  return field(option.name, input, option.description);
}

function renderForm(): void {
  const declaration = currentDeclaration();
  const options = optionsOf(declaration);
  whereFields.replaceChildren(...options.filter((option) => WHERE.has(option.name)).map(attributeControl));
  optionFields.replaceChildren(
    ...options.filter((option) => !WHERE.has(option.name) && !LOOK.has(option.name)).map(attributeControl),
  );
  const look = options.filter((option) => LOOK.has(option.name)).map(attributeControl);
  // Every element follows the standard `lang` attribute, declared or not.
  if (!options.some((option) => option.name === 'lang'))
    look.push(
      attributeControl({
        name: 'lang',
        kind: 'choice',
        choices: ['nl', 'en'],
        defaultValue: '',
        description: t(
          'De taal van het element; anders die van de pagina.',
          "The element's language; else the page's.",
        ),
      }),
    );
  for (const property of declaration.cssProperties ?? []) {
    if (property.name in COLOUR_DEFAULTS) {
      const input = element('input', {
        type: 'color',
        name: property.name,
        value: colours.get(property.name) ?? COLOUR_DEFAULTS[property.name]!,
      });
      input.dataset.css = property.name;
      look.push(field(property.name, input, property.description ?? ''));
    } else if (property.name === '--lokaal-radius') {
      const input = element('input', { type: 'range', name: property.name, min: '0', max: '24', step: '1' });
      input.value = String(radiusPx);
      input.dataset.css = property.name;
      look.push(field(`${property.name} (${radiusPx}px)`, input, property.description ?? ''));
    }
  }
  lookFields.replaceChildren(...look);
  document.getElementById('waar')!.hidden = whereFields.childElementCount === 0;
}

/** The attributes of the snippet, in the order of the manifest, without defaults. */
function chosenAttributes(): [string, string][] {
  const declaration = currentDeclaration();
  const chosen: [string, string][] = [['api', location.origin]];
  const options = optionsOf(declaration);
  const all = options.some((option) => option.name === 'lang')
    ? options
    : [
        ...options,
        { name: 'lang', kind: 'choice', choices: [], defaultValue: '', description: '' } as Option,
      ];
  for (const option of all) {
    const control = form.querySelector<HTMLInputElement | HTMLSelectElement>(
      `[data-attribute="${option.name}"]`,
    );
    if (!control) continue;
    if (option.kind === 'boolean') {
      if ((control as HTMLInputElement).checked) chosen.push([option.name, '']);
      continue;
    }
    const value = control.value.trim();
    if (value !== '' && value !== option.defaultValue) chosen.push([option.name, value]);
  }
  return chosen;
}

function chosenCss(): [string, string][] {
  const css: [string, string][] = [];
  for (const [name, value] of colours)
    if (value.toLowerCase() !== COLOUR_DEFAULTS[name]) css.push([name, value]);
  const declared = (currentDeclaration().cssProperties ?? []).some(
    (property) => property.name === '--lokaal-radius',
  );
  if (declared && radiusPx !== RADIUS_DEFAULT_PX) css.push(['--lokaal-radius', `${radiusPx}px`]);
  return css;
}

const quote = (value: string): string => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

function update(): void {
  const tag = currentDeclaration().tagName!;
  const attributes = chosenAttributes();
  const css = chosenCss();
  const attributeText = attributes
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${quote(value)}"`))
    .join('');
  const script = `<script type="module" src="${location.origin}/cdn/${release.version}/lokaal.js" integrity="${release.hash}" crossorigin="anonymous"></script>`;
  snippetHtml.textContent = `${script}\n<${tag}${attributeText}></${tag}>`;
  snippetCss.textContent = css.length
    ? `${tag} {\n${css.map(([name, value]) => `  ${name}: ${value};`).join('\n')}\n}`
    : '';
  cssBlock.hidden = css.length === 0;

  const live = document.createElement(tag);
  for (const [name, value] of attributes) live.setAttribute(name, value);
  // CSSOM, not a style attribute: allowed under a strict CSP.
  for (const [name, value] of css) live.style.setProperty(name, value);
  preview.classList.toggle(
    'preview-dark',
    attributes.some(([name, value]) => name === 'theme' && value === 'dark'),
  );
  preview.replaceChildren(live);
}

let pending = 0;
function updateSoon(): void {
  window.clearTimeout(pending);
  pending = window.setTimeout(update, 350);
}

async function copy(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    copyStatus.textContent = t(`${what} gekopieerd.`, `${what} copied.`);
  } catch {
    copyStatus.textContent = t(
      'Kopiëren lukte niet: selecteer de tekst en kopieer hem zelf.',
      'Copying failed: select the text and copy it yourself.',
    );
  }
}

function listen(): void {
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'element') {
      renderForm();
      update();
      return;
    }
    remember(target);
    update();
  });
  form.addEventListener('input', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'element') return;
    remember(target);
    if (target.dataset.css === '--lokaal-radius') {
      const label = form.querySelector(`label[for="${target.id}"]`);
      if (label) label.textContent = `--lokaal-radius (${radiusPx}px)`;
    }
    updateSoon();
  });
  mapPicker?.addEventListener('lokaal-place-select', (event) => {
    const { place } = (event as CustomEvent<{ place: { id: string; point: { lat: number; lon: number } } }>)
      .detail;
    // Four decimals: about 10 m, plenty for a starting point.
    values.set('near', `${place.point.lat.toFixed(4)},${place.point.lon.toFixed(4)}`);
    values.set('place-id', place.id);
    values.set('region', '');
    renderForm();
    update();
  });
  document
    .getElementById('kopieer-html')!
    .addEventListener('click', () => void copy(snippetHtml.textContent ?? '', 'HTML'));
  document
    .getElementById('kopieer-css')!
    .addEventListener('click', () => void copy(snippetCss.textContent ?? '', 'CSS'));
}

function remember(target: HTMLInputElement): void {
  if (target.dataset.attribute)
    values.set(target.dataset.attribute, target.type === 'checkbox' ? String(target.checked) : target.value);
  if (target.dataset.css === '--lokaal-radius') radiusPx = Number(target.value);
  else if (target.dataset.css) colours.set(target.dataset.css, target.value);
}

async function start(): Promise<void> {
  try {
    const integrity = (await (await fetch('/cdn/latest/integrity.json')).json()) as {
      version: string;
      files: Record<string, string>;
    };
    release = { version: integrity.version, hash: integrity.files['lokaal.js'] ?? '' };
    const [manifest, regionList] = await Promise.all([
      fetch(`/cdn/${integrity.version}/custom-elements.json`).then(
        (response) => response.json() as Promise<Manifest>,
      ),
      fetch('/v1/regions').then((response) => response.json() as Promise<{ items: Region[] }>),
    ]);
    declarations = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((declaration) => declaration.tagName)
      .sort((a, b) => a.tagName!.localeCompare(b.tagName!));
    regions = regionList.items;
  } catch {
    statusLine.textContent = t(
      'De bouwer kon de elementen niet laden. Probeer het later opnieuw.',
      'The builder could not load the elements. Please try again later.',
    );
    return;
  }
  const wanted = new URLSearchParams(location.search).get('element');
  const first =
    declarations.find((declaration) => declaration.tagName === wanted) ??
    declarations.find((declaration) => declaration.tagName === 'lokaal-search') ??
    declarations[0]!;
  elementChoices.replaceChildren(
    ...declarations.map((declaration) => {
      const id = `element-${declaration.tagName}`;
      const radio = element('input', {
        type: 'radio',
        name: 'element',
        value: declaration.tagName!,
        id,
        checked: declaration === first,
      });
      const label = element(
        'label',
        { htmlFor: id },
        element('code', {}, `<${declaration.tagName}>`),
        element('span', {}, declaration.summary ?? ''),
      );
      return element('div', { className: 'choice' }, radio, label);
    }),
  );
  renderForm();
  update();
  listen();
  statusLine.hidden = true;
  builder.hidden = false;
}

void start();
