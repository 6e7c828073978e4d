import type { MountPoint } from '../adapters/types.js';

/** A place to try: a selector and where the panel goes relative to its element. */
export type MountCandidate = readonly [selector: string, position: MountPoint['position']];

/**
 * Tried after an adapter's own places: the offer block, then below the title. Simple
 * selectors only, one per candidate: browsers answer those much faster than lists.
 */
export const FALLBACK_MOUNTS: readonly MountCandidate[] = [
  ['[itemprop="offers"]', 'afterend'],
  ['h1', 'afterend'],
];

/**
 * Elements the panel must never go inside: controls (a click inside would be theirs), and
 * forms (the page may serialise or rebuild them).
 */
const CONTROLS =
  'a, button, label, select, option, textarea, input, summary, form, [role="button"], [contenteditable]';
/** Elements whose children are not free-flowing boxes. */
const NOT_CONTAINERS = new Set([
  'table',
  'thead',
  'tbody',
  'tr',
  'ul',
  'ol',
  'dl',
  'img',
  'picture',
  'svg',
  'iframe',
]);

/**
 * The mount point moved out of any control or form that holds it, to just after that
 * control.
 */
export function outsideControls(element: Element, position: MountPoint['position']): MountPoint {
  let mount: MountPoint = { element, position };
  // Each step climbs at least one level, so this ends at the root.
  for (;;) {
    const inside = mount.position === 'afterbegin' || mount.position === 'beforeend';
    // Inside an element, that element must not be (in) a control; beside it, its parent.
    const container = inside ? mount.element : mount.element.parentElement;
    const control = container?.closest(CONTROLS);
    if (!control) break;
    mount = { element: control, position: 'afterend' };
  }
  if (
    (mount.position === 'afterbegin' || mount.position === 'beforeend') &&
    NOT_CONTAINERS.has(mount.element.localName)
  ) {
    mount = { element: mount.element, position: 'afterend' };
  }
  return mount;
}

/**
 * The first candidate present on the page, then the fallbacks, then the end of `body`;
 * never inside a control. One `querySelector` per candidate tried, no layout reads.
 */
export function findMountPoint(document: Document, candidates: readonly MountCandidate[]): MountPoint | null {
  for (const [selector, position] of [...candidates, ...FALLBACK_MOUNTS]) {
    const element = document.querySelector(selector);
    if (element) return outsideControls(element, position);
  }
  return document.body ? { element: document.body, position: 'beforeend' } : null;
}
