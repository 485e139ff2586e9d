import type { PushOutcome } from '../../../app/sync/pushPending';
import { issuedAnswerSchema, ruleNotMetAnswerSchema, type HubStanding } from '../../../certificates/certificateAnswers';
import { normaliseHolderName, type CertificatePayload } from '../../../certificates/certificateFormat';
import type { CertificateKeys } from '../../../certificates/certificateKeys';
import { verifyCertificate, type VerificationFailure } from '../../../certificates/verifyCertificate';
import type { CertificateRecord } from '../../../db/records';
import { responseJson, type HubRequest, type HubResponse } from '../../../sync/hubRequest';
import { SyncTransportError } from '../../../sync/transport';

/** What asking the hub for a verified certificate came to. Only `verified` stored anything. */
export type VerifiedCertificateResult =
  | { kind: 'verified'; certificate: CertificatePayload }
  /** The hub's grading of the synced attempts does not meet the rule: its figures, to compare. */
  | { kind: 'rule-not-met'; standing: HubStanding }
  /** The attempts could not be pushed to the hub first (why, as the sync said). */
  | { kind: 'not-pushed'; outcome: Exclude<PushOutcome, 'pushed'> }
  | { kind: 'offline' }
  | { kind: 'signed-out' }
  /** The hub signed something this device refuses: it does not verify, or names someone else. */
  | { kind: 'refused'; reason: VerificationFailure | 'other-name' }
  | { kind: 'invalid-name' }
  /** The hub has no answer key (no course packs). */
  | { kind: 'no-answer-key' }
  /** The hub failed or answered outside the protocol. */
  | { kind: 'server' }
  /** The code verified but the device's database refused to store it. */
  | { kind: 'not-saved' };

export interface VerifiedCertificateDeps {
  /** Pushes the finished attempts still in the outbox (a sync), so the hub grades all of them. */
  pushAttempts: () => Promise<PushOutcome>;
  request: (request: HubRequest) => Promise<HubResponse>;
  knownKeys: () => Promise<CertificateKeys>;
  /** Stores the verified code with the device's certificate. */
  store: (certificateId: string, code: string) => Promise<unknown>;
}

/**
 * Asks the hub to re-grade the synced attempts and sign the certificate under the name the learner
 * typed. The answer is verified against the keys this device knows before anything is stored: a
 * code that fails, or names someone else, is refused and leaves the stored certificate as it was.
 */
export async function requestVerifiedCertificate(
  deps: VerifiedCertificateDeps,
  certificate: Pick<CertificateRecord, 'id' | 'name'>,
): Promise<VerifiedCertificateResult> {
  const pushed = await deps.pushAttempts();
  if (pushed !== 'pushed')
    return pushed === 'signed-out' ? { kind: 'signed-out' } : { kind: 'not-pushed', outcome: pushed };

  let response: HubResponse;
  try {
    response = await deps.request({ method: 'POST', path: '/v1/certificates', json: { name: certificate.name } });
  } catch (error) {
    if (error instanceof SyncTransportError)
      return error.failure.kind === 'offline' || error.failure.kind === 'stalled'
        ? { kind: 'offline' }
        : { kind: 'server' };
    throw error;
  }
  const body = responseJson(response);
  switch (response.status) {
    case 200:
    case 201:
      break;
    case 401:
      return { kind: 'signed-out' };
    case 400:
      return { kind: 'invalid-name' };
    case 422: {
      const refusal = ruleNotMetAnswerSchema.safeParse(body);
      return refusal.success ? { kind: 'rule-not-met', standing: refusal.data.standing } : { kind: 'server' };
    }
    case 503:
      return (body as { error?: unknown } | null)?.error === 'no-answer-key'
        ? { kind: 'no-answer-key' }
        : { kind: 'server' };
    default:
      return { kind: 'server' };
  }

  const issued = issuedAnswerSchema.safeParse(body);
  if (!issued.success) return { kind: 'server' };
  const verification = verifyCertificate(issued.data.code, await deps.knownKeys());
  if (!verification.ok) return { kind: 'refused', reason: verification.reason };
  if (verification.certificate.holderName !== normaliseHolderName(certificate.name))
    return { kind: 'refused', reason: 'other-name' };
  try {
    await deps.store(certificate.id, issued.data.code.trim());
  } catch (error) {
    console.error('Verified certificate not saved', error);
    return { kind: 'not-saved' };
  }
  return { kind: 'verified', certificate: verification.certificate };
}
