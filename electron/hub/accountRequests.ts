import { z } from 'zod';
import type { AccountFailure } from '../../renderer/sync/hubClient';
import { retryAfterMs } from '../../renderer/sync/backoff';
import type { HubFetch } from './hubOrigin';

/** An account request waits this long for the hub before it counts as offline (a 2G link is slow, not silent). */
export const ACCOUNT_REQUEST_TIMEOUT_MS = 60_000;
/** The hub's shortest new password (server/src/accounts/routes.ts), counted in characters. */
const MIN_PASSWORD_CHARACTERS = 10;

export type AccountOutcome<T> = { ok: true; value: T } | { ok: false; failure: AccountFailure };

const sessionAnswer = z.object({ token: z.string().min(16).max(512), expiresAt: z.iso.datetime() });
const profileAnswer = z.object({ email: z.string().min(1) });

export interface IssuedSession {
  token: string;
  expiresAt: string;
}

const failed = (failure: AccountFailure): AccountOutcome<never> => ({ ok: false, failure });

async function send(fetch: HubFetch, url: URL, init: RequestInit): Promise<Response | null> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(ACCOUNT_REQUEST_TIMEOUT_MS) });
  } catch {
    return null;
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function failureFor(response: Response, route: 'register' | 'sign-in', password: string): AccountFailure {
  const { status } = response;
  if (status === 429) return { kind: 'rate-limited', retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
  if (status === 409 && route === 'register') return { kind: 'email-taken' };
  if (status === 401) return { kind: 'bad-credentials' };
  // The hub says only "invalid"; the address was checked here already, so a short password is the cause.
  if (status === 400) {
    return route === 'register' && [...password].length < MIN_PASSWORD_CHARACTERS
      ? { kind: 'weak-password' }
      : { kind: 'bad-credentials' };
  }
  // A redirect or a page that is not there: no Gapbridge hub answers at this address.
  if ((status >= 300 && status < 400) || status === 404 || status === 405) return { kind: 'bad-address' };
  return { kind: 'server' };
}

/** Registers (POST /v1/accounts) or signs in (POST /v1/sessions) as the desktop app: the hub answers with a token. */
export async function requestSession(
  fetch: HubFetch,
  hubUrl: string,
  route: 'register' | 'sign-in',
  email: string,
  password: string,
): Promise<AccountOutcome<IssuedSession>> {
  const response = await send(fetch, new URL(route === 'register' ? '/v1/accounts' : '/v1/sessions', hubUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, client: 'desktop' }),
  });
  if (!response) return failed({ kind: 'offline' });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return failed(failureFor(response, route, password));
  }
  const answer = sessionAnswer.safeParse(await readJson(response));
  if (!answer.success) return failed({ kind: 'server' });
  return { ok: true, value: answer.data };
}

export type ProfileOutcome = { kind: 'signed-in'; email: string } | { kind: 'signed-out' } | { kind: 'unreachable' };

/** Asks the hub whose session this is (GET /v1/me). */
export async function requestProfile(fetch: HubFetch, hubUrl: string, token: string): Promise<ProfileOutcome> {
  const response = await send(fetch, new URL('/v1/me', hubUrl), { headers: { authorization: `Bearer ${token}` } });
  if (!response) return { kind: 'unreachable' };
  if (response.status === 401) return { kind: 'signed-out' };
  const profile = response.ok ? profileAnswer.safeParse(await readJson(response)) : null;
  if (!profile?.success) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'unreachable' };
  }
  return { kind: 'signed-in', email: profile.data.email };
}

/** Ends the session on the hub (DELETE /v1/sessions/current); true when the hub confirmed. */
export async function revokeSession(fetch: HubFetch, hubUrl: string, token: string): Promise<boolean> {
  const response = await send(fetch, new URL('/v1/sessions/current', hubUrl), {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  });
  await response?.body?.cancel().catch(() => undefined);
  return response !== null && (response.ok || response.status === 401);
}
