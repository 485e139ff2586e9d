import Dexie from 'dexie';
import type { LanguageCode } from '../i18n/languages';
import type { GapbridgeDatabase } from './database';
import { recordChange, syncScope } from './syncedChanges';
import { syncedFields } from './syncedFields';
import type {
  CertificateRecord,
  CourseModuleRecord,
  LessonProgressRecord,
  LessonRecord,
  QuestionRecord,
  QuizAttemptRecord,
} from './records';

// Queries --------------------------------------------------------------------------------------

function ofLanguage(lang: LanguageCode) {
  return [
    [lang, Dexie.minKey],
    [lang, Dexie.maxKey],
  ] as const;
}

export async function modulesIn(db: GapbridgeDatabase, lang: LanguageCode): Promise<CourseModuleRecord[]> {
  const modules = await db.courseModules
    .where('[lang+id]')
    .between(...ofLanguage(lang))
    .toArray();
  return modules.sort((a, b) => a.order - b.order);
}

export async function lessonsIn(db: GapbridgeDatabase, lang: LanguageCode, moduleId?: string): Promise<LessonRecord[]> {
  const lessons = moduleId
    ? await db.lessons.where('[lang+moduleId]').equals([lang, moduleId]).toArray()
    : await db.lessons
        .where('[lang+id]')
        .between(...ofLanguage(lang))
        .toArray();
  return lessons.sort((a, b) => a.moduleId.localeCompare(b.moduleId) || a.order - b.order);
}

export function lessonIn(db: GapbridgeDatabase, lang: LanguageCode, lessonId: string) {
  return db.lessons.get([lang, lessonId]);
}

export function questionsIn(db: GapbridgeDatabase, lang: LanguageCode, moduleId?: string): Promise<QuestionRecord[]> {
  return moduleId
    ? db.questions.where('[lang+moduleId]').equals([lang, moduleId]).toArray()
    : db.questions
        .where('[lang+id]')
        .between(...ofLanguage(lang))
        .toArray();
}

/** The questions of an attempt, in the attempt's order, in the language asked for. */
export async function questionsById(
  db: GapbridgeDatabase,
  lang: LanguageCode,
  ids: readonly string[],
): Promise<QuestionRecord[]> {
  const found = await db.questions.bulkGet(ids.map((id) => [lang, id] as [string, string]));
  return found.filter((q): q is QuestionRecord => q !== undefined);
}

export function allAttempts(db: GapbridgeDatabase): Promise<QuizAttemptRecord[]> {
  return db.quizAttempts.orderBy('startedAt').toArray();
}

export function attemptById(db: GapbridgeDatabase, id: string) {
  return db.quizAttempts.get(id);
}

export function allLessonProgress(db: GapbridgeDatabase): Promise<LessonProgressRecord[]> {
  return db.lessonProgress.toArray();
}

export function lessonProgressOf(db: GapbridgeDatabase, lessonId: string) {
  return db.lessonProgress.get(lessonId);
}

export async function latestCertificate(db: GapbridgeDatabase): Promise<CertificateRecord | undefined> {
  return db.certificates.orderBy('issuedAt').last();
}

/** Whether finished attempts are still waiting in the outbox for the hub. */
export async function hasUnsentAttempts(db: GapbridgeDatabase): Promise<boolean> {
  const attempts = await db.outbox
    .where('[table+key]')
    .between(['attempts', Dexie.minKey], ['attempts', Dexie.maxKey])
    .count();
  return attempts > 0;
}

export async function installedCourseVersion(db: GapbridgeDatabase, lang: LanguageCode): Promise<string | undefined> {
  return (await db.contentPacks.get(`course/${lang}`))?.version;
}

// Writes -------------------------------------------------------------------------------------

export class FinishedAttemptError extends Error {
  constructor(id: string) {
    super(`Attempt ${id} is finished and can no longer change`);
  }
}

export async function startAttempt(
  db: GapbridgeDatabase,
  attempt: Pick<QuizAttemptRecord, 'kind' | 'moduleId' | 'questionIds' | 'choiceOrder' | 'contentVersion'>,
): Promise<QuizAttemptRecord> {
  const record: QuizAttemptRecord = {
    ...attempt,
    id: crypto.randomUUID(),
    answers: {},
    score: null,
    startedAt: new Date().toISOString(),
    finishedAt: null,
  };
  await db.quizAttempts.add(record);
  return record;
}

