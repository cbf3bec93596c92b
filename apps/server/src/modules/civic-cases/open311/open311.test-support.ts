import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Session, TestApp } from '../../../../test/harness.ts';

export const O311 = '/open311/v2';

// ---------------------------------------------------------------- a minimal XML reader (no dependency)

export interface XmlElement {
  tag: string;
  children: XmlElement[];
  text: string;
}

const DECL = '<?xml version="1.0" encoding="utf-8"?>';
const NAME = '[A-Za-z_][A-Za-z0-9_.-]*';
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/.test(text)) throw new Error(`bare & in ${text}`);
  if (text.includes('>') || text.includes('<')) throw new Error(`raw markup character in ${text}`);
  return text.replace(/&(#x[0-9A-Fa-f]+|#\d+|\w+);/g, (_m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    const value = ENTITY[e];
    if (value === undefined) throw new Error(`unknown entity &${e};`);
    return value;
  });
}

/**
 * Parses the subset of XML the spec uses (declaration, elements without attributes, text) and fails on anything
 * not well formed: unbalanced or crossed tags, two roots, raw `<`/`&` in text, unknown entities, text outside the
 * root, a namespace or attribute where none belongs.
 */
export function parseXml(document: string): XmlElement {
  if (!document.startsWith(DECL)) throw new Error('missing or different XML declaration');
  const tokens = document.slice(DECL.length).split(/(<[^>]*>)/);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  for (const token of tokens) {
    if (token === '') continue;
    const open = new RegExp(`^<(${NAME})(/?)>$`).exec(token);
    const close = new RegExp(`^</(${NAME})>$`).exec(token);
    if (open?.[1]) {
      const element: XmlElement = { tag: open[1], children: [], text: '' };
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else if (root) throw new Error('more than one root element');
      else root = element;
      if (open[2] !== '/') stack.push(element);
    } else if (close?.[1]) {
      const top = stack.pop();
      if (top?.tag !== close[1]) throw new Error(`</${close[1]}> closes <${top?.tag ?? 'nothing'}>`);
    } else if (token.startsWith('<')) {
      throw new Error(`unexpected markup ${token}`);
    } else {
      const top = stack.at(-1);
      if (!top) {
        if (token.trim() !== '') throw new Error('text outside the root element');
        continue;
      }
      top.text += decode(token);
    }
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)?.tag}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Elements whose children are list items (the Spark convention turns them into JSON arrays). */
const LIST_TAGS = new Set(['services', 'attributes', 'values', 'endpoints', 'formats', 'service_requests', 'errors']);

/** The XML tree as JSON-shaped data with every leaf as text, to compare with the JSON answer. */
export function xmlToPlain(element: XmlElement): unknown {
  if (LIST_TAGS.has(element.tag)) return element.children.map(xmlToPlain);
  if (element.children.length === 0) return element.text;
  return Object.fromEntries(element.children.map((c) => [c.tag, xmlToPlain(c)]));
}

/** JSON with its leaves as XML would carry them, and the optional fields XML leaves out as empty text. */
export function jsonAsText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonAsText);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonAsText(v)]));
  }
  return value === null ? '' : String(value);
}

// ---------------------------------------------------------------- the spec's fields (civic-anchors §2.3)

const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
type Obj = Record<string, unknown>;

function problems(object: Obj, required: string[], strings: string[], datetimes: string[]): string[] {
  const found: string[] = [];
  for (const key of required) if (!(key in object)) found.push(`missing ${key}`);
  for (const key of strings) if (key in object && typeof object[key] !== 'string') found.push(`${key} not a string`);
  for (const key of datetimes) {
    if (key in object && !W3C.test(String(object[key]))) found.push(`${key} has no zone: ${String(object[key])}`);
  }
  return found;
}

export function serviceProblems(s: Obj): string[] {
  const keys = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
  const found = problems(s, keys, ['service_code', 'service_name', 'description', 'keywords', 'group'], []);
  if (typeof s.metadata !== 'boolean') found.push('metadata not a boolean');
  if (!['realtime', 'batch', 'blackbox'].includes(String(s.type))) found.push(`type ${String(s.type)}`);
  return found;
}

const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];

