import { describe, expect, it } from 'vitest';
import { parseXml, xmlToPlain } from './open311.test-support.ts';
import { escapeXml, list, toJsonValue, toXml } from './open311-document.ts';
import { parseW3c, splitSuffix, w3cShanghai } from './open311-format.ts';

const DECL = '<?xml version="1.0" encoding="utf-8"?>\n';

describe('the Open311 document model and its two renderings', () => {
  it('renders a list of objects as repeated item elements under the root, and as a top-level JSON array', () => {
    const doc = list('service', [
      { service_code: 'MS01', metadata: false, order: 1 },
      { service_code: 'CG01', metadata: true, order: 2 },
    ]);
    expect(toXml('services', doc)).toBe(
      `${DECL}<services><service><service_code>MS01</service_code><metadata>false</metadata><order>1</order>` +
        '</service><service><service_code>CG01</service_code><metadata>true</metadata><order>2</order></service>' +
        '</services>',
    );
    expect(toJsonValue(doc)).toEqual([
      { service_code: 'MS01', metadata: false, order: 1 },
      { service_code: 'CG01', metadata: true, order: 2 },
    ]);
  });

  it('escapes all five markup characters and drops the control characters XML 1.0 forbids', () => {
    expect(escapeXml(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
    expect(escapeXml('bell\u0007 tab\t nl\n')).toBe('bell tab\t nl\n');
    const xml = toXml('x', { note: `<script>alert('&')</script>`, 说明: undefined });
    expect(xml).toBe(`${DECL}<x><note>&lt;script&gt;alert(&apos;&amp;&apos;)&lt;/script&gt;</note></x>`);
    expect(xmlToPlain(parseXml(xml))).toEqual({ note: `<script>alert('&')</script>` });
  });

  it('writes empty values and empty lists as empty elements, leaves undefined fields out of both formats', () => {
    const doc = { a: '', b: null, c: list('v', []), d: undefined, e: { f: list('g', ['1', '2']) } };
    expect(toXml('r', doc)).toBe(`${DECL}<r><a/><b/><c/><e><f><g>1</g><g>2</g></f></e></r>`);
    expect(toJsonValue(doc)).toEqual({ a: '', b: null, c: [], e: { f: ['1', '2'] } });
  });

  it('refuses a field name that is not an XML element name instead of writing a broken document', () => {
    expect(() => toXml('r', { 'bad name': 'x' })).toThrow(/element name/);
    expect(() => toXml('1r', 'x')).toThrow(/element name/);
  });

  it('keeps Chinese text as UTF-8 characters', () => {
    const xml = toXml('r', { name: '下水道堵塞' });
    expect(xml).toContain('<name>下水道堵塞</name>');
    expect(parseXml(xml).children[0]?.text).toBe('下水道堵塞');
  });
});

describe('the minimal XML reader used by the Open311 tests', () => {
  it('rejects what is not well formed', () => {
    expect(() => parseXml('<a/>')).toThrow(/declaration/);
    expect(() => parseXml(`${DECL}<a><b></a></b>`)).toThrow(/closes/);
    expect(() => parseXml(`${DECL}<a/><b/>`)).toThrow(/root/);
    expect(() => parseXml(`${DECL}<a>x & y</a>`)).toThrow(/bare &/);
    expect(() => parseXml(`${DECL}<a><b></a>`)).toThrow();
    expect(() => parseXml(`${DECL}<a x="1"/>`)).toThrow(/unexpected markup/);
    expect(() => parseXml(`${DECL}<a>`)).toThrow(/never closed/);
  });
});

describe('Open311 formats and datetimes', () => {
  it('picks the format from the suffix and nothing else', () => {
    expect(splitSuffix('MS01.json')).toEqual({ name: 'MS01', format: 'json' });
    expect(splitSuffix('MQ20261127-0001.xml')).toEqual({ name: 'MQ20261127-0001', format: 'xml' });
    expect(splitSuffix('MS01.csv')).toBeNull();
    expect(splitSuffix('.xml')).toBeNull();
  });

  it('writes instants in the W3C profile with the county offset and reads only datetimes with a zone', () => {
    expect(w3cShanghai('2026-11-27T02:00:00.000Z')).toBe('2026-11-27T10:00:00+08:00');
    expect(w3cShanghai('2026-12-31T16:30:05.123Z')).toBe('2027-01-01T00:30:05+08:00');
    expect(parseW3c('2026-11-27T10:00:00+08:00')?.toISOString()).toBe('2026-11-27T02:00:00.000Z');
    expect(parseW3c('2026-11-27T02:00:00Z')?.toISOString()).toBe('2026-11-27T02:00:00.000Z');
    expect(parseW3c('2026-11-27T10:00:00')).toBeNull();
    expect(parseW3c('2026-11-27')).toBeNull();
    expect(parseW3c('2026-13-45T10:00:00Z')).toBeNull();
  });
});
