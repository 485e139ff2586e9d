import type { Clock } from '../accounts/accounts';
import type { Database } from '../db/database';
import { SYNC_TABLES } from '../sync/tables';
import {
  assembleCode,
  encodePayload,
  isValidHolderName,
  normaliseHolderName,
  signedMessage,
  splitCode,
  type CertificatePayload,
} from '../../../renderer/certificates/certificateFormat';
import { makeCertificateId } from '../../../renderer/features/course/certificate/certificateId';
import type { AnswerKey } from './answerKey';
import { gradeAttempts, type HubStanding, type SyncedAttempt } from './grading';
import type { SigningKeys } from './signingKeys';

export type IssueResult =
  | { kind: 'issued'; code: string; certificate: CertificatePayload; isNew: boolean }
  | { kind: 'rule-not-met'; standing: HubStanding }
  | { kind: 'no-answer-key' }
  | { kind: 'invalid-name' };

async function syncedAttempts(db: Database, userId: string): Promise<SyncedAttempt[]> {
  const rows = await db.query<{ key: string; data: unknown }>(
    `select key, data from records where user_id = $1 and tbl = 'attempts' and not deleted`,
    [userId],
  );
  return rows.flatMap((row) => {
    const parsed = SYNC_TABLES.attempts.data.safeParse(row.data);
    return parsed.success ? [{ id: row.key, ...parsed.data }] : [];
  });
}

const sameScores = (a: CertificatePayload, b: Omit<CertificatePayload, 'keyId' | 'certificateId' | 'issuedOn'>) =>
  a.holderName === b.holderName &&
  a.courseId === b.courseId &&
  a.contentVersion === b.contentVersion &&
  a.overallScore === b.overallScore &&
  JSON.stringify(a.moduleScores) === JSON.stringify(b.moduleScores);

/**
 * Issues an account's certificate: re-grades its synced attempts against the hub's answer key,
 * applies the course rule, and signs. Asking again with the same name and the same standing
 * gives back the same certificate (same id, same code) while its key is in good standing.
 */
export function createCertificateService(db: Database, keys: SigningKeys, answerKey: AnswerKey | null, clock: Clock) {
  return {
    async issue(userId: string, typedName: string): Promise<IssueResult> {
      const holderName = normaliseHolderName(typedName);
      if (!isValidHolderName(holderName)) return { kind: 'invalid-name' };
      if (!answerKey) return { kind: 'no-answer-key' };
      const standing = gradeAttempts(answerKey, await syncedAttempts(db, userId));
      if (!standing.isEarned) return { kind: 'rule-not-met', standing };
      const claim = {
        holderName,
        courseId: standing.courseId,
        contentVersion: standing.contentVersion,
        overallScore: standing.overallScore,
        moduleScores: standing.modules.map(({ moduleId, best }) => ({ moduleId, score: best! })),
      };

      const [latest] = await db.query<{ code: string; key_id: string }>(
        'select code, key_id from certificates where user_id = $1 order by issued_at desc, id desc limit 1',
        [userId],
      );
      if (latest && !(await keys.isRevoked(latest.key_id))) {
        const { payload } = splitCode(latest.code);
        if (sameScores(payload, claim))
          return { kind: 'issued', code: latest.code, certificate: payload, isNew: false };
      }

      const now = clock();
      const { keyId, privateKey } = await keys.activeKey();
      const certificate: CertificatePayload = {
        ...claim,
        certificateId: makeCertificateId(),
        keyId,
        issuedOn: now.toISOString().slice(0, 10),
      };
      const payloadBytes = encodePayload(certificate);
      const code = assembleCode(payloadBytes, keys.signWith(privateKey, signedMessage(payloadBytes)));
      await db.query(
        `insert into certificates (id, user_id, key_id, code, holder_name, content_version, overall_score, issued_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          certificate.certificateId,
          userId,
          keyId,
          code,
          certificate.holderName,
          certificate.contentVersion,
          certificate.overallScore,
          now,
        ],
      );
      return { kind: 'issued', code, certificate, isNew: true };
    },
  };
}

export type CertificateService = ReturnType<typeof createCertificateService>;
