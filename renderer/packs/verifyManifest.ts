import { ed25519 } from '@noble/curves/ed25519';
import { fromBase64 } from '../sync/base64';
import { manifestSigningBytes, signedManifestSchema, type ManifestBody } from './signedManifest';
import type { PinnedKey } from './trustedKeys';

export type ManifestRefusal =
  /** Not a signed manifest of this format at all. */
  | 'malformed'
  /** Signed by a key the app does not ship. */
  | 'unknown-key'
  /** Signed by a key the app ships as revoked. */
  | 'revoked-key'
  /** The signature does not match the manifest: changed on the way, or forged. */
  | 'bad-signature'
  /** Older than a manifest the device has already accepted (a replay, or a stale mirror). */
  | 'older-manifest';

export type ManifestCheck = { ok: true; manifest: ManifestBody } | { ok: false; reason: ManifestRefusal };

/**
 * Checks a manifest as fetched from a hub: its shape, its signature against the pinned keys,
 * and that it is not older than `lastSequence`, the newest the device has accepted.
 */
export function verifyManifest(
  fetched: unknown,
  keys: ReadonlyMap<string, PinnedKey>,
  lastSequence = 0,
): ManifestCheck {
  const parsed = signedManifestSchema.safeParse(fetched);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const { manifest, signature } = parsed.data;
  const key = keys.get(manifest.keyId);
  if (!key) return { ok: false, reason: 'unknown-key' };
  if (key.revoked) return { ok: false, reason: 'revoked-key' };
  let valid: boolean;
  try {
    // RFC 8032 strict checks, as Node's verifier does, so hub and app agree on every signature.
    valid = ed25519.verify(fromBase64(signature), manifestSigningBytes(manifest), key.publicKey, { zip215: false });
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'bad-signature' };
  if (manifest.sequence < lastSequence) return { ok: false, reason: 'older-manifest' };
  return { ok: true, manifest };
}
