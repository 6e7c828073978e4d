/**
 * Registration that a page can survive: the CDN bundle may be loaded twice, or next to a
 * shop's own copy of another version. Same version again does nothing; another version
 * warns once and keeps the first; nothing ever throws into the host page.
 */
export const VERSION = '0.1.0';

const VERSION_KEY = Symbol.for('lokaal.widgets.versions');

export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements === null) return;
  const registry = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;
  const versions = (registry[VERSION_KEY] ??= new Map<string, string>());
  const existing = customElements.get(tag);
  if (existing) {
    const definedVersion = versions.get(tag);
    if (definedVersion !== VERSION) {
      console.warn(
        `<${tag}> is already defined by Lokaal ${definedVersion ?? 'of another version'}; keeping that one.`,
      );
    }
    return;
  }
  try {
    customElements.define(tag, element);
    versions.set(tag, VERSION);
  } catch (error) {
    console.warn(`<${tag}> could not be defined:`, error);
  }
}
