import { describe, expect, it } from 'vitest';
import { cryptoRandom, drawSpread, shuffle } from './drawing';

/** A fixed sequence, so that draws repeat exactly. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

const pool = Array.from({ length: 18 }, (_, i) => ({ id: `q${i}`, lesson: `l${(i % 4) + 1}` }));

describe('drawSpread', () => {
  it('draws the number asked for, each question once', () => {
    const drawn = drawSpread(pool, (q) => q.lesson, 10, cryptoRandom);
    expect(drawn).toHaveLength(10);
    expect(new Set(drawn.map((q) => q.id)).size).toBe(10);
  });

  it('spreads the draw over every lesson', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const counts = new Map<string, number>();
      for (const q of drawSpread(pool, (q) => q.lesson, 10, seeded(seed))) {
        counts.set(q.lesson, (counts.get(q.lesson) ?? 0) + 1);
      }
      expect(counts.size).toBe(4);
      expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
    }
  });

  it('varies between attempts', () => {
    const first = drawSpread(pool, (q) => q.lesson, 10, seeded(1)).map((q) => q.id);
    const second = drawSpread(pool, (q) => q.lesson, 10, seeded(2)).map((q) => q.id);
    expect(first).not.toEqual(second);
  });

  it('returns the whole pool when it is smaller than asked', () => {
    expect(drawSpread(pool.slice(0, 3), (q) => q.lesson, 10, seeded(3))).toHaveLength(3);
  });
});

describe('shuffle', () => {
  it('keeps every item', () => {
    expect(shuffle([1, 2, 3, 4, 5], seeded(9)).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
