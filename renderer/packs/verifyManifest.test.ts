import { describe, expect, it } from 'vitest';
import { createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { toBase64 } from '../sync/base64';
import { canonicalJson } from './canonicalJson';
import { keyIdOf, manifestSigningBytes, type ManifestBody, type SignedManifest } from './signedManifest';
import type { PinnedKey } from './trustedKeys';
import { pinnedKeys } from './trustedKeys';
import shipped from './trustedKeys.json';
import { verifyManifest } from './verifyManifest';

/** A signing key made with Node's crypto, as the hub's is, for checking the app's verifier against it. */
interface TestKey {
  keyId: string;
  publicKey: Uint8Array;
  privateKey: KeyObject;
}

function makeTestKey(): TestKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKey = new Uint8Array(der.subarray(der.length - 32));
  return { keyId: keyIdOf(publicKey), publicKey, privateKey };
}

function signWith(key: TestKey, manifest: ManifestBody): SignedManifest {
  return { manifest, signature: toBase64(new Uint8Array(sign(null, manifestSigningBytes(manifest), key.privateKey))) };
}

function pinned(...keys: (TestKey & { revoked?: boolean })[]): Map<string, PinnedKey> {
  return new Map(keys.map((key) => [key.keyId, { publicKey: key.publicKey, revoked: key.revoked ?? false }]));
}

const hub = makeTestKey();
const other = makeTestKey();

function body(overrides: Partial<ManifestBody> = {}): ManifestBody {
  return {
    format: 1,
    sequence: 3,
    issuedAt: '2026-12-07T10:00:00.000Z',
    keyId: hub.keyId,
    packs: [
      {
        id: 'calendar/all',
        kind: 'calendar',
        lang: 'all',
        version: '2026.12.1',
        sha256: 'a'.repeat(64),
        size: 9_000,
        encoding: 'gzip',
        inflatedSize: 41_000,
        url: '/v1/packs/calendar/all/2026.12.1',
      },
    ],
    ...overrides,
  };
}

describe('a manifest signed by the hub (Node crypto) is checked by the app (pure-JS Ed25519)', () => {
  it('accepts the manifest as signed, and returns it', () => {
    const check = verifyManifest(signWith(hub, body()), pinned(hub));
    expect(check).toEqual({ ok: true, manifest: body() });
  });

  it('survives a round trip through JSON with its keys in another order', () => {
    const signed = signWith(hub, body());
    const reordered = JSON.parse(JSON.stringify({ signature: signed.signature, manifest: signed.manifest })) as unknown;
    expect(verifyManifest(reordered, pinned(hub)).ok).toBe(true);
  });

  it('refuses a manifest changed after signing: a pack hash, a version, a size', () => {
    const signed = signWith(hub, body());
    const tamper = (change: (m: ManifestBody) => void) => {
      const copy = structuredClone(signed);
      change(copy.manifest);
      return verifyManifest(copy, pinned(hub));
    };
    expect(tamper((m) => (m.packs[0]!.sha256 = 'b'.repeat(64)))).toEqual({ ok: false, reason: 'bad-signature' });
    const newerVersion = (m: ManifestBody) => {
      m.packs[0]!.version = '2026.12.9';
      m.packs[0]!.url = '/v1/packs/calendar/all/2026.12.9';
    };
    expect(tamper(newerVersion)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(tamper((m) => (m.packs[0]!.size += 1))).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a signature made by another key that claims the pinned key id', () => {
    const forged = signWith(other, body({ keyId: hub.keyId }));
    expect(verifyManifest(forged, pinned(hub))).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a signature by a key the app does not ship, and one it ships as revoked', () => {
    expect(verifyManifest(signWith(other, body({ keyId: other.keyId })), pinned(hub))).toEqual({
      ok: false,
      reason: 'unknown-key',
    });
    expect(verifyManifest(signWith(hub, body()), pinned({ ...hub, revoked: true }))).toEqual({
      ok: false,
      reason: 'revoked-key',
    });
  });

  it('refuses a manifest older than the newest the device accepted (a replay), not the same one again', () => {
    const signed = signWith(hub, body({ sequence: 3 }));
    expect(verifyManifest(signed, pinned(hub), 4)).toEqual({ ok: false, reason: 'older-manifest' });
    expect(verifyManifest(signed, pinned(hub), 3).ok).toBe(true);
  });

  it('refuses what is not a signed manifest', () => {
    expect(verifyManifest({ manifest: body() }, pinned(hub))).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyManifest('{}', pinned(hub))).toEqual({ ok: false, reason: 'malformed' });
    const extra = { ...signWith(hub, body()), note: 'unsigned' };
    expect(verifyManifest(extra, pinned(hub))).toEqual({ ok: false, reason: 'malformed' });
    // Signed, but saying one pack is another: an id that is not its kind and language.
    const mislabelled = body();
    mislabelled.packs[0]!.id = 'course/fr';
    expect(verifyManifest(signWith(hub, mislabelled), pinned(hub))).toEqual({ ok: false, reason: 'malformed' });
    const twice = body();
    twice.packs.push({ ...twice.packs[0]!, version: '2026.12.2', url: '/v1/packs/calendar/all/2026.12.2' });
    expect(verifyManifest(signWith(hub, twice), pinned(hub))).toEqual({ ok: false, reason: 'malformed' });
    // The certificate keys are one pack for all languages, at their own url, and nothing else.
    const keysEntry = {
      id: 'certificate-keys/all' as const,
      kind: 'certificate-keys' as const,
      lang: 'all' as const,
      version: '2',
      sha256: 'c'.repeat(64),
      size: 400,
      encoding: 'gzip' as const,
      inflatedSize: 900,
      url: '/v1/packs/certificate-keys/all/2',
    };
    expect(verifyManifest(signWith(hub, body({ packs: [keysEntry] })), pinned(hub)).ok).toBe(true);
    const keysInFrench = {
      ...keysEntry,
      id: 'certificate-keys/fr',
      lang: 'fr',
      url: '/v1/packs/certificate-keys/fr/2',
    };
    expect(verifyManifest(signWith(hub, body({ packs: [keysInFrench as never] })), pinned(hub))).toEqual({
      ok: false,
      reason: 'malformed',
    });
    const strayUrl = { ...keysEntry, url: '/v1/packs/certificate-keys-/all/2' };
    expect(verifyManifest(signWith(hub, body({ packs: [strayUrl] })), pinned(hub))).toEqual({
      ok: false,
      reason: 'malformed',
    });
    const shortSignature = { ...signWith(hub, body()), signature: toBase64(new Uint8Array(10)) };
    expect(verifyManifest(shortSignature, pinned(hub))).toEqual({ ok: false, reason: 'bad-signature' });
  });
});

describe('pinned keys', () => {
  it('reads the file the app ships', () => {
    expect(() => pinnedKeys(shipped)).not.toThrow();
  });

  it('refuses a key whose id does not match its bytes', () => {
    const file = { keys: [{ keyId: other.keyId, publicKey: toBase64(hub.publicKey) }] };
    expect(() => pinnedKeys(file)).toThrow(/does not match/);
    const good = pinnedKeys({ keys: [{ keyId: hub.keyId, publicKey: toBase64(hub.publicKey) }] });
    expect(verifyManifest(signWith(hub, body()), good).ok).toBe(true);
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves no space', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 'x' }], a: null })).toBe('{"a":null,"b":[{"c":"x","d":1}]}');
  });

  it('refuses what JSON cannot carry exactly', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
    expect(() => canonicalJson({ a: 1n })).toThrow();
  });
});
