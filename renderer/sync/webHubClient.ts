import { retryAfterMs } from './backoff';
import { HubAccountError, type AccountFailure, type HubAccount, type HubClient } from './hubClient';
import { createHubRequester } from './hubRequest';
import { createHubTransport } from './transport';

/** The hub's password rule (server/src/accounts/routes.ts): checked here too, to answer at once. */
export const MIN_PASSWORD_LENGTH = 10;

/** Where the browser remembers who signed in, to say so while the hub cannot be reached. */
const REMEMBERED_ACCOUNT = 'gapbridge:hub-account';
/** Set when a sign-out could not reach the hub: the cookie lives on there, so it is ended later. */
const SIGN_OUT_PENDING = 'gapbridge:hub-sign-out-pending';

/** The part of localStorage used here (declared, so that the hub's Node tests type-check it too). */
interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface WebHubClientOptions {
  /** The page's own origin: a browser talks only to the hub that served it (CSP connect-src 'self'). */
  origin: string;
  fetch?: typeof fetch;
  storage?: KeyValueStorage | null;
}

/** The system's word that there is no network (Node, in tests, has no navigator: never offline). */
function systemSaysOffline(): boolean {
  return (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false;
}

/** The address a delegate types and the page's origin name the same hub. */
function sameOrigin(hubUrl: string, origin: string): boolean {
  try {
    return new URL(hubUrl).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}

async function readJson(response: Response): Promise<Record<string, unknown> | null> {
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  try {
    const value: unknown = await response.json();
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** What a hub's refusal means; a page that is not the hub's JSON means the address is not a hub. */
function failureFor(response: Response, body: Record<string, unknown> | null, password?: string): AccountFailure {
  // A proxy in front of a hub that is down (vite preview, a reverse proxy) answers 502 or 504.
  if (response.status === 502 || response.status === 504) return { kind: 'offline' };
  if (response.status === 429)
    return { kind: 'rate-limited', retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
  if (!body || typeof body['error'] !== 'string') return { kind: 'bad-address' };
  if (body['error'] === 'email-taken') return { kind: 'email-taken' };
  if (body['error'] === 'bad-credentials') return { kind: 'bad-credentials' };
  if (response.status === 400 && password !== undefined && password.length < MIN_PASSWORD_LENGTH)
    return { kind: 'weak-password' };
  return { kind: 'server' };
}

/**
 * The browser's HubClient: same-origin requests whose session is the hub's HttpOnly cookie, which
 * scripts can neither read nor send elsewhere. The hub is the origin that served the page (the hub
 * serves the web build; `npm run web` proxies /v1 to it).
 */
export function createWebHubClient({
  origin,
  fetch: fetchImpl = globalThis.fetch.bind(globalThis),
  storage = (globalThis as { localStorage?: KeyValueStorage }).localStorage ?? null,
}: WebHubClientOptions): HubClient {
  const hubUrl = new URL(origin).origin;

  function remember(account: HubAccount | null) {
    try {
      if (account) storage?.setItem(REMEMBERED_ACCOUNT, JSON.stringify(account));
      else storage?.removeItem(REMEMBERED_ACCOUNT);
    } catch {
      // Storage refused (private mode, quota): the hub still knows; only the offline display suffers.
    }
  }

  function flagSignOut(pending: boolean) {
    try {
      if (pending) storage?.setItem(SIGN_OUT_PENDING, '1');
      else storage?.removeItem(SIGN_OUT_PENDING);
    } catch {
      // As above.
    }
  }

  function signOutPending(): boolean {
    try {
      return storage?.getItem(SIGN_OUT_PENDING) === '1';
    } catch {
      return false;
    }
  }

  /** Ends the hub's session; true when the hub has no session for this browser any more. */
  async function endSession(): Promise<boolean> {
    try {
      const response = await request('/v1/sessions/current', { method: 'DELETE' });
      await response.body?.cancel().catch(() => undefined);
      return response.ok || response.status === 401;
    } catch {
      return false;
    }
  }

  function remembered(): HubAccount | null {
    try {
      const value: unknown = JSON.parse(storage?.getItem(REMEMBERED_ACCOUNT) ?? 'null');
      if (value && typeof value === 'object' && 'hubUrl' in value && 'email' in value) {
        const { hubUrl: url, email } = value as Record<string, unknown>;
        if (typeof url === 'string' && typeof email === 'string') return { hubUrl: url, email };
      }
    } catch {
      // Unreadable: as if never stored.
    }
    return null;
  }

  async function request(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetchImpl(new URL(path, hubUrl), { ...init, credentials: 'same-origin' });
    } catch {
      throw new HubAccountError({ kind: 'offline' });
    }
  }

  async function openSession(path: string, address: string, email: string, password: string): Promise<HubAccount> {
    if (!sameOrigin(address, hubUrl)) throw new HubAccountError({ kind: 'bad-address' });
    if (path === '/v1/accounts' && password.length < MIN_PASSWORD_LENGTH)
      throw new HubAccountError({ kind: 'weak-password' });
    const response = await request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, client: 'browser' }),
    });
    const body = await readJson(response);
    if (!response.ok) throw new HubAccountError(failureFor(response, body, password));
    if (!body || typeof body['expiresAt'] !== 'string') throw new HubAccountError({ kind: 'bad-address' });
    const account = { hubUrl, email };
    flagSignOut(false);
    remember(account);
    return account;
  }

  return {
    async account() {
      if (signOutPending()) {
        if (!systemSaysOffline() && (await endSession())) flagSignOut(false);
        return null;
      }
      const known = remembered();
      // Never signed in here, or signed out: no request at all. Offline: what we knew, quietly.
      if (!known || systemSaysOffline()) return known;
      let response: Response;
      try {
        response = await request('/v1/me', { method: 'GET' });
      } catch {
        return known;
      }
      const body = await readJson(response);
      if (response.status === 401) {
        remember(null);
        return null;
      }
      if (response.ok && body && typeof body['email'] === 'string') {
        const account = { hubUrl, email: body['email'] };
        remember(account);
        return account;
      }
      // The hub is down or behind something else for now: say what we knew.
      return known;
    },
    register: (address, email, password) => openSession('/v1/accounts', address, email, password),
    signIn: (address, email, password) => openSession('/v1/sessions', address, email, password),
    async signOut() {
      remember(null);
      // Offline, the hub keeps the session: it is ended at the next look at the account.
      flagSignOut(!(await endSession()));
    },
    transport: createHubTransport({ hubUrl, fetch: fetchImpl }),
    request: createHubRequester({ hubUrl, fetch: fetchImpl }),
  };
}
