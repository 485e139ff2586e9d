import type { QuizAttemptRecord } from '../../../renderer/db/records';
import { CERTIFICATE_THRESHOLD, courseStanding, scoreAnswers } from '../../../renderer/features/course/model/scoring';
import { toBasisPoints } from '../../../renderer/certificates/certificateFormat';
import { MODULE_QUIZ_SIZE } from '../../../renderer/features/course/model/quizSizes';
import type { HubStanding, IgnoredReason } from '../../../renderer/certificates/certificateAnswers';
import type { AnswerKey } from './answerKey';

/** A synced attempt as the hub stores it: the answers, never a score. */
export interface SyncedAttempt {
  id: string;
  kind: 'module' | 'practice';
  moduleId: string | null;
  questionIds: string[];
  answers: Record<string, string[]>;
  startedAt: string;
  finishedAt: string;
  contentVersion: string;
}

export type { HubStanding, IgnoredReason };

function whyNotCounted(key: AnswerKey, attempt: SyncedAttempt): IgnoredReason | null {
  const moduleId = attempt.moduleId;
  if (moduleId === null || !key.moduleIds.includes(moduleId)) return 'unknown-module';
  if (attempt.questionIds.some((id) => key.questions.get(id)?.moduleId !== moduleId)) return 'foreign-question';
  if (new Set(attempt.questionIds).size !== attempt.questionIds.length) return 'repeated-question';
  const pool = [...key.questions.values()].filter((q) => q.moduleId === moduleId).length;
  // Fewer questions than a module quiz draws (or than its module has): not one the app drew.
  if (attempt.questionIds.length < Math.min(MODULE_QUIZ_SIZE, pool)) return 'too-few-questions';
  return null;
}

/**
 * Re-grades an account's synced attempts against the hub's answer key with the app's own
 * scoring rules (scoreAnswers, courseStanding): the same answers give the same score on both.
 */
export function gradeAttempts(key: AnswerKey, attempts: readonly SyncedAttempt[]): HubStanding {
  const ignoredAttempts: HubStanding['ignoredAttempts'] = [];
  const graded: QuizAttemptRecord[] = [];
  for (const attempt of attempts) {
    if (attempt.kind !== 'module') continue;
    const reason = whyNotCounted(key, attempt);
    if (reason) {
      ignoredAttempts.push({ attemptId: attempt.id, reason });
      continue;
    }
    const correct = new Map([...attempt.questionIds].map((id) => [id, key.questions.get(id)!.correctChoiceIds]));
    graded.push({ ...attempt, score: scoreAnswers(attempt.questionIds, attempt.answers, correct) });
  }
  const standing = courseStanding(key.moduleIds, graded);
  return {
    courseId: key.courseId,
    contentVersion: key.contentVersion,
    overallScore: toBasisPoints(standing.overall),
    threshold: toBasisPoints(CERTIFICATE_THRESHOLD),
    attemptedModules: standing.attemptedModules,
    totalModules: standing.totalModules,
    modules: standing.modules.map(({ moduleId, best }) => ({
      moduleId,
      best: best === undefined ? null : toBasisPoints(best),
      attempts: graded.filter((a) => a.moduleId === moduleId).length,
    })),
    ignoredAttempts,
    isEarned: standing.isCertificateEarned,
  };
}
