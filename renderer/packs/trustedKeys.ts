import { z } from 'zod';
import { fromBase64 } from '../sync/base64';
import { keyIdOf, keyIdSchema } from './signedManifest';
import shipped from './trustedKeys.json';

/**
 * The hub keys the app trusts to sign packs: pinned in trustedKeys.json, which the build ships.
 * A hub operator adds the line `npm run hub -- pack-key` prints; a key that leaked is kept with
 * `revoked: true`, so that it is refused by name rather than as unknown.
 */
export const trustedKeysSchema = z.strictObject({
  keys: z.array(
    z.strictObject({
      keyId: keyIdSchema,
      /** The 32 raw bytes of the Ed25519 public key, base64. */
      publicKey: z.string(),
      revoked: z.boolean().optional(),
    }),
  ),
});

export type TrustedKeys = z.infer<typeof trustedKeysSchema>;

export interface PinnedKey {
  publicKey: Uint8Array;
  revoked: boolean;
}

/** Keyed by key id; a key whose id does not match its bytes is a mistake in the file, refused at once. */
export function pinnedKeys(file: unknown = shipped): Map<string, PinnedKey> {
  const keys = new Map<string, PinnedKey>();
  for (const { keyId, publicKey, revoked } of trustedKeysSchema.parse(file).keys) {
    const bytes = fromBase64(publicKey);
    if (bytes.length !== 32 || keyIdOf(bytes) !== keyId)
      throw new Error(`trustedKeys.json: key ${keyId} does not match its public key`);
    keys.set(keyId, { publicKey: bytes, revoked: revoked ?? false });
  }
  return keys;
}
