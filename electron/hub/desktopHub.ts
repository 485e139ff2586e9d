import type { AccountFailure, HubAccount } from '../../renderer/sync/hubClient';
import type {
  HubAccountResult,
  HubBridge,
  HubExchangeResult,
  HubRequestResult,
} from '../../renderer/platform/contract';
import { createHubRequester } from '../../renderer/sync/hubRequest';
import { createHubTransport, SyncTransportError } from '../../renderer/sync/transport';
import { requestProfile, requestSession, revokeSession } from './accountRequests';
import { toHubOrigin, type HubOriginGuard } from './hubOrigin';
import { NoSecureStorage, type HubSession, type HubSettings, type HubSettingsFile } from './hubSettingsFile';

export interface DesktopHubOptions {
  file: HubSettingsFile;
  guard: HubOriginGuard;
  now?: () => number;
  /** With no byte of a sync answer for this long, the exchange is abandoned (transport.ts). */
  stallMs?: number;
}

const failed = (failure: AccountFailure): { ok: false; failure: AccountFailure } => ({ ok: false, failure });

/**
 * The hub as the main process runs it for the renderer: account requests and the sync exchange,
 * all through the origin guard, with the token kept here (and encrypted on disk). What it
 * returns crosses IPC: results, never a token, never an Error.
 */
export function createDesktopHub({ file, guard, now = Date.now, stallMs }: DesktopHubOptions): HubBridge {
  let settings: HubSettings | null | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  /** Account changes run one at a time, so two sign-ins never interleave their writes. */
  function serially<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  let loading: Promise<void> | undefined;
  /** The settings, read from the file once (calls that arrive while it is read wait for the same read). */
  async function current(): Promise<HubSettings | null> {
    loading ??= file.read().then((stored) => {
      if (settings !== undefined) return;
      settings = stored;
      guard.allow(stored?.hubUrl ?? null);
    });
    await loading;
    return settings ?? null;
  }

  async function store(next: HubSettings): Promise<void> {
    settings = next;
    guard.allow(next.hubUrl);
    await file.write(next);
  }

  /** The live session, or null; a session past its expiry is forgotten here without asking the hub. */
  async function liveSession(): Promise<{ hubUrl: string; session: HubSession } | null> {
    const stored = await current();
    if (!stored?.session) return null;
    if (Date.parse(stored.session.expiresAt) <= now()) {
      await forget(stored.session);
      return null;
    }
    return { hubUrl: stored.hubUrl, session: stored.session };
  }

  /** Forgets `session` if it is still the current one (a newer sign-in is left alone). */
  async function forget(session: HubSession): Promise<void> {
    if (!settings || settings.session !== session) return;
    try {
      await store({ hubUrl: settings.hubUrl, session: null });
    } catch (error) {
      console.error('Could not forget the hub session on disk', error);
    }
  }

  async function endSession(): Promise<void> {
    const live = await liveSession();
    if (!live) return;
    await revokeSession(guard.fetch, live.hubUrl, live.session.token);
    await forget(live.session);
  }

  function openSession(route: 'register' | 'sign-in') {
    return (hubUrl: string, email: string, password: string): Promise<HubAccountResult<HubAccount>> =>
      serially(async () => {
        const origin = toHubOrigin(hubUrl);
        if (!origin) return failed({ kind: 'bad-address' });
        // Checked before asking the hub: a session the app cannot keep should not be opened.
        if (!(await file.canKeepSecrets())) return failed({ kind: 'no-secure-storage' });
        await endSession();
        const address = email.trim();
        await store({ hubUrl: origin, session: null });
        const answer = await requestSession(guard.fetch, origin, route, address, password);
        if (!answer.ok) return answer;
        const session: HubSession = { email: address, ...answer.value };
        try {
          await store({ hubUrl: origin, session });
        } catch (error) {
          if (!(error instanceof NoSecureStorage)) throw error;
          settings = { hubUrl: origin, session: null };
          await revokeSession(guard.fetch, origin, session.token);
          return failed({ kind: 'no-secure-storage' });
        }
        return { ok: true, value: { hubUrl: origin, email: address } };
      });
  }

  return {
    account: () =>
      serially(async () => {
        const live = await liveSession();
        if (!live) return { ok: true, value: null };
        const profile = await requestProfile(guard.fetch, live.hubUrl, live.session.token);
        if (profile.kind === 'signed-out') {
          await forget(live.session);
          return { ok: true, value: null };
        }
        // Offline, the account is the one remembered; the hub is asked again next time.
        const email = profile.kind === 'signed-in' ? profile.email : live.session.email;
        return { ok: true, value: { hubUrl: live.hubUrl, email } };
      }),

    register: openSession('register'),
    signIn: openSession('sign-in'),
    signOut: () => serially(endSession),

    async exchange(request): Promise<HubExchangeResult> {
      const live = await liveSession();
      if (!live) return { ok: false, failure: { kind: 'signed-out' } };
      const transport = createHubTransport({
        hubUrl: live.hubUrl,
        token: () => live.session.token,
        fetch: guard.fetch as typeof fetch,
        stallMs,
      });
      try {
        return { ok: true, answer: await transport.exchange(request) };
      } catch (error) {
        const failure = error instanceof SyncTransportError ? error.failure : { kind: 'offline' as const };
        if (failure.kind === 'signed-out') await forget(live.session);
        return { ok: false, failure };
      }
    },

    async request(request): Promise<HubRequestResult> {
      const live = await liveSession();
      const hubUrl = live?.hubUrl ?? (await current())?.hubUrl;
      if (!hubUrl) return { ok: false, failure: { kind: 'offline' } };
      const send = createHubRequester({
        hubUrl,
        token: () => live?.session.token ?? null,
        fetch: guard.fetch as typeof fetch,
        stallMs,
      });
      try {
        const response = await send(request);
        // The hub no longer knows the session the request carried: it is over here too.
        if (response.status === 401 && live) await forget(live.session);
        return { ok: true, response };
      } catch (error) {
        return { ok: false, failure: error instanceof SyncTransportError ? error.failure : { kind: 'offline' } };
      }
    },
  };
}
