import type { QuestionRecord } from '../../../db/records';
import { shuffle, type Random } from './drawing';

type Choice = QuestionRecord['choices'][number];

/**
 * The order a question's choices are shown in for one attempt. Shuffled, because the authored
 * order gives answers away; except True then False, and choices marked `fixedLast` ("All of the
 * above"), which stay last in their authored order.
 */
export function drawChoiceOrder(question: Pick<QuestionRecord, 'type' | 'choices'>, random: Random): string[] {
  if (question.type === 'true-false') return question.choices.map((c) => c.id);
  const movable = question.choices.filter((c) => !c.fixedLast).map((c) => c.id);
  const last = question.choices.filter((c) => c.fixedLast).map((c) => c.id);
  return [...shuffle(movable, random), ...last];
}

/** The choice order of every question of a new attempt, stored with it. */
export function drawChoiceOrders(
  questions: readonly Pick<QuestionRecord, 'id' | 'type' | 'choices'>[],
  random: Random,
): Record<string, string[]> {
  return Object.fromEntries(questions.map((q) => [q.id, drawChoiceOrder(q, random)]));
}

/**
 * The choices in the order stored with the attempt. An attempt without one (started before
 * choices were shuffled) shows the authored order; a choice the order does not know (the
 * content changed since) comes after the others.
 */
export function choicesInOrder<C extends Choice>(choices: readonly C[], order: readonly string[] | undefined): C[] {
  if (!order) return [...choices];
  const rank = new Map(order.map((id, index) => [id, index]));
  return [...choices].sort((a, b) => (rank.get(a.id) ?? order.length) - (rank.get(b.id) ?? order.length));
}
