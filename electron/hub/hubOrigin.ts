/** The longest hub address the delegate may type. */
export const MAX_HUB_ADDRESS_LENGTH = 2048;

/** Plain http is for a hub on this very computer only; anywhere else the token would cross in clear. */
const LOCAL_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The hub's origin from the address the delegate typed, or null when it is not one the app may
 * talk to: https, or http on this computer; no user name, no path beyond `/`, no query. A bare
 * host name is taken as https.
 */
export function toHubOrigin(typed: string): string | null {
  const trimmed = typed.trim();
  if (!trimmed || trimmed.length > MAX_HUB_ADDRESS_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
  if (!secure || url.username || url.password || url.search || url.pathname !== '/') return null;
  return url.origin;
}

export class HubOriginRefused extends Error {
  constructor(url: string) {
    super(`Refused a request outside the configured hub: ${url}`);
    this.name = 'HubOriginRefused';
  }
}

export type HubFetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

/**
 * The one origin the main process may send requests to: the hub the delegate chose. Every
 * request of the hub code goes through `fetch` here, which refuses any other origin before a
 * byte leaves, and never follows a redirect (a hub that redirects is not answered elsewhere).
 */
export interface HubOriginGuard {
  /** Sets the configured hub (an origin from `toHubOrigin`), or none. */
  allow(origin: string | null): void;
  isAllowed(url: string): boolean;
  fetch: HubFetch;
}

export function createHubOriginGuard(send: HubFetch): HubOriginGuard {
  let allowed: string | null = null;
  const isAllowed = (value: string) => {
    if (allowed === null) return false;
    try {
      const url = new URL(value);
      return url.origin === allowed && !url.username && !url.password;
    } catch {
      return false;
    }
  };
  return {
    allow(origin) {
      allowed = origin;
    },
    isAllowed,
    fetch(input, init) {
      const url = typeof input === 'string' ? input : input.href;
      if (!isAllowed(url)) return Promise.reject(new HubOriginRefused(url));
      return send(url, { ...init, redirect: 'manual' });
    },
  };
}
