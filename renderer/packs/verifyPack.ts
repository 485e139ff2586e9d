import { sha256 } from '@noble/hashes/sha2';
import type { SignedPack } from './signedManifest';

export type PackRefusal = 'wrong-size' | 'wrong-hash';

export type PackCheck = { ok: true } | { ok: false; reason: PackRefusal };

/** Whether downloaded bytes are exactly the pack the signed manifest lists (size first: it is free). */
export function verifyPack(bytes: Uint8Array, entry: Pick<SignedPack, 'size' | 'sha256'>): PackCheck {
  if (bytes.length !== entry.size) return { ok: false, reason: 'wrong-size' };
  const hex = [...sha256(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return hex === entry.sha256 ? { ok: true } : { ok: false, reason: 'wrong-hash' };
}
