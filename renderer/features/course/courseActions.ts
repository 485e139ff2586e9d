import { hubRequest, syncUntilPushed } from '../../app/sync/appSync';
import { db } from '../../db';
import { knownCertificateKeys } from '../../db/certificateKeys';
import {
  attemptById,
  confirmCertificate,
  finishAttempt,
  hasUnsentAttempts,
  installedCourseVersion,
  issueCertificate,
  questionsById,
  questionsIn,
  saveAnswer,
  setQuestionFlag,
  startAttempt,
} from '../../db/course';
import type { CertificateRecord, QuizAttemptRecord } from '../../db/records';
import type { LanguageCode } from '../../i18n/languages';
import { navigate } from '../../state/view';
import { requestVerifiedCertificate, type VerifiedCertificateResult } from './certificate/verifiedCertificate';
import { planAttempt } from './model/attemptPlan';
import { cryptoRandom } from './model/drawing';
import { MODULE_QUIZ_SIZE, PRACTICE_MINUTES, PRACTICE_SIZE } from './model/quizSizes';
import { scoreAnswers } from './model/scoring';

async function contentVersion(lang: LanguageCode): Promise<string> {
  return (await installedCourseVersion(db, lang)) ?? 'unknown';
}

/** Draws ten questions of the module, spread over its lessons, and opens the attempt. */
export async function startModuleQuiz(lang: LanguageCode, moduleId: string): Promise<void> {
  const pool = await questionsIn(db, lang, moduleId);
  const attempt = await startAttempt(db, {
    kind: 'module',
    moduleId,
    ...planAttempt(pool, 'lessonId', MODULE_QUIZ_SIZE, cryptoRandom),
    contentVersion: await contentVersion(lang),
  });
  navigate('course', 'quiz', attempt.id);
}

/** Twenty questions spread over the six modules, against the clock; not counted for the certificate. */
export async function startPractice(lang: LanguageCode): Promise<void> {
  const pool = await questionsIn(db, lang);
  const attempt = await startAttempt(db, {
    kind: 'practice',
    moduleId: null,
    ...planAttempt(pool, 'moduleId', PRACTICE_SIZE, cryptoRandom),
    contentVersion: await contentVersion(lang),
  });
  navigate('course', 'quiz', attempt.id);
}

/** Stores an answer of an open attempt (replacing an earlier one: the practice lets the learner go back). */
export function answerQuestion(attemptId: string, questionId: string, choiceIds: string[]): Promise<void> {
  return saveAnswer(db, attemptId, questionId, choiceIds);
}

export function flagQuestion(attemptId: string, questionId: string, isFlagged: boolean): Promise<void> {
  return setQuestionFlag(db, attemptId, questionId, isFlagged);
}

/** Scores the attempt, as stored, against the answer key and seals it. */
export async function completeAttempt(lang: LanguageCode, attemptId: string): Promise<void> {
  const attempt = await attemptById(db, attemptId);
  if (!attempt || attempt.finishedAt) return;
  const questions = await questionsById(db, lang, attempt.questionIds);
  const key = new Map(questions.map((q) => [q.id, q.correctChoiceIds]));
  await finishAttempt(db, attempt.id, scoreAnswers(attempt.questionIds, attempt.answers, key));
}

export function practiceDeadline(attempt: Pick<QuizAttemptRecord, 'startedAt'>): number {
  return Date.parse(attempt.startedAt) + PRACTICE_MINUTES * 60_000;
}

/** Stores the certificate once the delegate has typed their name; the course rule is checked by the caller's standing. */
export function saveCertificate(
  certificate: Omit<CertificateRecord, 'issuedAt' | 'status'>,
): Promise<CertificateRecord> {
  return issueCertificate(db, certificate);
}

/**
 * Syncs the finished attempts, asks the hub to re-grade them and sign this certificate, and stores
 * the signed code once it verifies against the keys this device knows.
 */
export function getVerifiedCertificate(
  certificate: Pick<CertificateRecord, 'id' | 'name'>,
): Promise<VerifiedCertificateResult> {
  return requestVerifiedCertificate(
    {
      pushAttempts: () => syncUntilPushed(() => hasUnsentAttempts(db)),
      request: hubRequest,
      knownKeys: () => knownCertificateKeys(db),
      store: (id, code) => confirmCertificate(db, id, code),
    },
    certificate,
  );
}
