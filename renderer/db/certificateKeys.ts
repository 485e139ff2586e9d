import shippedKeys from '../certificates/certificate-keys.json';
import {
  certificateKeysSchema,
  KEYS_FORMAT,
  type CertificateKeys,
  type PublishedKey,
} from '../certificates/certificateKeys';
import type { GapbridgeDatabase } from './database';

/** The keys the app was built with (each hub operator ships their hub's list). */
export const SHIPPED_CERTIFICATE_KEYS: CertificateKeys = certificateKeysSchema.parse(shippedKeys);

const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/**
 * Two copies of one key's entry merged: a key once retired or revoked stays so (the earliest
 * date wins), so no list, older or newer, can bring a revoked key back.
 */
function mergeKey(known: PublishedKey, other: PublishedKey): PublishedKey {
  return {
    ...known,
    retiredAt: earliest(known.retiredAt, other.retiredAt),
    revokedAt: earliest(known.revokedAt, other.revokedAt),
  };
}

/**
 * Stores the keys of a (signed, already checked) keys list: new keys are added, the retired and
 * revoked dates of known ones updated; a key is never removed, so a certificate issued under it
 * can still be told apart as valid or revoked. An entry that claims a known id with another
 * public key is ignored (the verifier recomputes ids, so it could never verify anyway).
 */
export async function storeCertificateKeys(db: GapbridgeDatabase, keys: CertificateKeys): Promise<void> {
  const { keys: entries } = certificateKeysSchema.parse(keys);
  await db.transaction('rw', db.certificateKeys, async () => {
    for (const entry of entries) {
      const stored = await db.certificateKeys.get(entry.keyId);
      if (!stored) await db.certificateKeys.add(entry);
      else if (stored.publicKey === entry.publicKey) await db.certificateKeys.put(mergeKey(stored, entry));
    }
  });
}

/** Every key this device knows: the shipped list and the stored keys, a retirement or revocation in either winning. */
export async function knownCertificateKeys(db: GapbridgeDatabase): Promise<CertificateKeys> {
  const byId = new Map(SHIPPED_CERTIFICATE_KEYS.keys.map((key) => [key.keyId, key]));
  for (const stored of await db.certificateKeys.toArray()) {
    const shipped = byId.get(stored.keyId);
    if (!shipped) byId.set(stored.keyId, stored);
    else if (shipped.publicKey === stored.publicKey) byId.set(stored.keyId, mergeKey(shipped, stored));
  }
  return { format: KEYS_FORMAT, keys: [...byId.values()] };
}
