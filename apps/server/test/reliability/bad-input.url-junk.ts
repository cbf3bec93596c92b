import { encodeQuery, encodeText, fieldsOf, type JunkSize, type Probe, probeFrom } from './bad-input.probe.ts';
import type { Baseline, ProbedRoute } from './bad-input.route-table.ts';
import { toWireObject } from './bad-input.valid-values.ts';

/**
 * Hostile paths and query strings for every route: traversal and NUL in path parameters, ids far past any
 * length, invalid UTF-8 percent-escapes, repeated keys and lists where one value is expected, prototype keys,
 * and 1 MB values. Probes start from the route's valid baseline; whether the route must refuse one is worked
 * out from its schemas (`refusalReason`), not assumed here.
 */

/** Path parameter values as they stand in the URL (already percent-encoded, or deliberately not). */
const HOSTILE_PARAMS: readonly (readonly [string, string])[] = [
  ['encoded ../ traversal', '..%2F..%2F..%2Fetc%2Fpasswd'],
  ['encoded ..', '%2E%2E'],
  ['NUL', '%00'],
  ['NUL inside', 'abc%00def'],
  ['a 10,000-character id', 'a'.repeat(10_000)],
  ['invalid UTF-8 (0xFF 0xFE)', '%FF%FE'],
  ['overlong UTF-8 for /', '%C0%AF'],
  ['a UTF-16 surrogate in UTF-8', '%ED%A0%80'],
  ['a space', '%20'],
  ['a backslash traversal', '..%5C..%5Cwindows'],
];

function hostileParams(route: ProbedRoute, baseline: Baseline): Probe[] {
  const probes: Probe[] = [];
  for (const name of route.paramNames) {
    for (const [what, raw] of HOSTILE_PARAMS) {
      const probe = probeFrom(route, baseline, `:${name} ${what}`);
      probes.push({ ...probe, pathParams: { ...probe.pathParams, [name]: raw } });
    }
    // Traversal written into the path itself (the router sees the dots and slashes).
    const probe = probeFrom(route, baseline, `:${name} ../../ in the path`);
    probes.push({ ...probe, pathParams: { ...probe.pathParams, [name]: '../../etc/passwd' } });
  }
  return probes;
}

const QUERY_NUMBERS = ['1e309', '-0', 'NaN', 'Infinity', '9007199254740993', '0x10'];

const withQuery = (route: ProbedRoute, baseline: Baseline, name: string, query: string): Probe => ({
  ...probeFrom(route, baseline, name),
  query,
});

/** The baseline's query with `extra` appended, as raw (already encoded) text. */
const plus = (baseline: Baseline, extra: string): string =>
  [encodeQuery(baseline.query), extra].filter(Boolean).join('&');

/** Each key of the baseline query, with a way to send the rest of the baseline plus that key written raw. */
function queryKeys(route: ProbedRoute, baseline: Baseline) {
  const entries = Object.entries(toWireObject(baseline.query));
  return entries.map(([key, value]) => {
    const others = encodeQuery(Object.fromEntries(entries.filter(([other]) => other !== key)));
    const at = (name: string, raw: string) =>
      withQuery(route, baseline, `?${key} ${name}`, [others, raw].filter(Boolean).join('&'));
    return { key: encodeText(key), text: Array.isArray(value) ? (value[0] ?? '') : value, at };
  });
}

/** Query junk that needs no knowledge of the route: raw text appended to the baseline query. */
const GENERIC_QUERIES: readonly (readonly [string, string])[] = [
  ['a key repeated (a=1&a=2)', 'a=1&a=2'],
  ['invalid UTF-8 in an unknown key', 'q=%FF%FE'],
  ['__proto__ keys', '__proto__[admin]=true&__proto__.admin=true&__proto__=x'],
  ['constructor.prototype keys', 'constructor[prototype][admin]=true'],
  ['an unknown key', 'zz=1'],
  ['bracket list syntax', 'a[]=1&a[]=2'],
  ['an empty key and bare separators', '=1&&&b'],
  ['a broken percent-escape', 'q=%E4%B8'],
  ['1,000 keys', Array.from({ length: 1000 }, (_, i) => `k${i}=${i}`).join('&')],
];
/** The fast run sends the first four; most of the rest reach the route's list query and cost a full search each. */
const GENERIC_IN_FAST_RUN = 4;

function hostileQueries(route: ProbedRoute, baseline: Baseline, size: JunkSize): Probe[] {
  const generic = size.everyField ? GENERIC_QUERIES : GENERIC_QUERIES.slice(0, GENERIC_IN_FAST_RUN);
  const probes = generic.map(([name, extra]) => withQuery(route, baseline, name, plus(baseline, extra)));
  const keys = queryKeys(route, baseline);
  for (const { key, text, at } of fieldsOf(keys, size)) {
    probes.push(
      at('repeated with two values', `${key}=${encodeText(text)}&${key}=${encodeText(`${text}2`)}`),
      at('as a bracket list', `${key}[]=${encodeText(text)}`),
      at('with invalid UTF-8', `${key}=%FF%FE`),
      at('empty', `${key}=`),
      at('a 1 MB value', `${key}=${'x'.repeat(1_000_000)}`),
    );
  }
  // PostgreSQL refuses NUL in text: every key gets one, as every text field in a body does.
  for (const { key, text, at } of keys) probes.push(at('with a NUL', `${key}=${encodeText(text)}%00`));
  const numeric = keys.filter(({ text }) => /^-?\d+(\.\d+)?$/.test(text));
  for (const { key, at } of fieldsOf(numeric, size))
    probes.push(...QUERY_NUMBERS.map((n) => at(`= ${n}`, `${key}=${n}`)));
  return probes;
}

export const URL_JUNK = { hostileParams, hostileQueries } as const;
