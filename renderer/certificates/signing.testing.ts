import { ed25519 } from '@noble/curves/ed25519';
import { assembleCode, encodePayload, signedMessage, type CertificatePayload } from './certificateFormat';
import { encodePublicKey, keyIdOf, KEYS_FORMAT, type CertificateKeys, type PublishedKey } from './certificateKeys';

/** A signing key for tests, as the hub would hold one. */
export function testKey(revokedAt: string | null = null) {
  const secretKey = ed25519.utils.randomPrivateKey();
  const publicKey = ed25519.getPublicKey(secretKey);
  const published: PublishedKey = {
    keyId: keyIdOf(publicKey),
    publicKey: encodePublicKey(publicKey),
    createdAt: '2026-01-01T00:00:00.000Z',
    retiredAt: null,
    revokedAt,
  };
  const sign = (payload: Omit<CertificatePayload, 'keyId'>) => {
    const bytes = encodePayload({ ...payload, keyId: published.keyId });
    return assembleCode(bytes, ed25519.sign(signedMessage(bytes), secretKey));
  };
  return { published, sign };
}

export function keysOf(...keys: PublishedKey[]): CertificateKeys {
  return { format: KEYS_FORMAT, keys };
}

export function samplePayload(holderName = 'Amina Diallo'): Omit<CertificatePayload, 'keyId'> {
  return {
    certificateId: 'GB-7F3K-92QD-XM4P',
    holderName,
    courseId: 'a1',
    contentVersion: '2026.11.0',
    issuedOn: '2026-12-07',
    overallScore: 8667,
    moduleScores: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((moduleId, i) => ({ moduleId, score: 8000 + i * 300 })),
  };
}
