import { describe, expect, it } from 'vitest';
import {
  FinishedAttemptError,
  finishAttempt,
  issueCertificate,
  latestCertificate,
  markLessonRead,
  saveAnswer,
  saveLessonPosition,
  startAttempt,
} from './course';
import { useTestDatabases } from './databases.testing';

const fresh = useTestDatabases('course');

const lesson = { id: 'm1-l1', moduleId: 'm1' };

describe('quiz attempts', () => {
  it('stores answers while open, then seals the attempt with its score and queues it once', async () => {
    const db = fresh();
    const attempt = await startAttempt(db, {
      kind: 'module',
      moduleId: 'm1',
      questionIds: ['q1', 'q2'],
      contentVersion: '1',
    });
    await saveAnswer(db, attempt.id, 'q1', ['a']);
    expect(await db.outbox.count()).toBe(0);
    const finished = await finishAttempt(db, attempt.id, 0.5);
    expect(finished).toMatchObject({ score: 0.5, answers: { q1: ['a'] } });
    expect(finished.finishedAt).not.toBeNull();
    const [queued] = await db.outbox.toArray();
    // Only the synced fields: the score is derived on each side, never sent.
    expect(queued).toMatchObject({ table: 'attempts', key: attempt.id, op: 'put', hlc: finished.hlc });
    expect(Object.keys(queued!.data!).sort()).toEqual(
      ['answers', 'contentVersion', 'finishedAt', 'kind', 'moduleId', 'questionIds', 'startedAt'].sort(),
    );
  });

  it('refuses to change a finished attempt', async () => {
    const db = fresh();
    const attempt = await startAttempt(db, {
      kind: 'module',
      moduleId: 'm1',
      questionIds: ['q1'],
      contentVersion: '1',
    });
    await finishAttempt(db, attempt.id, 0);
    await expect(saveAnswer(db, attempt.id, 'q1', ['a'])).rejects.toBeInstanceOf(FinishedAttemptError);
    await expect(finishAttempt(db, attempt.id, 1)).rejects.toBeInstanceOf(FinishedAttemptError);
    expect((await db.quizAttempts.get(attempt.id))?.score).toBe(0);
  });

  it('refuses an answer to a question the attempt did not draw', async () => {
    const db = fresh();
    const attempt = await startAttempt(db, {
      kind: 'practice',
      moduleId: null,
      questionIds: ['q1'],
      contentVersion: '1',
    });
    await expect(saveAnswer(db, attempt.id, 'q9', ['a'])).rejects.toThrow(/not in attempt/);
  });
});

describe('lesson progress', () => {
  it('keeps the reading place without syncing it, and marks a lesson read once', async () => {
    const db = fresh();
    await saveLessonPosition(db, lesson, 0.4);
    expect(await db.lessonProgress.get('m1-l1')).toMatchObject({ position: 0.4, readAt: null });
    expect(await db.outbox.count()).toBe(0);
    await markLessonRead(db, lesson);
    await markLessonRead(db, lesson);
    await saveLessonPosition(db, lesson, 2);
    const stored = await db.lessonProgress.get('m1-l1');
    expect(stored?.readAt).not.toBeNull();
    expect(stored?.position).toBe(1);
    const queued = await db.outbox.toArray();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      table: 'lessonProgress',
      key: 'm1-l1',
      data: { moduleId: 'm1', readAt: stored?.readAt },
    });
    expect(stored?.readHlc).toBe(queued[0]!.hlc);
  });
});

describe('certificates', () => {
  it('issues a provisional certificate, kept on the device (the hub issues its own)', async () => {
    const db = fresh();
    await issueCertificate(db, { id: 'GB-AAAA-BBBB-CCCC', name: 'أمينة ديالو', overallScore: 0.86, attemptIds: ['a'] });
    expect(await latestCertificate(db)).toMatchObject({ name: 'أمينة ديالو', status: 'provisional' });
    expect(await db.outbox.count()).toBe(0);
  });
});
