/** What Electron's webRequest tells about a request, as far as the rule needs. */
export interface RequestDetails {
  url: string;
  webContentsId?: number | undefined;
  initiatorOrigin?: string | undefined;
}

const NETWORK_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'ws:', 'wss:']);

/**
 * Whether a request on the renderer's session may go out. The renderer reaches no network
 * origin at all, not even the hub: the main process makes the hub's requests, on a session of
 * its own. The CSP already says so (connect-src 'self'); this holds even if a page slipped
 * past it. Requests the browser starts itself (no web contents, no initiator) are left alone.
 */
export function isRendererRequestAllowed({ url, webContentsId, initiatorOrigin }: RequestDetails): boolean {
  let scheme: string;
  try {
    scheme = new URL(url).protocol;
  } catch {
    return false;
  }
  if (!NETWORK_SCHEMES.has(scheme)) return true;
  return webContentsId === undefined && initiatorOrigin === undefined;
}
