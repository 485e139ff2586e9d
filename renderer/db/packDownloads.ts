import Dexie from 'dexie';
import type { GapbridgeDatabase } from './database';
import type {
  ManifestRefusalReason,
  PackDownloadRecord,
  PackRefusalReason,
  PackRefusalRecord,
  PackStateRecord,
} from './records';

/** The manifest entry a download is for: what the hub signed. */
export interface PackTarget {
  id: string;
  version: string;
  sha256: string;
  size: number;
  url: string;
}

const sameTarget = (record: PackDownloadRecord, target: PackTarget) =>
  record.version === target.version &&
  record.sha256 === target.sha256 &&
  record.size === target.size &&
  record.url === target.url;

const chunksOf = (db: GapbridgeDatabase, packId: string) =>
  db.packChunks.where('[packId+start]').between([packId, Dexie.minKey], [packId, Dexie.maxKey]);

/**
 * Where a download of `target` stands: what is stored for it, or a fresh start (a download of
 * another version or other bytes of that pack is dropped first).
 */
export async function resumeDownload(
  db: GapbridgeDatabase,
  target: PackTarget,
  now = new Date(),
): Promise<PackDownloadRecord> {
  return db.transaction('rw', [db.packDownloads, db.packChunks], async () => {
    const stored = await db.packDownloads.get(target.id);
    if (stored && sameTarget(stored, target)) return stored;
    return restart(db, target, now);
  });
}

async function restart(db: GapbridgeDatabase, target: PackTarget, now: Date): Promise<PackDownloadRecord> {
  await chunksOf(db, target.id).delete();
  const fresh: PackDownloadRecord = { ...target, etag: null, received: 0, startedAt: now.toISOString() };
  await db.packDownloads.put(fresh);
  return fresh;
}

/** Drops what was received of a pack and starts it again from byte 0 (the hub's copy changed). */
export function restartDownload(
  db: GapbridgeDatabase,
  target: PackTarget,
  now = new Date(),
): Promise<PackDownloadRecord> {
  return db.transaction('rw', [db.packDownloads, db.packChunks], () => restart(db, target, now));
}

/**
 * Stores bytes received at `start` and moves the download on, in one transaction: after a cut,
 * what is stored and what the record says always agree. Refuses bytes that do not follow on.
 */
export async function storeChunk(
  db: GapbridgeDatabase,
  packId: string,
  start: number,
  bytes: Uint8Array,
  etag: string | null,
): Promise<PackDownloadRecord> {
  return db.transaction('rw', [db.packDownloads, db.packChunks], async () => {
    const record = await db.packDownloads.get(packId);
    if (!record || record.received !== start) throw new Error(`pack ${packId}: bytes at ${start} do not follow on`);
    await db.packChunks.put({ packId, start, bytes });
    const next: PackDownloadRecord = { ...record, received: start + bytes.length, etag: etag ?? record.etag };
    await db.packDownloads.put(next);
    return next;
  });
}

/** The bytes received for a pack, joined in order. */
export async function receivedBytes(db: GapbridgeDatabase, packId: string): Promise<Uint8Array> {
  const chunks = await chunksOf(db, packId).toArray();
  const length = chunks.reduce((sum, chunk) => sum + chunk.bytes.length, 0);
  const joined = new Uint8Array(length);
  for (const chunk of chunks) joined.set(chunk.bytes, chunk.start);
  return joined;
}

/** Forgets a download and its bytes (installed, refused, or no longer offered). */
export async function dropDownload(db: GapbridgeDatabase, packId: string): Promise<void> {
  await db.transaction('rw', [db.packDownloads, db.packChunks], async () => {
    await chunksOf(db, packId).delete();
    await db.packDownloads.delete(packId);
  });
}

export function storedDownloads(db: GapbridgeDatabase): Promise<PackDownloadRecord[]> {
  return db.packDownloads.toArray();
}

// Refusals and the manifest's sequence ------------------------------------------------------

export function packRefusals(db: GapbridgeDatabase): Promise<PackRefusalRecord[]> {
  return db.packRefusals.toArray();
}

/** Refuses a downloaded version, and drops its bytes, in one transaction. */
export async function refusePack(
  db: GapbridgeDatabase,
  target: PackTarget,
  reason: PackRefusalReason,
  now = new Date(),
): Promise<void> {
  await db.transaction('rw', [db.packDownloads, db.packChunks, db.packRefusals], async () => {
    await chunksOf(db, target.id).delete();
    await db.packDownloads.delete(target.id);
    await db.packRefusals.put({
      id: target.id,
      version: target.version,
      sha256: target.sha256,
      reason,
      refusedAt: now.toISOString(),
    });
  });
}

export async function clearRefusal(db: GapbridgeDatabase, packId: string): Promise<void> {
  await db.packRefusals.delete(packId);
}

export async function manifestState(db: GapbridgeDatabase): Promise<PackStateRecord | undefined> {
  return db.packState.get('manifest');
}

/** Records a manifest accepted (its sequence becomes the floor) or refused (the floor stays). */
export async function recordManifestCheck(
  db: GapbridgeDatabase,
  outcome: { sequence: number } | { refusal: ManifestRefusalReason },
  now = new Date(),
): Promise<void> {
  await db.transaction('rw', db.packState, async () => {
    const previous = await db.packState.get('manifest');
    const sequence =
      'sequence' in outcome ? Math.max(outcome.sequence, previous?.sequence ?? 0) : (previous?.sequence ?? 0);
    await db.packState.put({
      key: 'manifest',
      sequence,
      checkedAt: now.toISOString(),
      refusal: 'refusal' in outcome ? outcome.refusal : null,
    });
  });
}
