import { describe, expect, it } from 'vitest';
import type { QuestionRecord } from '../../../db/records';
import { choicesInOrder, drawChoiceOrder } from './choiceOrder';
import { seededRandom } from './drawing';

const ATTEMPTS = 6000;
/** Chi-square at p = 0.001 for 2, 3 and 4 degrees of freedom: a fair shuffle stays below. */
const CRITICAL = { 3: 13.82, 4: 16.27, 5: 18.47 } as Record<number, number>;

function question(count: number, overrides: Partial<QuestionRecord> = {}): QuestionRecord {
  return {
    lang: 'en',
    id: 'm1-q01',
    moduleId: 'm1',
    lessonId: 'm1-l1',
    type: 'single',
    prompt: 'Which?',
    choices: Array.from({ length: count }, (_, i) => ({ id: String.fromCharCode(97 + i), text: `Choice ${i}` })),
    correctChoiceIds: ['a'],
    explanation: 'Because.',
    ...overrides,
  };
}

/** How often each choice in `watched` is shown at each position, over seeded attempts 1…ATTEMPTS. */
function positionCounts(q: QuestionRecord, watched: readonly string[]): number[] {
  const counts = Array<number>(q.choices.length).fill(0);
  for (let seed = 1; seed <= ATTEMPTS; seed++) {
    const order = drawChoiceOrder(q, seededRandom(seed));
    for (const id of watched) counts[order.indexOf(id)]! += 1;
  }
  return counts;
}

function chiSquare(observed: readonly number[]): number {
  const expected = observed.reduce((sum, n) => sum + n, 0) / observed.length;
  return observed.reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
}

describe('drawChoiceOrder', () => {
  it.each([3, 4, 5])('puts the correct choice of a %i-choice question equally often in every position', (count) => {
    const counts = positionCounts(question(count), ['a']);
    expect(chiSquare(counts)).toBeLessThan(CRITICAL[count]!);
    // The authored order would leave every count at one position.
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });

  it('does the same for each correct choice of a multiple-answer question', () => {
    const q = question(5, { type: 'multiple', correctChoiceIds: ['a', 'b'] });
    for (const id of q.correctChoiceIds) expect(chiSquare(positionCounts(q, [id]))).toBeLessThan(CRITICAL[5]!);
  });

  it('fails a shuffle that is not fair (the test can fail)', () => {
    expect(chiSquare([ATTEMPTS, 0, 0, 0])).toBeGreaterThan(CRITICAL[4]!);
    expect(chiSquare([1400, 1400, 1400, 1800])).toBeGreaterThan(CRITICAL[4]!);
  });

  it('keeps a fixedLast choice last and shuffles the others fairly before it', () => {
    const q = question(4);
    q.choices[1] = { ...q.choices[1]!, fixedLast: true };
    const counts = Array<number>(3).fill(0);
    for (let seed = 1; seed <= ATTEMPTS; seed++) {
      const order = drawChoiceOrder(q, seededRandom(seed));
      expect(order[3]).toBe('b');
      counts[order.indexOf('a')]! += 1;
    }
    expect(chiSquare(counts)).toBeLessThan(CRITICAL[3]!);
  });

  it('keeps True then False', () => {
    const q = question(2, {
      type: 'true-false',
      choices: [
        { id: 'true', text: 'True' },
        { id: 'false', text: 'False' },
      ],
      correctChoiceIds: ['false'],
    });
    for (let seed = 1; seed <= 50; seed++) expect(drawChoiceOrder(q, seededRandom(seed))).toEqual(['true', 'false']);
  });

  it('repeats for the same seed', () => {
    expect(drawChoiceOrder(question(5), seededRandom(42))).toEqual(drawChoiceOrder(question(5), seededRandom(42)));
  });
});

describe('choicesInOrder', () => {
  it('shows the stored order, the authored one without it, and unknown choices last', () => {
    const { choices } = question(4);
    expect(choicesInOrder(choices, ['c', 'a', 'd', 'b']).map((c) => c.id)).toEqual(['c', 'a', 'd', 'b']);
    expect(choicesInOrder(choices, undefined).map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(choicesInOrder(choices, ['d', 'b']).map((c) => c.id)).toEqual(['d', 'b', 'a', 'c']);
  });
});
