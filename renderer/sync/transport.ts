import { retryAfterMs } from './backoff';
import { readWithStallGuard } from './readBody';
import { syncAnswerSchema } from './syncAnswerSchema';
import type { SyncAnswer, SyncRequest } from './wire';

/** Why an exchange with the hub failed, in terms the engine (and the delegate) can act on. */
export type SyncFailure =
  /** No connection, or it broke before an answer arrived. */
  | { kind: 'offline' }
  /** The link carried no byte for too long; the request may or may not have been applied. */
  | { kind: 'stalled' }
  /** The session is unknown, expired or revoked: sign in again. */
  | { kind: 'signed-out' }
  /** The hub asks the device to come back later (429 or 503). */
  | { kind: 'busy'; retryAfterMs: number | null }
  /** The hub failed (5xx). */
  | { kind: 'server'; status: number; retryAfterMs: number | null }
  /** The hub refused the request itself (400, 413): sending it again unchanged will not help. */
  | { kind: 'refused'; status: number }
  /** An answer arrived but is not the protocol's (a captive portal's page, a cut body). */
  | { kind: 'corrupt-answer' };

export class SyncTransportError extends Error {
  constructor(readonly failure: SyncFailure) {
    super(`Sync failed: ${failure.kind}`);
    this.name = 'SyncTransportError';
  }
}

/** One request of the sync protocol: push these changes, pull what is new. */
export interface SyncTransport {
  exchange(request: SyncRequest): Promise<SyncAnswer>;
}

export interface HubTransportOptions {
  /** The hub's origin, e.g. https://hub.example.org. */
  hubUrl: string;
  /** The desktop app's session token; a browser sends its session cookie instead. */
  token?: (() => string | null) | undefined;
  fetch?: typeof fetch | undefined;
  /** With no byte received for this long, the exchange is abandoned. */
  stallMs?: number | undefined;
}

/** The answer may take this long to begin, plus time to upload the body at 2 kB/s (a poor 2G link). */
const FIRST_BYTE_BASE_MS = 30_000;
const SLOWEST_UPLOAD_BYTES_PER_MS = 2;

function gzip(text: string): Promise<ArrayBuffer> {
  return new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
}

function failureFor(response: Response): SyncFailure {
  const wait = retryAfterMs(response.headers.get('retry-after'));
  if (response.status === 401) return { kind: 'signed-out' };
  if (response.status === 429 || response.status === 503) return { kind: 'busy', retryAfterMs: wait };
  if (response.status >= 500) return { kind: 'server', status: response.status, retryAfterMs: wait };
  return { kind: 'refused', status: response.status };
}

/** Talks to a Gapbridge hub over HTTPS: a gzip body, a checked answer, a stall guard. */
export function createHubTransport({
  hubUrl,
  token,
  fetch: fetchImpl = globalThis.fetch,
  stallMs = 30_000,
}: HubTransportOptions): SyncTransport {
  return {
    async exchange(request) {
      const body = await gzip(JSON.stringify(request));
      const controller = new AbortController();
      let stalled = false;
      const abortAsStalled = () => {
        stalled = true;
        controller.abort();
      };
      const headers: Record<string, string> = { 'content-type': 'application/json', 'content-encoding': 'gzip' };
      const session = token?.();
      if (session) headers.authorization = `Bearer ${session}`;
      const firstByte = setTimeout(abortAsStalled, FIRST_BYTE_BASE_MS + body.byteLength / SLOWEST_UPLOAD_BYTES_PER_MS);
      let text: string;
      try {
        const response = await fetchImpl(new URL('/v1/sync', hubUrl), {
          method: 'POST',
          headers,
          body,
          credentials: 'same-origin',
          signal: controller.signal,
        });
        clearTimeout(firstByte);
        if (!response.ok) {
          await response.body?.cancel().catch(() => undefined);
          throw new SyncTransportError(failureFor(response));
        }
        text = new TextDecoder().decode(await readWithStallGuard(response, stallMs, abortAsStalled));
      } catch (error) {
        if (error instanceof SyncTransportError) throw error;
        throw new SyncTransportError(stalled ? { kind: 'stalled' } : { kind: 'offline' });
      } finally {
        clearTimeout(firstByte);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new SyncTransportError({ kind: 'corrupt-answer' });
      }
      const answer = syncAnswerSchema.safeParse(json);
      if (!answer.success) throw new SyncTransportError({ kind: 'corrupt-answer' });
      return answer.data;
    },
  };
}
