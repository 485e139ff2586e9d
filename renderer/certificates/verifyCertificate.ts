import { ed25519 } from '@noble/curves/ed25519';
import { CertificateFormatError, signedMessage, splitCode, type CertificatePayload } from './certificateFormat';
import { keyIdOf, publicKeyBytes, type CertificateKeys, type PublishedKey } from './certificateKeys';

export type VerificationFailure = 'malformed' | 'unknown-key' | 'revoked-key' | 'tampered';

export type Verification =
  | { ok: true; certificate: CertificatePayload; key: PublishedKey }
  | { ok: false; reason: VerificationFailure; detail: string; certificate?: CertificatePayload };

/**
 * Checks a certificate code offline against the published keys: well formed, signed by a key
 * the keys list knows and has not revoked, and not changed by one bit since it was signed.
 */
export function verifyCertificate(code: string, keys: CertificateKeys): Verification {
  let parts;
  try {
    parts = splitCode(code);
  } catch (error) {
    if (!(error instanceof CertificateFormatError)) throw error;
    return { ok: false, reason: 'malformed', detail: error.message };
  }
  const { payload, payloadBytes, signature } = parts;
  const key = keys.keys.find((each) => each.keyId === payload.keyId);
  const publicKey = key && publicKeyBytes(key);
  // The id is derived from the key, so a keys list cannot pair a known id with another key.
  if (!key || !publicKey || keyIdOf(publicKey) !== key.keyId)
    return { ok: false, reason: 'unknown-key', detail: payload.keyId, certificate: payload };
  if (key.revokedAt !== null)
    return { ok: false, reason: 'revoked-key', detail: `${key.keyId} revoked ${key.revokedAt}`, certificate: payload };
  // RFC 8032 strict (not ZIP-215): a signature has one encoding, so it cannot be altered and still verify.
  const isValid = ed25519.verify(signature, signedMessage(payloadBytes), publicKey, { zip215: false });
  return isValid
    ? { ok: true, certificate: payload, key }
    : { ok: false, reason: 'tampered', detail: 'signature does not match', certificate: payload };
}
