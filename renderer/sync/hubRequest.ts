import { readWithStallGuard } from './readBody';
import { SyncTransportError } from './transport';

/**
 * A request to one of the hub's routes other than the account and sync routes, which have their
 * own calls: certificates, packs, shared drafts. Plain data, so that it crosses IPC as it is.
 */
export interface HubRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A path on the hub under /v1/, with its query if any. */
  path: string;
  /** A JSON body (POST, PUT). */
  json?: unknown;
  /**
   * Asks for the body from byte `start` (up to `end`, inclusive, if given), e.g. to download a pack
   * in pieces and resume it; `ifRange` is the ETag it must still have.
   */
  range?: { start: number; end?: number | undefined; ifRange?: string | undefined } | undefined;
}

/** The headers a caller of a hub route may need; the others stay behind. */
export const HUB_RESPONSE_HEADERS = ['content-type', 'content-length', 'content-range', 'etag', 'retry-after'] as const;
export type HubResponseHeader = (typeof HUB_RESPONSE_HEADERS)[number];

export interface HubResponse {
  status: number;
  headers: Partial<Record<HubResponseHeader, string>>;
  body: Uint8Array;
}

/** The routes a HubRequest may not name: the session's own, whose answers carry the token, and sync. */
const RESERVED_PATHS = [
  /^\/v1\/accounts(\/|\?|$)/,
  /^\/v1\/sessions(\/|\?|$)/,
  /^\/v1\/password-resets(\/|\?|$)/,
  /^\/v1\/sync(\/|\?|$)/,
];
export const MAX_HUB_PATH_LENGTH = 2048;
/** The largest answer a HubRequest reads (a course pack in one language is well under this). */
export const MAX_HUB_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Whether `path` names a hub route a HubRequest may call: under /v1/, plain, not reserved. */
export function isHubRequestPath(path: unknown): path is string {
  if (typeof path !== 'string' || path.length > MAX_HUB_PATH_LENGTH || !path.startsWith('/v1/')) return false;
  const [pathname] = path.split('?', 1) as [string];
  if (/(^|\/)\.\.?(\/|$)|\/\/|\\|%2e|%2f|%5c|#/i.test(pathname) || /[\s#]/.test(path)) return false;
  return !RESERVED_PATHS.some((reserved) => reserved.test(path));
}

export interface HubRequesterOptions {
  hubUrl: string;
  /** The desktop app's session token, if signed in; a browser sends its session cookie instead. */
  token?: (() => string | null) | undefined;
  fetch?: typeof fetch | undefined;
  /** With no byte received for this long, the request is abandoned. */
  stallMs?: number | undefined;
}

const FIRST_BYTE_MS = 30_000;

/**
 * Sends HubRequests to one hub. Any status comes back as it is (the caller knows what its route's
 * answers mean); a request that never got a whole answer throws a SyncTransportError: `offline`,
 * or `stalled` when the link went quiet.
 */
export function createHubRequester({
  hubUrl,
  token,
  fetch: fetchImpl = globalThis.fetch,
  stallMs = 30_000,
}: HubRequesterOptions): (request: HubRequest) => Promise<HubResponse> {
  return async (request) => {
    if (!isHubRequestPath(request.path)) throw new SyncTransportError({ kind: 'refused', status: 400 });
    const headers: Record<string, string> = { accept: 'application/json, application/octet-stream' };
    const session = token?.();
    if (session) headers.authorization = `Bearer ${session}`;
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    if (request.range) {
      headers.range = `bytes=${request.range.start}-${request.range.end ?? ''}`;
      if (request.range.ifRange) headers['if-range'] = request.range.ifRange;
    }
    const controller = new AbortController();
    let stalled = false;
    const abortAsStalled = () => {
      stalled = true;
      controller.abort();
    };
    const firstByte = setTimeout(abortAsStalled, FIRST_BYTE_MS);
    try {
      const response = await fetchImpl(new URL(request.path, hubUrl), {
        method: request.method,
        headers,
        ...(request.json !== undefined ? { body: JSON.stringify(request.json) } : {}),
        credentials: 'same-origin',
        signal: controller.signal,
      });
      clearTimeout(firstByte);
      const picked: HubResponse['headers'] = {};
      for (const name of HUB_RESPONSE_HEADERS) {
        const value = response.headers.get(name);
        if (value !== null) picked[name] = value;
      }
      return {
        status: response.status,
        headers: picked,
        body: await readWithStallGuard(response, stallMs, abortAsStalled, MAX_HUB_RESPONSE_BYTES),
      };
    } catch {
      throw new SyncTransportError(stalled ? { kind: 'stalled' } : { kind: 'offline' });
    } finally {
      clearTimeout(firstByte);
    }
  };
}

/** The JSON of an answer, or null when it is not JSON. */
export function responseJson(response: HubResponse): unknown {
  if (!(response.headers['content-type'] ?? '').includes('application/json')) return null;
  try {
    return JSON.parse(new TextDecoder().decode(response.body));
  } catch {
    return null;
  }
}
