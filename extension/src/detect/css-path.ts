const SIMPLE_ID = /^[A-Za-z][\w-]*$/;

/**
 * A CSS path naming an element, for people reading a diagnosis: from the nearest ancestor
 * with an id, with `:nth-of-type` where siblings share a tag.
 *
 * @example
 * cssPath(element) // 'div#buybox > div:nth-of-type(2) > span'
 */
export function cssPath(element: Element): string {
  const parts: string[] = [];
  let current: Element | null = element;
  while (current && parts.length < 16) {
    const tag = current.localName;
    if (current.id && SIMPLE_ID.test(current.id)) {
      parts.unshift(`${tag}#${current.id}`);
      break;
    }
    const parent: Element | null = current.parentElement;
    if (!parent || tag === 'body') {
      parts.unshift(tag);
      break;
    }
    const sameTag = Array.from(parent.children).filter((sibling) => sibling.localName === tag);
    parts.unshift(sameTag.length > 1 ? `${tag}:nth-of-type(${sameTag.indexOf(current) + 1})` : tag);
    current = parent;
  }
  return parts.join(' > ');
}
