import type { QuestionRecord, QuizAttemptRecord } from '../../../db/records';

/** The course's rule: the certificate needs every module quiz attempted and this overall score. */
export const CERTIFICATE_THRESHOLD = 0.8;

export type FinishedAttempt = QuizAttemptRecord & { score: number; finishedAt: string };

export function isFinished(attempt: QuizAttemptRecord): attempt is FinishedAttempt {
  return attempt.finishedAt !== null && attempt.score !== null;
}

/** The best score of each module's finished quiz attempts (practice assessments do not count). */
export function bestScoreByModule(attempts: readonly QuizAttemptRecord[]): Map<string, number> {
  const best = new Map<string, number>();
  for (const attempt of attempts) {
    if (attempt.kind !== 'module' || attempt.moduleId === null || !isFinished(attempt)) continue;
    best.set(attempt.moduleId, Math.max(best.get(attempt.moduleId) ?? 0, attempt.score));
  }
  return best;
}

/** Whether a score is at or above the 80% line. */
export function reachesLine(score: number): boolean {
  // Scores are fractions of small whole numbers: compare with a tolerance, not to the last bit.
  return score >= CERTIFICATE_THRESHOLD - 1e-9;
}

export interface ModuleStanding {
  moduleId: string;
  /** The best finished attempt's score; undefined while the quiz has not been taken. */
  best: number | undefined;
  /** The attempt that scored it (the first, if several did). */
  bestAttemptId: string | undefined;
}

export interface CourseStanding {
  /** Mean of the best score in each module; a module not yet attempted counts as 0. */
  overall: number;
  /** Module quizzes taken at least once. */
  attemptedModules: number;
  /** Module quizzes whose best score is at or above the 80% line. */
  modulesAtLine: number;
  totalModules: number;
  modules: ModuleStanding[];
  isCertificateEarned: boolean;
}

/** The course's rule, in one place: every screen that shows the standing or the certificate asks here. */
export function courseStanding(moduleIds: readonly string[], attempts: readonly QuizAttemptRecord[]): CourseStanding {
  const best = bestScoreByModule(attempts);
  const modules = moduleIds.map((moduleId): ModuleStanding => {
    const score = best.get(moduleId);
    const bestAttempt = attempts.find(
      (a) => a.kind === 'module' && a.moduleId === moduleId && isFinished(a) && a.score === score,
    );
    return { moduleId, best: score, bestAttemptId: bestAttempt?.id };
  });
  const attemptedModules = modules.filter((m) => m.best !== undefined).length;
  const overall = moduleIds.length === 0 ? 0 : modules.reduce((sum, m) => sum + (m.best ?? 0), 0) / moduleIds.length;
  return {
    overall,
    attemptedModules,
    modulesAtLine: modules.filter((m) => m.best !== undefined && reachesLine(m.best)).length,
    totalModules: moduleIds.length,
    modules,
    isCertificateEarned: moduleIds.length > 0 && attemptedModules === moduleIds.length && reachesLine(overall),
  };
}

/** An answer is right when it selects exactly the correct choices. */
export function isAnswerCorrect(selected: readonly string[] | undefined, correct: readonly string[]): boolean {
  if (!selected || selected.length !== correct.length) return false;
  const wanted = new Set(correct);
  return selected.every((id) => wanted.has(id));
}

/** A question counts as answered once at least one choice is stored for it. */
export function isAnswered(answers: Readonly<Record<string, readonly string[]>>, questionId: string): boolean {
  return (answers[questionId]?.length ?? 0) > 0;
}

/** How an answer fares: "partly" when some but not all of a multiple-answer question's choices are right. */
export type AnswerVerdict = 'right' | 'partly' | 'wrong';

export function answerVerdict(selected: readonly string[] | undefined, correct: readonly string[]): AnswerVerdict {
  if (isAnswerCorrect(selected, correct)) return 'right';
  return correct.length > 1 && selected?.some((id) => correct.includes(id)) ? 'partly' : 'wrong';
}

/** What the learner did with one choice: ticked and right, ticked and wrong, missed, or rightly left. */
export type ChoiceVerdict = 'chosen-right' | 'chosen-wrong' | 'missed' | 'unchosen';

export function choiceVerdict(
  choiceId: string,
  selected: readonly string[] | undefined,
  correct: readonly string[],
): ChoiceVerdict {
  const isChosen = selected?.includes(choiceId) ?? false;
  const isRight = correct.includes(choiceId);
  if (isChosen) return isRight ? 'chosen-right' : 'chosen-wrong';
  return isRight ? 'missed' : 'unchosen';
}

export interface ModuleBreakdown {
  moduleId: string;
  right: number;
  total: number;
}

/** Right answers per module, in the order the modules first appear in `questions`. */
export function breakdownByModule(
  questions: readonly Pick<QuestionRecord, 'id' | 'moduleId' | 'correctChoiceIds'>[],
  answers: Readonly<Record<string, readonly string[]>>,
): ModuleBreakdown[] {
  const byModule = new Map<string, ModuleBreakdown>();
  for (const question of questions) {
    const line = byModule.get(question.moduleId) ?? { moduleId: question.moduleId, right: 0, total: 0 };
    line.total += 1;
    if (isAnswerCorrect(answers[question.id], question.correctChoiceIds)) line.right += 1;
    byModule.set(question.moduleId, line);
  }
  return [...byModule.values()];
}

export function scoreAnswers(
  questionIds: readonly string[],
  answers: Readonly<Record<string, readonly string[]>>,
  correctById: ReadonlyMap<string, readonly string[]>,
): number {
  if (questionIds.length === 0) return 0;
  const right = questionIds.filter((id) => isAnswerCorrect(answers[id], correctById.get(id) ?? [])).length;
  return right / questionIds.length;
}
