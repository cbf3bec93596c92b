/**
 * One neutral document model for both Open311 formats. The spec defines its answers as XML; JSON follows the
 * "Spark convention": a list element becomes a plain array (its item tag disappears) and everything else maps
 * field by field. Builders produce a `Doc`; `toXml` and `toJson` render it, so the two formats cannot drift.
 */

/** A leaf, an object of named fields, or a list whose XML items share one tag. */
export type Doc = string | number | boolean | null | DocList | DocObject;
/** `undefined` fields are left out of both formats (an optional field we have no value for). */
export interface DocObject {
  readonly [field: string]: Doc | undefined;
}

export class DocList {
  constructor(
    readonly itemTag: string,
    readonly items: readonly Doc[],
  ) {}
}

/** A list rendered as `<itemTag>…</itemTag>` children in XML and as an array in JSON. */
export const list = (itemTag: string, items: readonly Doc[]): DocList => new DocList(itemTag, items);

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Characters XML 1.0 forbids anywhere in a document (controls other than tab, line feed and carriage return). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text made safe for element content: the five markup characters escaped, forbidden controls dropped. */
export const escapeXml = (text: string): string =>
  text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

function element(tag: string, value: Doc): string {
  if (!NAME.test(tag)) throw new Error(`not an XML element name: ${tag}`);
  if (value === null || value === '') return `<${tag}/>`;
  if (value instanceof DocList) {
    if (value.items.length === 0) return `<${tag}/>`;
    return `<${tag}>${value.items.map((item) => element(value.itemTag, item)).join('')}</${tag}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value)
      .filter((entry): entry is [string, Doc] => entry[1] !== undefined)
      .map(([field, child]) => element(field, child));
    return children.length === 0 ? `<${tag}/>` : `<${tag}>${children.join('')}</${tag}>`;
  }
  return `<${tag}>${escapeXml(String(value))}</${tag}>`;
}

/** The whole XML document: the spec's declaration, then `rootTag` holding `value`. No namespace, no attributes. */
export const toXml = (rootTag: string, value: Doc): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n${element(rootTag, value)}`;

type Json = string | number | boolean | null | Json[] | { [field: string]: Json };

/** The same document as JSON values (the root tag has no place in JSON). */
export function toJsonValue(value: Doc): Json {
  if (value instanceof DocList) return value.items.map(toJsonValue);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter((entry): entry is [string, Doc] => entry[1] !== undefined);
    return Object.fromEntries(entries.map(([field, child]) => [field, toJsonValue(child)]));
  }
  return value;
}