export function definitionProblems(d: Obj): string[] {
  const found = problems(d, ['service_code', 'attributes'], ['service_code'], []);
  const attributes = Array.isArray(d.attributes) ? (d.attributes as Obj[]) : [];
  const orders = attributes.map((a) => a.order);
  if (new Set(orders).size !== orders.length) found.push('order not unique');
  for (const a of attributes) {
    const keys = ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'];
    found.push(...problems(a, keys, ['code', 'datatype_description', 'description'], []));
    if (typeof a.variable !== 'boolean' || typeof a.required !== 'boolean') found.push('variable/required not bool');
    if (!DATATYPES.includes(String(a.datatype))) found.push(`datatype ${String(a.datatype)}`);
    if (!Number.isInteger(a.order) || Number(a.order) < 1) found.push('order not a positive integer');
    for (const v of (a.values as Obj[] | undefined) ?? [])
      found.push(...problems(v, ['key', 'name'], ['key', 'name'], []));
  }
  return found;
}

export function requestProblems(r: Obj): string[] {
  const keys = ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description'];
  const more = ['agency_responsible', 'service_notice', 'requested_datetime', 'updated_datetime', 'address'];
  const found = problems(
    r,
    [...keys, ...more, 'address_id', 'zipcode'],
    ['service_request_id', 'service_code', 'status_notes', 'address_id', 'zipcode'],
    ['requested_datetime', 'updated_datetime', 'expected_datetime'],
  );
  if (r.status !== 'open' && r.status !== 'closed') found.push(`status ${String(r.status)}`);
  if ('lat' in r !== 'long' in r) found.push('lat without long');
  if (String(r.description ?? '').length > 4000) found.push('description too long');
  return found;
}

export function discoveryProblems(d: Obj): string[] {
  const found = problems(d, ['changeset', 'contact', 'key_service', 'endpoints'], [], ['changeset']);
  for (const e of (d.endpoints as Obj[] | undefined) ?? []) {
    found.push(...problems(e, ['specification', 'url', 'changeset', 'type', 'formats'], ['url'], ['changeset']));
    if (!['production', 'test'].includes(String(e.type))) found.push(`type ${String(e.type)}`);
  }
  return found;
}

/** No reporter identity anywhere in an answer: the names, the phone, the email and the internal case id. */
export function expectNoReporter(body: string, secrets: string[]): void {
  for (const secret of secrets) expect(body).not.toContain(secret);
}

// ---------------------------------------------------------------- calls

/** Both formats of a GET, checked to say the same thing, XML well formed and both with the spec's content type. */
export async function getBoth(t: TestApp, path: string): Promise<{ json: unknown; xml: XmlElement; status: number }> {
  const xmlRes = await t.app.inject({ method: 'GET', url: `${O311}/${path.replace('{fmt}', 'xml')}` });
  const jsonRes = await t.app.inject({ method: 'GET', url: `${O311}/${path.replace('{fmt}', 'json')}` });
  expect(xmlRes.statusCode).toBe(jsonRes.statusCode);
  expect(xmlRes.headers['content-type']).toBe('text/xml; charset=utf-8');
  expect(jsonRes.headers['content-type']).toBe('application/json; charset=utf-8');
  const xml = parseXml(xmlRes.body);
  const json: unknown = jsonRes.json();
  expect(xmlToPlain(xml)).toEqual(jsonAsText(json));
  return { json, xml, status: jsonRes.statusCode };
}

/** A form-encoded POST requests in the given format. */
export function postRequest(t: TestApp, form: string, format: 'xml' | 'json' = 'json', from = '10.3.0.1') {
  return t.app.inject({
    method: 'POST',
    url: `${O311}/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    payload: form,
    remoteAddress: from,
  });
}

/** The form body of a POST, encoded the way clients do (`+` for spaces, `%5B%5D` for `[]`). */
export const form = (fields: [string, string][]): string => new URLSearchParams(fields).toString();

/** Issues a key through the console API, as the county admin does. */
export async function issueKey(t: TestApp, admin: Session, name = '12345热线'): Promise<{ key: string; id: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/civic-api-keys',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    payload: { name },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { key: string; id: string };
}

/** The spec's error answer in either format: the status and the one error's code and description. */
export function errorOf(res: LightMyRequestResponse): { status: number; code: string; description: string } {
  if (res.headers['content-type'] === 'text/xml; charset=utf-8') {
    const root = parseXml(res.body);
    expect(root.tag).toBe('errors');
    const list = xmlToPlain(root) as { code: string; description: string }[];
    return { status: res.statusCode, code: list[0]?.code ?? '', description: list[0]?.description ?? '' };
  }
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  const list = res.json() as { code: number; description: string }[];
  expect(Array.isArray(list)).toBe(true);
  expect(typeof list[0]?.code).toBe('number');
  return { status: res.statusCode, code: String(list[0]?.code), description: list[0]?.description ?? '' };
}
