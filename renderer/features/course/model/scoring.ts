import type { QuizAttemptRecord } from '../../../db/records';

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

export interface CourseStanding {
  /** Mean of the best score in each module; a module not yet attempted counts as 0. */
  overall: number;
  attemptedModules: number;
  totalModules: number;
  isCertificateEarned: boolean;
}

export function courseStanding(moduleIds: readonly string[], attempts: readonly QuizAttemptRecord[]): CourseStanding {
  const best = bestScoreByModule(attempts);
  const scores = moduleIds.map((id) => best.get(id));
  const attemptedModules = scores.filter((s) => s !== undefined).length;
  const overall = moduleIds.length === 0 ? 0 : scores.reduce<number>((sum, s) => sum + (s ?? 0), 0) / moduleIds.length;
  // Scores are fractions of small whole numbers: compare with a tolerance, not to the last bit.
  const reachesThreshold = overall >= CERTIFICATE_THRESHOLD - 1e-9;
  return {
    overall,
    attemptedModules,
    totalModules: moduleIds.length,
    isCertificateEarned: moduleIds.length > 0 && attemptedModules === moduleIds.length && reachesThreshold,
  };
}

/** An answer is right when it selects exactly the correct choices. */
export function isAnswerCorrect(selected: readonly string[] | undefined, correct: readonly string[]): boolean {
  if (!selected || selected.length !== correct.length) return false;
  const wanted = new Set(correct);
  return selected.every((id) => wanted.has(id));
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
