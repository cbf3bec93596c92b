/** Mulberry32: a small deterministic PRNG, so the demo county is the same on every machine for a seed. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  /** Picks without repeating until the list runs out. */
  const picker = <T>(items: readonly T[]) => {
    let pool = [...items];
    return (): T => {
      if (pool.length === 0) pool = [...items];
      const index = Math.floor(next() * pool.length);
      const [item] = pool.splice(index, 1);
      if (item === undefined) throw new Error('empty pool');
      return item;
    };
  };
  return { next, int, pick, picker };
}

export type Random = ReturnType<typeof seededRandom>;
