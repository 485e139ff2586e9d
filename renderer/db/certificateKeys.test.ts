import { describe, expect, it } from 'vitest';
import { keysOf, samplePayload, testKey } from '../certificates/signing.testing';
import { verifyCertificate } from '../certificates/verifyCertificate';
import { knownCertificateKeys, SHIPPED_CERTIFICATE_KEYS, storeCertificateKeys } from './certificateKeys';
import { useTestDatabases } from './databases.testing';

const fresh = useTestDatabases('certificate-keys');

describe('the device certificate key store', () => {
  it('knows the shipped keys, and a stored key makes its certificates verify', async () => {
    const db = fresh();
    const hub = testKey();
    const code = hub.sign(samplePayload());
    expect((await knownCertificateKeys(db)).keys).toEqual(SHIPPED_CERTIFICATE_KEYS.keys);
    expect(verifyCertificate(code, await knownCertificateKeys(db))).toMatchObject({ ok: false, reason: 'unknown-key' });

    await storeCertificateKeys(db, keysOf(hub.published));
    expect(verifyCertificate(code, await knownCertificateKeys(db))).toMatchObject({ ok: true });
  });

  it('never removes a key, and a revocation stays whatever list comes later', async () => {
    const db = fresh();
    const older = testKey();
    const newer = testKey();
    const revokedAt = '2026-12-01T00:00:00.000Z';
    await storeCertificateKeys(db, keysOf(older.published));
    await storeCertificateKeys(db, keysOf({ ...older.published, revokedAt }, newer.published));
    // A list that leaves the old key out, or shows it unrevoked, changes nothing about it.
    await storeCertificateKeys(db, keysOf(newer.published));
    await storeCertificateKeys(db, keysOf(older.published));

    const known = await knownCertificateKeys(db);
    expect(known.keys.map((key) => key.keyId).sort()).toEqual([older.published.keyId, newer.published.keyId].sort());
    expect(verifyCertificate(older.sign(samplePayload()), known)).toMatchObject({ ok: false, reason: 'revoked-key' });
    expect(verifyCertificate(newer.sign(samplePayload()), known)).toMatchObject({ ok: true });
  });

  it('keeps the earliest retirement and keeps a retired key valid', async () => {
    const db = fresh();
    const hub = testKey();
    await storeCertificateKeys(db, keysOf({ ...hub.published, retiredAt: '2026-11-01T00:00:00.000Z' }));
    await storeCertificateKeys(db, keysOf({ ...hub.published, retiredAt: '2026-12-01T00:00:00.000Z' }));
    const known = await knownCertificateKeys(db);
    expect(known.keys[known.keys.length - 1]!.retiredAt).toBe('2026-11-01T00:00:00.000Z');
    expect(verifyCertificate(hub.sign(samplePayload()), known)).toMatchObject({ ok: true });
  });

  it('ignores an entry that claims a known id with another public key', async () => {
    const db = fresh();
    const hub = testKey();
    const impostor = testKey();
    await storeCertificateKeys(db, keysOf(hub.published));
    await storeCertificateKeys(db, keysOf({ ...hub.published, publicKey: impostor.published.publicKey }));
    expect((await db.certificateKeys.get(hub.published.keyId))!.publicKey).toBe(hub.published.publicKey);
  });

  it('refuses a list that is not a keys list, storing nothing', async () => {
    const db = fresh();
    await expect(storeCertificateKeys(db, { format: 1, keys: [{ keyId: 'nope' }] } as never)).rejects.toThrow();
    expect(await db.certificateKeys.count()).toBe(0);
  });
});
