import { generateKeyPairSync, sign, createPublicKey, type KeyObject } from 'node:crypto';
import { toBase64 } from '../sync/base64';
import { keyIdOf, manifestSigningBytes, type ManifestBody, type SignedManifest } from './signedManifest';
import type { PinnedKey } from './trustedKeys';

/** A signing key made with Node's crypto, as the hub's is, for checking the app's verifier against it. */
export interface TestKey {
  keyId: string;
  publicKey: Uint8Array;
  privateKey: KeyObject;
}

export function makeTestKey(): TestKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKey = new Uint8Array(der.subarray(der.length - 32));
  return { keyId: keyIdOf(publicKey), publicKey, privateKey };
}

export function signWith(key: TestKey, manifest: ManifestBody): SignedManifest {
  return { manifest, signature: toBase64(new Uint8Array(sign(null, manifestSigningBytes(manifest), key.privateKey))) };
}

export function pinned(...keys: (TestKey & { revoked?: boolean })[]): Map<string, PinnedKey> {
  return new Map(keys.map((key) => [key.keyId, { publicKey: key.publicKey, revoked: key.revoked ?? false }]));
}
