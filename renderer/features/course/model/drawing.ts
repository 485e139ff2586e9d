/** A source of uniform random numbers in [0, 1); injected so that tests can fix it. */
export type Random = () => number;

export const cryptoRandom: Random = () => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;

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
 * module, or the modules of the course), each group's items in random order. Returns fewer
 * only when the pool is smaller than `count`.
 */
export function drawSpread<T>(items: readonly T[], groupOf: (item: T) => string, count: number, random: Random): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = groupOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const queues = shuffle([...groups.values()], random).map((group) => shuffle(group, random));
  const drawn: T[] = [];
  while (drawn.length < count && queues.some((q) => q.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next !== undefined && drawn.length < count) drawn.push(next);
    }
  }
  return shuffle(drawn, random);
}
