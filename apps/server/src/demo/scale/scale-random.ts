import { type Random, seededRandom } from '../seeded-random.ts';

/**
 * One deterministic stream per part of the county (places, members, cases …), derived from the run's seed and
 * the part's name, so a change in how one part draws leaves the others' rows as they were.
 */
export function scaleStream(seed: number, part: string): Random {
  let hash = 0x811c9dc5;
  for (const char of part) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193);
  return seededRandom((seed ^ hash) >>> 0);
}

/** Four hex digits for every 16-bit value: an id is eight lookups instead of number formatting. */
const HEX16 = Array.from({ length: 0x10000 }, (_, i) => i.toString(16).padStart(4, '0'));
const hex16 = (value: number): string => HEX16[value & 0xffff] ?? '0000';

/**
 * UUIDv7 ids drawn from a seeded stream: the row's own time in the first 48 bits (so ids sort by creation, as
 * `newId()`'s do, and bulk loads append to the primary-key indexes), 74 bits from the stream, the version and
 * variant bits in place. The same seed gives the same ids.
 */
export function seededIds(random: Random): (atMs: number) => string {
  const word = (): number => Math.floor(random.next() * 0x1_0000_0000);
  return (atMs) => {
    const ms = Math.floor(atMs);
    const high = Math.floor(ms / 0x1_0000_0000);
    const low = ms >>> 0;
    const a = word();
    const b = word();
    const c = word();
    return (
      `${hex16(high)}${hex16(low >>> 16)}-${hex16(low)}-${hex16(0x7000 | (a >>> 20))}-` +
      `${hex16(0x8000 | ((a >>> 4) & 0x3fff))}-${hex16(b >>> 16)}${hex16(b)}${hex16(c)}`
    );
  };
}

export type IdMaker = ReturnType<typeof seededIds>;

/** Index of `weights` drawn in proportion to them, by binary search over their running sums. */
export function weightedPicker(weights: readonly number[]): (random: Random) => number {
  const sums: number[] = [];
  let total = 0;
  for (const w of weights) {
    total += w;
    sums.push(total);
  }
  if (total <= 0) throw new Error('weighted pick from nothing');
  return (random) => {
    const target = random.next() * total;
    let lo = 0;
    let hi = sums.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sums[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Splits `total` into whole shares proportional to `weights` (largest remainder): the shares add up exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}
