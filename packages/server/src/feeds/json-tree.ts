/**
 * JSON read with jsonc-parser, which keeps the offset of every value, so rows can say on which
 * line their object starts.
 */
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { decodeFeed, LineIndex } from './decode.js';
import { FeedFileError } from './types.js';

export type { Node as JsonNode } from 'jsonc-parser';

export interface JsonDocument {
  root: Node;
  lines: LineIndex;
}

/** `PropertyNameExpected` → `property name expected`. */
function describeError(error: ParseError): string {
  return printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** Parses strict JSON (UTF-8, no comments, no trailing commas); a syntax error names its line and column. */
export function parseJsonDocument(body: Buffer): JsonDocument {
  const { text } = decodeFeed(body, { legacy: false });
  if (text.trim() === '') throw new FeedFileError('the file is empty: expected JSON');
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first !== undefined) {
    throw new FeedFileError(
      `line ${lines.lineAt(first.offset)}, column ${lines.columnAt(first.offset)}: the JSON is not valid: ` +
        describeError(first),
    );
  }
  if (root === undefined) throw new FeedFileError('line 1: the JSON is not valid');
  return { root, lines };
}

/** The value of an object's property (the last one when a name is repeated, as in JSON.parse). */
export function property(node: Node | undefined, name: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  let found: Node | undefined;
  for (const child of node.children ?? []) {
    if (child.children?.[0]?.value === name) found = child.children[1];
  }
  return found;
}

/** The properties of an object in the order written. */
export function properties(node: Node | undefined): Array<[string, Node]> {
  if (node?.type !== 'object') return [];
  const entries: Array<[string, Node]> = [];
  for (const child of node.children ?? []) {
    const [key, value] = child.children ?? [];
    if (key !== undefined && value !== undefined) entries.push([String(key.value), value]);
  }
  return entries;
}

/** The elements of an array, or the node itself when it is a single value. */
export function elements(node: Node | undefined): Node[] {
  if (node === undefined) return [];
  if (node.type === 'array') return node.children ?? [];
  return [node];
}

/** The plain value of a node (objects and arrays included). */
export function valueOf(node: Node | undefined): unknown {
  return node === undefined ? undefined : getNodeValue(node);
}