/** Records an answer of an unfinished attempt; a finished attempt is immutable. */
export async function saveAnswer(
  db: GapbridgeDatabase,
  attemptId: string,
  questionId: string,
  choiceIds: string[],
): Promise<void> {
  await db.transaction('rw', db.quizAttempts, async () => {
    const attempt = await db.quizAttempts.get(attemptId);
    if (!attempt) throw new Error(`No attempt ${attemptId}`);
    if (attempt.finishedAt) throw new FinishedAttemptError(attemptId);
    if (!attempt.questionIds.includes(questionId)) throw new Error(`${questionId} is not in attempt ${attemptId}`);
    await db.quizAttempts.put({ ...attempt, answers: { ...attempt.answers, [questionId]: choiceIds } });
  });
}

/** Flags a question of an unfinished attempt to come back to, or takes the flag off. */
export async function setQuestionFlag(
  db: GapbridgeDatabase,
  attemptId: string,
  questionId: string,
  isFlagged: boolean,
): Promise<void> {
  await db.transaction('rw', db.quizAttempts, async () => {
    const attempt = await db.quizAttempts.get(attemptId);
    if (!attempt) throw new Error(`No attempt ${attemptId}`);
    if (attempt.finishedAt) throw new FinishedAttemptError(attemptId);
    const others = (attempt.flagged ?? []).filter((id) => id !== questionId);
    await db.quizAttempts.put({ ...attempt, flagged: isFlagged ? [...others, questionId] : others });
  });
}

/** Seals an attempt with its score and queues it for the hub, in one transaction. */
export async function finishAttempt(
  db: GapbridgeDatabase,
  attemptId: string,
  score: number,
): Promise<QuizAttemptRecord> {
  return db.transaction('rw', [db.quizAttempts, ...syncScope(db)], async () => {
    const attempt = await db.quizAttempts.get(attemptId);
    if (!attempt) throw new Error(`No attempt ${attemptId}`);
    if (attempt.finishedAt) throw new FinishedAttemptError(attemptId);
    const finished: QuizAttemptRecord = { ...attempt, score, finishedAt: new Date().toISOString() };
    finished.hlc = await recordChange(db, syncedFields.attempt(finished));
    await db.quizAttempts.put(finished);
    return finished;
  });
}

/** Remembers where the reader is in a lesson (device-local: not synced; `readAt` and its clock are kept). */
export async function saveLessonPosition(
  db: GapbridgeDatabase,
  lesson: Pick<LessonRecord, 'id' | 'moduleId'>,
  position: number,
): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction('rw', db.lessonProgress, async () => {
    const current = await db.lessonProgress.get(lesson.id);
    await db.lessonProgress.put({
      ...current,
      lessonId: lesson.id,
      moduleId: lesson.moduleId,
      readAt: current?.readAt ?? null,
      position: Math.min(1, Math.max(0, position)),
      updatedAt: now,
    });
  });
}

/** Marks a lesson read once (grow-only), queuing the fact for the hub. */
export async function markLessonRead(
  db: GapbridgeDatabase,
  lesson: Pick<LessonRecord, 'id' | 'moduleId'>,
): Promise<void> {
  await db.transaction('rw', [db.lessonProgress, ...syncScope(db)], async () => {
    const current = await db.lessonProgress.get(lesson.id);
    if (current?.readAt) return;
    const now = new Date().toISOString();
    const record: LessonProgressRecord = {
      lessonId: lesson.id,
      moduleId: lesson.moduleId,
      readAt: now,
      position: current?.position ?? 1,
      updatedAt: now,
    };
    record.readHlc = await recordChange(db, syncedFields.lessonRead(record));
    await db.lessonProgress.put(record);
  });
}

export async function issueCertificate(
  db: GapbridgeDatabase,
  certificate: Omit<CertificateRecord, 'issuedAt' | 'status'>,
): Promise<CertificateRecord> {
  const record: CertificateRecord = { ...certificate, issuedAt: new Date().toISOString(), status: 'provisional' };
  // Stays on the device: the hub re-grades the synced attempts and issues its own (issue 9).
  await db.certificates.put(record);
  return record;
}

export class CertificateGoneError extends Error {
  constructor(id: string) {
    super(`Certificate ${id} is no longer stored`);
  }
}

/**
 * Stores the hub's signed code with the device's certificate, which becomes confirmed. The caller
 * has verified the code against the known keys; this only writes it.
 */
export async function confirmCertificate(db: GapbridgeDatabase, id: string, code: string): Promise<CertificateRecord> {
  return db.transaction('rw', db.certificates, async () => {
    const stored = await db.certificates.get(id);
    if (!stored) throw new CertificateGoneError(id);
    const confirmed: CertificateRecord = { ...stored, status: 'confirmed', code };
    await db.certificates.put(confirmed);
    return confirmed;
  });
}
