import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HubAccountError, type AccountFailure } from '../../../renderer/sync/hubClient';
import { SyncTransportError } from '../../../renderer/sync/transport';
import { createWebHubClient } from '../../../renderer/sync/webHubClient';
import { PROTOCOL_VERSION } from '../../../renderer/sync/wire';
import { buildHub } from '../app';
import { emptyDatabase, freshDatabase, type TestDatabase } from '../../test/databases';

/** A browser's cookie jar for one origin, enough for the hub's one session cookie. */
function cookieKeepingFetch(): { fetch: typeof fetch; cookies: Map<string, string> } {
  const cookies = new Map<string, string>();
  return {
    cookies,
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      if (cookies.size > 0) headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
      const response = await fetch(input, { ...init, headers });
      for (const line of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split(';');
        const [name = '', value = ''] = pair.split('=');
        const expired = attributes.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim()));
        if (expired || value === '') cookies.delete(name.trim());
        else cookies.set(name.trim(), value);
      }
      return response;
    },
  };
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

async function failureOf(promise: Promise<unknown>): Promise<AccountFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HubAccountError) return error.failure;
    throw error;
  }
  throw new Error('expected a HubAccountError');
}

const PASSWORD = 'correct horse battery';

describe('the browser HubClient against a real hub', () => {
  let database: TestDatabase;
  let hub: FastifyInstance;
  let origin: string;

  beforeAll(async () => {
    database = await freshDatabase('pglite');
    hub = buildHub({ db: database.db });
    await hub.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(hub.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await hub.close();
    await database.drop();
  });
  beforeEach(() => emptyDatabase(database.db));

  it('registers with the session in a cookie, syncs with it, and signs out', async () => {
    const jar = cookieKeepingFetch();
    const client = createWebHubClient({ origin, fetch: jar.fetch, storage: memoryStorage() });
    expect(await client.account()).toBeNull();

    const account = await client.register(origin, 'ana@example.org', PASSWORD);
    expect(account).toEqual({ hubUrl: origin, email: 'ana@example.org' });
    expect(jar.cookies.has('gb_session')).toBe(true);
    expect(await client.account()).toEqual(account);

    const answer = await client.transport.exchange({
      protocol: PROTOCOL_VERSION,
      deviceId: 'browser-0001',
      cursor: 0,
      changes: [],
    });
    expect(answer.acked).toBe(0);
    expect(Math.abs(Date.parse(answer.serverTime) - Date.now())).toBeLessThan(60_000);

    await client.signOut();
    expect(jar.cookies.has('gb_session')).toBe(false);
    expect(await client.account()).toBeNull();
    const refused = await client.transport
      .exchange({ protocol: PROTOCOL_VERSION, deviceId: 'browser-0001', cursor: 0, changes: [] })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SyncTransportError);
    expect((refused as SyncTransportError).failure.kind).toBe('signed-out');
  });

  it('names each refusal: wrong password, address taken, short password, another origin, rate limit', async () => {
    const client = createWebHubClient({ origin, fetch: cookieKeepingFetch().fetch, storage: memoryStorage() });
    await client.register(origin, 'ben@example.org', PASSWORD);
    await client.signOut();
    expect(await failureOf(client.signIn(origin, 'ben@example.org', 'wrong password!'))).toEqual({
      kind: 'bad-credentials',
    });
    expect(await failureOf(client.register(origin, 'ben@example.org', PASSWORD))).toEqual({ kind: 'email-taken' });
    expect(await failureOf(client.register(origin, 'cy@example.org', 'short'))).toEqual({ kind: 'weak-password' });
    expect(await failureOf(client.signIn('https://elsewhere.example', 'ben@example.org', PASSWORD))).toEqual({
      kind: 'bad-address',
    });
    let failure: AccountFailure = { kind: 'server' };
    for (let tries = 0; tries < 10 && failure.kind !== 'rate-limited'; tries += 1)
      failure = await failureOf(client.signIn(origin, 'ben@example.org', 'wrong password!'));
    expect(failure.kind).toBe('rate-limited');
    expect(failure.kind === 'rate-limited' && failure.retryAfterMs).toBeGreaterThan(60_000);
  });

  it('forgets the account when the hub no longer knows the session, and asks nothing when never signed in', async () => {
    const jar = cookieKeepingFetch();
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests += 1;
      return jar.fetch(input, init);
    };
    const client = createWebHubClient({ origin, fetch: counting, storage: memoryStorage() });
    expect(await client.account()).toBeNull();
    expect(requests).toBe(0);
    await client.register(origin, 'eve@example.org', PASSWORD);
    jar.cookies.clear(); // the session expired or was revoked
    expect(await client.account()).toBeNull();
    expect(await client.account()).toBeNull();
    expect(requests).toBe(2); // register, then one look: forgotten after the hub's 401
  });

  it('keeps a sign-out made offline and ends the session once the hub answers', async () => {
    const jar = cookieKeepingFetch();
    let offline = false;
    const flaky: typeof fetch = (input, init) =>
      offline ? Promise.reject(new TypeError('fetch failed')) : jar.fetch(input, init);
    const storage = memoryStorage();
    const client = createWebHubClient({ origin, fetch: flaky, storage });
    await client.register(origin, 'dee@example.org', PASSWORD);
    offline = true;
    expect(await client.account()).toEqual({ hubUrl: origin, email: 'dee@example.org' }); // remembered
    await client.signOut();
    expect(await client.account()).toBeNull();
    offline = false;
    expect(jar.cookies.has('gb_session')).toBe(true);
    expect(await client.account()).toBeNull();
    expect(jar.cookies.has('gb_session')).toBe(false);
  });

  it('says offline when nothing answers, and "not a hub" for a server that is not one', async () => {
    const down = createWebHubClient({ origin: 'http://127.0.0.1:9', storage: memoryStorage() });
    expect(await failureOf(down.signIn('http://127.0.0.1:9', 'a@example.org', PASSWORD))).toEqual({
      kind: 'offline',
    });
    const notAHub: typeof fetch = async () =>
      new Response('<html>Welcome to nginx</html>', { status: 404, headers: { 'content-type': 'text/html' } });
    const other = createWebHubClient({ origin, fetch: notAHub, storage: memoryStorage() });
    expect(await failureOf(other.signIn(origin, 'a@example.org', PASSWORD))).toEqual({ kind: 'bad-address' });
    const portal: typeof fetch = async () =>
      new Response('<html>Sign in to the hotel Wi-Fi</html>', {
        status: 200,
        headers: { 'content-type': 'text/html' },
      });
    const captive = createWebHubClient({ origin, fetch: portal, storage: memoryStorage() });
    expect(await failureOf(captive.register(origin, 'a@example.org', PASSWORD))).toEqual({ kind: 'bad-address' });
  });
});
