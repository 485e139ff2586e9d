import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { compareVersions } from '../../../renderer/content/versions';
import {
  manifestSigningBytes,
  signedManifestSchema,
  SIGNED_MANIFEST_FORMAT,
  type ManifestBody,
  type PackKind,
  type SignedManifest,
  type SignedPack,
} from '../../../renderer/packs/signedManifest';
import { toBase64 } from '../../../renderer/sync/base64';
import type { HubKey } from './hubKey';

/**
 * The packs a hub publishes, in a folder: `manifest.json` (signed) and `files/`, one file per
 * pack and version, never rewritten. Publishing writes the new files, then swaps the manifest
 * in with one rename, so a reader sees the old manifest or the new one, never half of one.
 */
export interface NewPack {
  kind: PackKind;
  lang: SignedPack['lang'];
  version: string;
  /** The pack's JSON, uncompressed: written gzip-compressed. */
  bytes: Uint8Array;
}

export class PublishError extends Error {}

export interface PublishResult {
  manifest: SignedManifest | null;
  published: string[];
  unchanged: string[];
}

const MANIFEST_FILE = 'manifest.json';

export function packUrl(kind: string, lang: string, version: string): string {
  return `/v1/packs/${kind}/${lang}/${version}`;
}

export function packFilePath(dir: string, kind: string, lang: string, version: string): string {
  return path.join(dir, 'files', `${kind}-${lang}-${version}.json.gz`);
}

/**
 * A pack's bytes as served. Deterministic: a fixed level, and Node's gzip header names no file
 * and gives mtime 0, so the same content always gives the same file (and hash).
 */
export function gzipPack(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(bytes, { level: 9 }));
}

/** The JSON of a published pack (its file inflated). */
export function readPublishedPack(dir: string, entry: Pick<SignedPack, 'kind' | 'lang' | 'version'>): Uint8Array {
  return new Uint8Array(gunzipSync(readFileSync(packFilePath(dir, entry.kind, entry.lang, entry.version))));
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

export function readManifest(dir: string): SignedManifest | null {
  const file = path.join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return null;
  return signedManifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

function writeAtomically(file: string, bytes: Uint8Array | string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}

/**
 * Adds packs to the manifest and signs it anew. Refuses a version older than the one published,
 * and the same version with other bytes (a device that has it would never see the change).
 * A pack identical to the published one is left as it is; if nothing changed, nothing is signed.
 */
export function publishPacks(dir: string, key: HubKey, packs: readonly NewPack[], now = new Date()): PublishResult {
  const current = readManifest(dir);
  const entries = new Map((current?.manifest.packs ?? []).map((entry) => [entry.id, entry]));
  const published: string[] = [];
  const unchanged: string[] = [];
  const toWrite: { file: string; bytes: Uint8Array }[] = [];
  for (const pack of packs) {
    const id = `${pack.kind}/${pack.lang}`;
    const served = gzipPack(pack.bytes);
    const sha256 = createHash('sha256').update(served).digest('hex');
    const existing = entries.get(id);
    if (existing) {
      const order = compareVersions(pack.version, existing.version);
      if (order < 0)
        throw new PublishError(`${id} ${pack.version} is older than the published ${existing.version}: refused`);
      // Compared on content, so that another zlib's output for the same JSON is not a change.
      if (order === 0 && existing.sha256 !== sha256 && !sameBytes(readPublishedPack(dir, existing), pack.bytes))
        throw new PublishError(`${id} ${pack.version} is already published with other content: raise the version`);
      if (order === 0) {
        unchanged.push(id);
        continue;
      }
    }
    const url = packUrl(pack.kind, pack.lang, pack.version);
    entries.set(id, {
      id,
      kind: pack.kind,
      lang: pack.lang,
      version: pack.version,
      sha256,
      size: served.length,
      encoding: 'gzip',
      inflatedSize: pack.bytes.length,
      url,
    });
    toWrite.push({ file: packFilePath(dir, pack.kind, pack.lang, pack.version), bytes: served });
    published.push(id);
  }
  if (published.length === 0) return { manifest: current, published, unchanged };

  mkdirSync(path.join(dir, 'files'), { recursive: true });
  for (const { file, bytes } of toWrite) writeAtomically(file, bytes);
  const manifest: ManifestBody = {
    format: SIGNED_MANIFEST_FORMAT,
    sequence: (current?.manifest.sequence ?? 0) + 1,
    issuedAt: now.toISOString(),
    keyId: key.keyId,
    packs: [...entries.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
  const signed: SignedManifest = { manifest, signature: toBase64(key.sign(manifestSigningBytes(manifest))) };
  writeAtomically(path.join(dir, MANIFEST_FILE), JSON.stringify(signed, null, 2));
  return { manifest: signed, published, unchanged };
}

/** The published bytes of one pack, or null when the manifest does not list that version. */
export function publishedPack(
  dir: string,
  kind: string,
  lang: string,
  version: string,
): { entry: SignedPack; file: string } | null {
  const entry = readManifest(dir)?.manifest.packs.find(
    (each) => each.kind === kind && each.lang === lang && each.version === version,
  );
  return entry ? { entry, file: packFilePath(dir, kind, lang, version) } : null;
}
