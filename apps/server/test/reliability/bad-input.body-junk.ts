import { replaceAt } from './bad-input.invalid-values.ts';
import { encodeQuery, fieldsOf, type JunkSize, type Probe, probeFrom } from './bad-input.probe.ts';
import { type Baseline, numberPaths, type ProbedRoute, stringPaths } from './bad-input.route-table.ts';

/**
 * Hostile request bodies for every route that takes one: huge strings, deep nesting, prototype-pollution keys,
 * numbers JSON cannot hold, invalid UTF-8 and wrong content types. Each probe starts from the route's valid
 * baseline, so a refusal is about the junk, not about a missing field.
 */

type Path = (string | number)[];

const ONE_MB = 1_000_000;
const TEN_MB = 10_000_000;
/** The app's body limit is 1 MiB: a 1 MB string still reaches validation, a 10 MB one must be refused before. */
const TOO_LARGE = 'a body over the 1 MiB limit';
const NESTING = 10_000;

/** Built once: making a 10 MB payload per probe would cost more than sending it. */
let bigValues: { one: string; ten: string; oneBody: Buffer; tenBody: Buffer } | undefined;
const big = () => {
  if (!bigValues) {
    const one = 'x'.repeat(ONE_MB);
    const ten = 'x'.repeat(TEN_MB);
    bigValues = { one, ten, oneBody: Buffer.from(JSON.stringify(one)), tenBody: Buffer.from(JSON.stringify(ten)) };
  }
  return bigValues;
};

const JSON_TYPE = { 'content-type': 'application/json' };
const MARKER = '__bad_input_marker__';

const label = (path: Path): string => path.join('.');

/** The baseline body as JSON text with the value at `path` written raw — text JSON.stringify cannot produce. */
function rawAt(body: unknown, path: Path, raw: string | Buffer): string | Buffer {
  const [before = '', after = ''] = JSON.stringify(replaceAt(body, path, MARKER)).split(`"${MARKER}"`);
  return typeof raw === 'string' ? before + raw + after : Buffer.concat([Buffer.from(before), raw, Buffer.from(after)]);
}

const rawProbe = (route: ProbedRoute, baseline: Baseline, name: string, payload: string | Buffer): Probe => ({
  ...probeFrom(route, baseline, name, { body: undefined }),
  payload,
  headers: { ...JSON_TYPE },
});

/** A generator: at full size a 10 MB body per field would otherwise all be held in memory at once. */
function* hugeStrings(route: ProbedRoute, baseline: Baseline, size: JunkSize): Generator<Probe> {
  const { one, ten, oneBody, tenBody } = big();
  yield rawProbe(route, baseline, 'a 1 MB string as the whole body', oneBody);
  yield { ...rawProbe(route, baseline, 'a 10 MB string as the whole body', tenBody), framing: TOO_LARGE };
  for (const path of fieldsOf(stringPaths(baseline.body), size)) {
    yield probeFrom(route, baseline, `body.${label(path)}: a 1 MB string`, {
      body: replaceAt(baseline.body, path, one),
    });
    // The fast run's whole-body probe already shows the limit holds; at full size every field gets 10 MB too.
    if (size.everyField) {
      const body = replaceAt(baseline.body, path, ten);
      yield { ...probeFrom(route, baseline, `body.${label(path)}: a 10 MB string`, { body }), framing: TOO_LARGE };
    }
  }
}

function deepNesting(route: ProbedRoute, baseline: Baseline, size: JunkSize): Probe[] {
  const deepArray = `${'['.repeat(NESTING)}${']'.repeat(NESTING)}`;
  const deepObject = `${'{"a":'.repeat(NESTING)}1${'}'.repeat(NESTING)}`;
  const probes = [rawProbe(route, baseline, `objects nested ${NESTING} deep`, deepObject)];
  if (size.everyField) probes.push(rawProbe(route, baseline, `arrays nested ${NESTING} deep`, deepArray));
  const paths = [...stringPaths(baseline.body), ...numberPaths(baseline.body)];
  for (const path of fieldsOf(paths, size)) {
    probes.push(
      rawProbe(
        route,
        baseline,
        `body.${label(path)}: objects nested ${NESTING} deep`,
        rawAt(baseline.body, path, deepObject),
      ),
    );
  }
  return probes;
}

/** Poisoned JSON: Fastify must refuse it outright (its parser's default), so no handler ever sees such a key. */
const POISONED = 'a __proto__ or constructor.prototype key';

function prototypeKeys(route: ProbedRoute, baseline: Baseline): Probe[] {
  const rest = JSON.stringify(baseline.body ?? {}).slice(1);
  const glue = rest === '}' ? '' : ',';
  const probes: Probe[] = [
    { ...rawProbe(route, baseline, '{"__proto__":{"admin":true}}', '{"__proto__":{"admin":true}}'), framing: POISONED },
    {
      ...rawProbe(route, baseline, 'baseline + "__proto__"', `{"__proto__":{"admin":true}${glue}${rest}`),
      framing: POISONED,
    },
    {
      ...rawProbe(route, baseline, 'constructor.prototype', '{"constructor":{"prototype":{"admin":true}}}'),
      framing: POISONED,
    },
    {
      ...rawProbe(
        route,
        baseline,
        'baseline + constructor.prototype',
        `{"constructor":{"prototype":{"admin":true}}${glue}${rest}`,
      ),
      framing: POISONED,
    },
  ];
  const firstObject = stringPaths(baseline.body).find((path) => path.length > 1);
  if (firstObject) {
    const nested = rawAt(baseline.body, firstObject.slice(0, -1), '{"__proto__":{"admin":true}}');
    probes.push({
      ...rawProbe(route, baseline, `body.${label(firstObject.slice(0, -1))}: __proto__`, nested),
      framing: POISONED,
    });
  }
  return probes;
}

