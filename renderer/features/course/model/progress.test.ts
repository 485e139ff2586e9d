import { describe, expect, it } from 'vitest';
import type { LessonProgressRecord, LessonRecord, QuizAttemptRecord } from '../../../db/records';
import { moduleProgress } from './progress';

const lesson = (id: string, moduleId: string): LessonRecord => ({
  lang: 'en',
  id,
  moduleId,
  order: 1,
  title: id,
  body: '',
  sources: [],
});
const read = (lessonId: string, readAt: string | null): LessonProgressRecord => ({
  lessonId,
  moduleId: lessonId.slice(0, 2),
  readAt,
  position: 0.5,
  updatedAt: '2026-11-01T00:00:00Z',
});
const attempt = (id: string, moduleId: string, score: number | null): QuizAttemptRecord => ({
  id,
  kind: 'module',
  moduleId,
  questionIds: [],
  answers: {},
  score,
  startedAt: '2026-11-01T00:00:00Z',
  finishedAt: score === null ? null : '2026-11-01T00:10:00Z',
  contentVersion: '1',
});

describe('moduleProgress', () => {
  it('counts lessons read, the best score, finished attempts and the attempt to resume', () => {
    const lessons = [lesson('m1-l1', 'm1'), lesson('m1-l2', 'm1'), lesson('m2-l1', 'm2')];
    const progress = [
      read('m1-l1', '2026-11-01T00:00:00Z'),
      read('m1-l2', null),
      read('m2-l1', '2026-11-01T00:00:00Z'),
    ];
    const attempts = [
      attempt('a', 'm1', 0.4),
      attempt('b', 'm1', 0.7),
      attempt('c', 'm1', null),
      attempt('d', 'm2', 1),
    ];
    expect(moduleProgress('m1', lessons, progress, attempts)).toEqual({
      lessonsRead: 1,
      lessonCount: 2,
      bestScore: 0.7,
      attemptCount: 2,
      openAttemptId: 'c',
    });
  });

  it('has no score and nothing to resume before any attempt', () => {
    expect(moduleProgress('m3', [lesson('m3-l1', 'm3')], [], [])).toMatchObject({
      bestScore: undefined,
      attemptCount: 0,
      openAttemptId: undefined,
    });
  });
});
