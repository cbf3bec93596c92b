import { describe, expect, it } from 'vitest';
import { checkAnswers } from './case-create.checks.ts';
import { newTrackingCode, normaliseTrackingCode } from './case-number.ts';
import { boundingBox, diceSimilarity, haversineMetres } from './text-similarity.ts';

describe('intake rules', () => {
  it('scores identical texts 1, unrelated ones 0 and shared bigrams in between (punctuation ignored)', () => {
    expect(diceSimilarity('消防通道被堵', '消防通道被堵。')).toBe(1);
    expect(diceSimilarity('消防通道被堵', '绿地种菜')).toBe(0);
    expect(diceSimilarity('消防通道被堵', '消防通道停车')).toBeCloseTo(0.6, 5);
    expect(diceSimilarity('', '消防')).toBe(0);
  });

  it('measures distances on the sphere and boxes a radius generously', () => {
    expect(haversineMetres({ lng: 102.7, lat: 25.04 }, { lng: 102.7, lat: 25.05 })).toBeCloseTo(1112, 0);
    const box = boundingBox({ lng: 102.7, lat: 25.04 }, 200);
    expect(haversineMetres({ lng: 102.7, lat: 25.04 }, { lng: box.maxLng, lat: 25.04 })).toBeCloseTo(200, 0);
  });

  it('makes tracking codes of Crockford base32 and reads them back however typed', () => {
    const code = newTrackingCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(normaliseTrackingCode(`${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`)).toBe(code);
    expect(normaliseTrackingCode('O1IL0ABCDE')).toBe('0111' + '0ABCDE');
    expect(normaliseTrackingCode('UUUUUUUUUU')).toBeNull();
    expect(normaliseTrackingCode('short')).toBeNull();
  });

  it('checks answers by type and normalises numbers and lists', () => {
    const questions = [
      { code: 'count', label: '数量', type: 'number' as const, required: true, options: [] },
      {
        code: 'kinds',
        label: '类型',
        type: 'multivaluelist' as const,
        required: false,
        options: [
          { key: 'a', name: 'A' },
          { key: 'b', name: 'B' },
        ],
      },
      { code: 'when', label: '时间', type: 'datetime' as const, required: false, options: [] },
    ];
    expect(checkAnswers(questions, { count: '3', kinds: 'a' })).toEqual({ count: 3, kinds: ['a'] });
    expect(() => checkAnswers(questions, { count: 'x', kinds: ['c'], when: 'yesterday' })).toThrow(
      expect.objectContaining({
        details: {
          issues: [
            { path: 'answers.count', message: 'type' },
            { path: 'answers.kinds', message: 'option' },
            { path: 'answers.when', message: 'type' },
          ],
        },
      }),
    );
  });
});
