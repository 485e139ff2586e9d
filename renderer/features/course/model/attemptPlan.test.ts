import { describe, expect, it } from 'vitest';
import { attemptById, finishAttempt, saveAnswer, startAttempt } from '../../../db/course';
import { useTestDatabases } from '../../../db/databases.testing';
import type { QuestionRecord } from '../../../db/records';
import { planAttempt } from './attemptPlan';
import { choicesInOrder } from './choiceOrder';
import { seededRandom } from './drawing';

const fresh = useTestDatabases('attempt-plan');

/** Six modules of twelve questions; within a module, questions 2k and 2k+1 rest on one fact. */
const pool: QuestionRecord[] = Array.from({ length: 72 }, (_, i) => {
  const module = Math.floor(i / 12) + 1;
  return {
    lang: 'en',
    id: `m${module}-q${String(i % 12).padStart(2, '0')}`,
    moduleId: `m${module}`,
    lessonId: `m${module}-l${(i % 4) + 1}`,
    type: 'single',
    prompt: `Question ${i}?`,
    choices: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Choice ${id}` })),
    correctChoiceIds: ['a'],
    explanation: 'Because.',
    fact: `M${module}-${String(Math.floor((i % 12) / 2)).padStart(2, '0')}`,
  };
});
const byId = new Map(pool.map((q) => [q.id, q]));

describe('planAttempt', () => {
  it('never draws two questions resting on the same fact', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const practice = planAttempt(pool, 'moduleId', 20, seededRandom(seed));
      const facts = practice.questionIds.map((id) => byId.get(id)!.fact);
      expect(practice.questionIds).toHaveLength(20);
      expect(new Set(facts).size).toBe(20);
      const moduleQuiz = planAttempt(
        pool.filter((q) => q.moduleId === 'm3'),
        'lessonId',
        10,
        seededRandom(seed),
      );
      // Six facts in the module: six questions, one per fact, rather than a repeat.
      expect(new Set(moduleQuiz.questionIds.map((id) => byId.get(id)!.fact)).size).toBe(6);
      expect(moduleQuiz.questionIds).toHaveLength(6);
    }
  });

  it('treats questions without a fact (older packs) as all different', () => {
    const older = pool.map(({ fact: _fact, ...q }) => q);
    expect(planAttempt(older, 'moduleId', 20, seededRandom(1)).questionIds).toHaveLength(20);
  });

  it('stores the choice order with the attempt: a resumed attempt and its review show the order it started with', async () => {
    const db = fresh();
    const plan = planAttempt(pool, 'moduleId', 20, seededRandom(7));
    const shown = (order: Record<string, string[]> | undefined) =>
      plan.questionIds.map((id) => choicesInOrder(byId.get(id)!.choices, order?.[id]).map((c) => c.id));
    const atStart = shown(plan.choiceOrder);
    // A shuffled order, not the authored one.
    expect(atStart.filter((order) => order.join() !== 'a,b,c,d').length).toBeGreaterThan(10);

    const started = await startAttempt(db, { kind: 'practice', moduleId: null, ...plan, contentVersion: '1' });
    await saveAnswer(db, started.id, plan.questionIds[0]!, ['a']);
    db.close();
    const reopened = fresh(db.name);
    const resumed = await attemptById(reopened, started.id);
    expect(shown(resumed!.choiceOrder)).toEqual(atStart);

    await finishAttempt(reopened, started.id, 0.05);
    expect(shown((await attemptById(reopened, started.id))!.choiceOrder)).toEqual(atStart);
  });
});