const RAW_NUMBERS = ['1e309', '-1e309', '-0', '"NaN"', '"Infinity"', '1e-400', '123456789012345678901234567890'];

function extremeNumbers(route: ProbedRoute, baseline: Baseline, size: JunkSize): Probe[] {
  const probes = [rawProbe(route, baseline, 'the body 1e309', '1e309')];
  for (const path of fieldsOf(numberPaths(baseline.body), size)) {
    for (const raw of RAW_NUMBERS) {
      probes.push(rawProbe(route, baseline, `body.${label(path)}: ${raw}`, rawAt(baseline.body, path, raw)));
    }
  }
  return probes;
}

/** RFC 8259 §8.1: JSON text is UTF-8. Bytes that are not (a stray 0xFF, an overlong form, a UTF-16 surrogate). */
const INVALID_UTF8 = Buffer.from([0x22, 0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xc0, 0xaf, 0x22]);
const NOT_UTF8 = 'JSON text that is not UTF-8';

function invalidUtf8(route: ProbedRoute, baseline: Baseline, size: JunkSize): Probe[] {
  const probes = [
    {
      ...rawProbe(route, baseline, 'a body of invalid UTF-8', Buffer.from([0xff, 0xfe, 0x7b, 0x7d])),
      framing: NOT_UTF8,
    },
  ];
  for (const path of fieldsOf(stringPaths(baseline.body), size)) {
    probes.push({
      ...rawProbe(
        route,
        baseline,
        `body.${label(path)}: invalid UTF-8 bytes`,
        rawAt(baseline.body, path, INVALID_UTF8),
      ),
      framing: NOT_UTF8,
    });
  }
  return probes;
}

/** JSON texts that parse but are no object; the fast run sends the first two. */
const NOT_OBJECTS = ['null', '[]', '"x"', 'true', '0'];

function contentTypes(route: ProbedRoute, baseline: Baseline, size: JunkSize): Probe[] {
  const json = JSON.stringify(baseline.body ?? {});
  const bytes = Buffer.from(json);
  const withHeaders = (
    name: string,
    payload: string | Buffer,
    headers: Record<string, string>,
    framing?: string,
  ): Probe => ({
    ...probeFrom(route, baseline, name, { body: undefined }),
    payload,
    headers,
    ...(framing ? { framing } : {}),
  });
  const form = encodeQuery(baseline.body ?? {});
  return [
    withHeaders('Content-Type: text/plain', json, { 'content-type': 'text/plain' }),
    withHeaders(
      'Content-Type: application/x-www-form-urlencoded',
      form,
      { 'content-type': 'application/x-www-form-urlencoded' },
      // Open311 takes form bodies (the spec's encoding); no other route has a parser for them.
      route.open311 ? undefined : 'a media type no parser takes',
    ),
    withHeaders(
      'Content-Type: application/xml',
      '<a/>',
      { 'content-type': 'application/xml' },
      'a media type no parser takes',
    ),
    withHeaders('a body without Content-Type', bytes, {}, 'a body without Content-Type'),
    withHeaders(
      'Content-Length 10 too long',
      json,
      { ...JSON_TYPE, 'content-length': String(bytes.length + 10) },
      'a wrong Content-Length',
    ),
    withHeaders(
      'Content-Length 2 too short',
      json,
      { ...JSON_TYPE, 'content-length': String(Math.max(bytes.length - 2, 0)) },
      'a wrong Content-Length',
    ),
    withHeaders('an empty JSON body', '', { ...JSON_TYPE }, 'an empty body labelled JSON'),
    withHeaders('no body at all', Buffer.alloc(0), {}),
    withHeaders('malformed JSON', '{"a":', { ...JSON_TYPE }, 'malformed JSON'),
    ...(size.everyField ? NOT_OBJECTS : NOT_OBJECTS.slice(0, 2)).map((text) =>
      withHeaders(`the body ${text}`, text, { ...JSON_TYPE }),
    ),
    withHeaders(
      'multipart/form-data with a text field',
      '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n',
      {
        'content-type': 'multipart/form-data; boundary=b',
      },
    ),
  ];
}

/**
 * Text zod lets through but a database may not: PostgreSQL refuses NUL in text, and a lone surrogate has no
 * UTF-8 form. Every string field gets them, so a route that stores text shows it refuses or cleans them.
 */
function hostileText(route: ProbedRoute, baseline: Baseline): Probe[] {
  return stringPaths(baseline.body).flatMap((path) => [
    probeFrom(route, baseline, `body.${label(path)}: a NUL inside`, {
      body: replaceAt(baseline.body, path, 'a\u0000b'),
    }),
    rawProbe(route, baseline, `body.${label(path)}: a lone surrogate`, rawAt(baseline.body, path, '"a\\ud800b"')),
  ]);
}

export const BODY_JUNK = {
  hugeStrings,
  deepNesting,
  prototypeKeys,
  extremeNumbers,
  invalidUtf8,
  hostileText,
  contentTypes,
} as const;
