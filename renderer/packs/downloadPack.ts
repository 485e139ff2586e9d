import type { GapbridgeDatabase } from '../db/database';
import { receivedBytes, restartDownload, resumeDownload, storeChunk, type PackTarget } from '../db/packDownloads';
import type { HubRequest, HubResponse } from '../sync/hubRequest';

/**
 * Bytes asked for per request. Small enough that a cut on a 2G link loses little and progress
 * moves; large enough that the requests' own cost stays small. Packs are gzip-compressed (a
 * course pack is 55 to 75 kB, the calendar about 9 kB): 32 kB makes a course pack two or three
 * requests, where 128 kB pieces would make every pack one request that a cut loses whole.
 */
export const CHUNK_BYTES = 32 * 1024;

export type SendHubRequest = (request: HubRequest) => Promise<HubResponse>;

/** The hub did not give the pack: it is no longer listed (404), or answered something else. */
export class PackDownloadError extends Error {
  constructor(
    readonly packId: string,
    readonly status: number,
  ) {
    super(`Pack ${packId}: the hub answered ${status}`);
    this.name = 'PackDownloadError';
  }
}

/** The hub's file is not the size the signed manifest gives: it can never pass the checks. */
export class PackSizeMismatch extends Error {
  constructor(readonly packId: string) {
    super(`Pack ${packId}: the hub's file is not the size its manifest signs`);
    this.name = 'PackSizeMismatch';
  }
}

/** `bytes START-END/TOTAL` */
function contentRange(header: string | undefined): { start: number; end: number; total: number } | null {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header?.trim() ?? '');
  return match ? { start: Number(match[1]), end: Number(match[2]), total: Number(match[3]) } : null;
}

/**
 * Downloads one pack into IndexedDB, a piece at a time (HTTP Range), from where a cut or a restart
 * left it: every piece is stored before the next is asked for, and a resumed request names the
 * ETag the first bytes came with (If-Range), so that bytes of two different files are never
 * joined. When the hub's file changed, its whole answer (200) starts the download again.
 * Resolves with the pack's bytes, not yet checked; a lost connection rejects with the hub
 * client's SyncTransportError, and the next call goes on from there.
 */
export async function downloadPack(
  db: GapbridgeDatabase,
  send: SendHubRequest,
  target: PackTarget,
  onBytes: (received: number, size: number) => void = () => undefined,
  chunkBytes = CHUNK_BYTES,
): Promise<Uint8Array> {
  let state = await resumeDownload(db, target);
  onBytes(state.received, target.size);
  while (state.received < target.size) {
    const start = state.received;
    const end = Math.min(start + chunkBytes, target.size) - 1;
    const response = await send({
      method: 'GET',
      path: target.url,
      range: { start, end, ...(state.etag ? { ifRange: state.etag } : {}) },
    });
    const etag = response.headers.etag ?? null;
    if (response.status === 206) {
      const range = contentRange(response.headers['content-range']);
      if (range && range.total !== target.size) throw new PackSizeMismatch(target.id);
      const fits = range && range.start === start && response.body.length === range.end - start + 1;
      if (!fits || response.body.length === 0) throw new PackDownloadError(target.id, response.status);
      state = await storeChunk(db, target.id, start, response.body, etag);
    } else if (response.status === 200) {
      // The whole file: the hub's copy is not the one the stored bytes came from (If-Range), or it
      // does not do ranges. Start again from these bytes.
      await restartDownload(db, target);
      if (response.body.length !== target.size) throw new PackSizeMismatch(target.id);
      state = await storeChunk(db, target.id, 0, response.body, etag);
    } else if (response.status === 416) {
      // The hub's file is shorter than the signed size.
      throw new PackSizeMismatch(target.id);
    } else {
      throw new PackDownloadError(target.id, response.status);
    }
    onBytes(state.received, target.size);
  }
  return receivedBytes(db, target.id);
}
