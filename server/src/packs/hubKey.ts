import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { keyIdOf } from '../../../renderer/packs/signedManifest';

export const KEY_FILE = 'signing-key.pem';

export interface HubKey {
  keyId: string;
  /** The 32 raw bytes of the Ed25519 public key. */
  publicKey: Uint8Array;
  sign(bytes: Uint8Array): Uint8Array;
}

function rawPublicKey(privateKey: KeyObject): Uint8Array {
  // The SPKI DER of an Ed25519 key ends with its 32 raw bytes.
  const der = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(der.length - 32));
}

/**
 * The hub's Ed25519 signing key, in `dir`: made on first use, readable by the hub's user only.
 * Losing it means the app's pinned key no longer matches: keep a copy offline.
 */
export function loadOrCreateHubKey(dir: string): HubKey {
  const file = path.join(dir, KEY_FILE);
  let privateKey: KeyObject;
  if (existsSync(file)) {
    privateKey = createPrivateKey(readFileSync(file));
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 key`);
  } else {
    mkdirSync(dir, { recursive: true });
    privateKey = generateKeyPairSync('ed25519').privateKey;
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  }
  const publicKey = rawPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    publicKey,
    sign: (bytes) => new Uint8Array(sign(null, bytes, privateKey)),
  };
}
