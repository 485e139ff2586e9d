import type { QuestionRecord } from '../../../db/records';
import { drawChoiceOrders } from './choiceOrder';
import { drawSpread, type Random } from './drawing';

export interface AttemptPlan {
  questionIds: string[];
  choiceOrder: Record<string, string[]>;
}

/**
 * What a new attempt asks, drawn once and stored with it: `count` questions of the pool spread
 * over its lessons (a module quiz) or its modules (the practice assessment), never two on the
 * same fact, and the order of each question's choices.
 */
export function planAttempt(
  pool: readonly QuestionRecord[],
  spreadOver: 'lessonId' | 'moduleId',
  count: number,
  random: Random,
): AttemptPlan {
  const drawn = drawSpread(
    pool,
    (q) => q[spreadOver],
    count,
    random,
    (q) => q.fact,
  );
  return { questionIds: drawn.map((q) => q.id), choiceOrder: drawChoiceOrders(drawn, random) };
}
