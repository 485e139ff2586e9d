import { sha256 } from '@noble/hashes/sha2';
import { z } from 'zod';
import { fromBase64Url, toBase64Url } from './base64url';

/**
 * The hub's published certificate keys: `GET /v1/certificate-keys` serves this shape, the app
 * ships it (certificate-keys.json) and `npm run verify` reads it. A retired key no longer signs
 * but its certificates stay valid; a revoked key's certificates fail.
 */
export const KEYS_FORMAT = 1;
export const PUBLIC_KEY_BYTES = 32;

export const certificateKeysSchema = z.strictObject({
  format: z.literal(KEYS_FORMAT),
  keys: z.array(
    z.strictObject({
      keyId: z.string().regex(/^[0-9a-f]{10}$/),
      /** The raw 32-byte Ed25519 public key, base64url. */
      publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
      createdAt: z.iso.datetime(),
      retiredAt: z.iso.datetime().nullable(),
      revokedAt: z.iso.datetime().nullable(),
    }),
  ),
});

export type CertificateKeys = z.infer<typeof certificateKeysSchema>;
export type PublishedKey = CertificateKeys['keys'][number];

/** A key's id: the first five bytes of the SHA-256 of its raw public key, in hex, so an id names one key. */
export function keyIdOf(publicKey: Uint8Array): string {
  return [...sha256(publicKey).subarray(0, 5)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function publicKeyBytes(key: PublishedKey): Uint8Array | null {
  const bytes = fromBase64Url(key.publicKey);
  return bytes && bytes.length === PUBLIC_KEY_BYTES ? bytes : null;
}

export function encodePublicKey(publicKey: Uint8Array): string {
  return toBase64Url(publicKey);
}
