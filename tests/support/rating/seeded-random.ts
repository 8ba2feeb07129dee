/**
 * A small seeded generator for property tests (mulberry32). Every run with the same seed draws the
 * same cases, so a failing case can be replayed from the seed printed in the test name.
 */
export interface SeededRandom {
  /** Uniform integer in [min, max]; both bounds inclusive and safe integers. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability percent / 100. */
  chance(percent: number): boolean;
}

const TWO_POW_32 = 2 ** 32;

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const int = (min: number, max: number): number => {
    const span = max - min + 1;
    // Two draws cover spans beyond 2^32 (exposures in cents easily exceed it); the modulo bias is
    // irrelevant for test-case generation.
    const draw = span <= TWO_POW_32 ? next() : (next() % 2 ** 21) * TWO_POW_32 + next();
    return min + (draw % span);
  };
  return {
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error("Cannot pick from an empty list");
      return items[int(0, items.length - 1)] as T;
    },
    chance: (percent: number): boolean => int(0, 99) < percent,
  };
}
