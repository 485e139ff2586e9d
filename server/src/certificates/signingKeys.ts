import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { Clock } from '../accounts/accounts';
import type { Database } from '../db/database';
import {
  encodePublicKey,
  keyIdOf,
  KEYS_FORMAT,
  type CertificateKeys,
} from '../../../renderer/certificates/certificateKeys';

interface KeyRow {
  key_id: string;
  public_key: string;
  created_at: Date | string;
  retired_at: Date | string | null;
  revoked_at: Date | string | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function rawPublicKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  return new Uint8Array(Buffer.from(jwk.x!, 'base64url'));
}

/**
 * The hub's Ed25519 certificate keys, in its database: one active key signs; `rotate` retires it
 * (its certificates stay valid) and the next signature makes a new one; `revoke` marks a key whose
 * certificates must no longer be trusted (a leaked key). The private key never leaves the database.
 */
export function createSigningKeys(db: Database, clock: Clock) {
  async function activeKey(): Promise<{ keyId: string; privateKey: KeyObject }> {
    const find = () =>
      db.query<{ key_id: string; private_key: string }>(
        'select key_id, private_key from certificate_keys where retired_at is null',
      );
    let [row] = await find();
    if (!row) {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const raw = rawPublicKey(publicKey);
      // Two hub processes may race here: the unique index on the active key lets one win.
      await db.query(
        `insert into certificate_keys (key_id, public_key, private_key, created_at) values ($1, $2, $3, $4)
         on conflict do nothing`,
        [
          keyIdOf(raw),
          encodePublicKey(raw),
          privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
          clock(),
        ],
      );
      [row] = await find();
    }
    const privateKey = createPrivateKey({ key: Buffer.from(row!.private_key, 'base64'), format: 'der', type: 'pkcs8' });
    return { keyId: row!.key_id, privateKey };
  }

  return {
    activeKey,

    signWith(privateKey: KeyObject, message: Uint8Array): Uint8Array {
      return new Uint8Array(sign(null, message, privateKey));
    },

    /** Every key the hub ever had, revoked ones included, oldest first: what verifiers need. */
    async published(): Promise<CertificateKeys> {
      await activeKey();
      const rows = await db.query<KeyRow>(
        'select key_id, public_key, created_at, retired_at, revoked_at from certificate_keys order by created_at, key_id',
      );
      return {
        format: KEYS_FORMAT,
        keys: rows.map((row) => ({
          keyId: row.key_id,
          publicKey: row.public_key,
          createdAt: iso(row.created_at)!,
          retiredAt: iso(row.retired_at),
          revokedAt: iso(row.revoked_at),
        })),
      };
    },

    /** Retires the active key and makes a new one; returns the new key's id. */
    async rotate(): Promise<string> {
      await db.query('update certificate_keys set retired_at = $1 where retired_at is null', [clock()]);
      return (await activeKey()).keyId;
    },

    /** Revokes a key (and retires it if it was active); false when there is no such key. */
    async revoke(keyId: string): Promise<boolean> {
      const now = clock();
      const rows = await db.query(
        `update certificate_keys set revoked_at = coalesce(revoked_at, $2), retired_at = coalesce(retired_at, $2)
         where key_id = $1 returning key_id`,
        [keyId, now],
      );
      return rows.length > 0;
    },

    async isRevoked(keyId: string): Promise<boolean> {
      const [row] = await db.query<{ revoked_at: unknown }>(
        'select revoked_at from certificate_keys where key_id = $1',
        [keyId],
      );
      return !row || row.revoked_at !== null;
    },
  };
}

export type SigningKeys = ReturnType<typeof createSigningKeys>;
