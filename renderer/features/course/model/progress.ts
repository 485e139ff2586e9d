import type { LessonProgressRecord, LessonRecord, QuizAttemptRecord } from '../../../db/records';
import { bestScoreByModule, isFinished } from './scoring';

export interface ModuleProgress {
  lessonsRead: number;
  lessonCount: number;
  bestScore: number | undefined;
  attemptCount: number;
  /** The unfinished quiz attempt to resume, if any. */
  openAttemptId: string | undefined;
}

/** Derived, never stored: lessons read and quiz results of one module. */
export function moduleProgress(
  moduleId: string,
  lessons: readonly LessonRecord[],
  progress: readonly LessonProgressRecord[],
  attempts: readonly QuizAttemptRecord[],
): ModuleProgress {
  const lessonIds = new Set(lessons.filter((l) => l.moduleId === moduleId).map((l) => l.id));
  const moduleAttempts = attempts.filter((a) => a.kind === 'module' && a.moduleId === moduleId);
  return {
    lessonsRead: progress.filter((p) => lessonIds.has(p.lessonId) && p.readAt !== null).length,
    lessonCount: lessonIds.size,
    bestScore: bestScoreByModule(moduleAttempts).get(moduleId),
    attemptCount: moduleAttempts.filter(isFinished).length,
    openAttemptId: moduleAttempts.findLast((a) => !isFinished(a))?.id,
  };
}
