/** A source of uniform random numbers in [0, 1); injected so that tests can fix it. */
export type Random = () => number;

export const cryptoRandom: Random = () => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;

/** A repeatable sequence for a seed (mulberry32): the same seed always gives the same draws. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/**
 * Draws `count` distinct items spread as evenly as possible over the groups (the lessons of a
 * module, or the modules of the course), each group's items in random order. Two items with the
 * same `factOf` (questions resting on the same fact) are never both drawn. Returns fewer only
 * when the pool has fewer than `count` items with different facts.
 */
export function drawSpread<T>(
  items: readonly T[],
  groupOf: (item: T) => string,
  count: number,
  random: Random,
  factOf: (item: T) => string | undefined = () => undefined,
): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = groupOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const queues = shuffle([...groups.values()], random).map((group) => shuffle(group, random));
  const facts = new Set<string>();
  const takeFrom = (queue: T[]): T | undefined => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const fact = factOf(next);
      if (fact === undefined) return next;
      if (facts.has(fact)) continue;
      facts.add(fact);
      return next;
    }
    return undefined;
  };
  const drawn: T[] = [];
  while (drawn.length < count && queues.some((q) => q.length > 0)) {
    for (const queue of queues) {
      if (drawn.length >= count) break;
      const next = takeFrom(queue);
      if (next !== undefined) drawn.push(next);
    }
  }
  return shuffle(drawn, random);
}
