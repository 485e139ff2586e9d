import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { IPC, type HubBridge } from '../../renderer/platform/contract';
import { createElectronHubClient } from '../../renderer/platform/electronHubClient';
import { HubAccountError } from '../../renderer/sync/hubClient';
import type { SyncRequest } from '../../renderer/sync/wire';
import { buildHub } from '../../server/src/app';
import { emptyDatabase, freshDatabase, type TestDatabase } from '../../server/test/databases';
import { createDesktopHub } from './desktopHub';
import { closedOrigin, recordingServer, reversibleBox } from './fakes.testing';
import { registerIpcHandlers } from '../ipc';
import { createHubIpcHandlers } from './hubIpc';
import { createHubOriginGuard, HubOriginRefused, type HubFetch } from './hubOrigin';
import { createHubSettingsFile } from './hubSettingsFile';

const PASSWORD = 'correct horse battery';
const DAY_MS = 86_400_000;

/**
 * The main process's hub client against a real hub (Fastify on PGlite) over real HTTP, with
 * Node's fetch in place of Electron's net.fetch and a reversible stand-in for safeStorage.
 */
describe('the desktop hub client against a real hub', { timeout: 30_000 }, () => {
  let database: TestDatabase;
  let server: FastifyInstance;
  let hubUrl: string;
  let hubShiftMs = 0;
  let folder: string;

  beforeAll(async () => {
    database = await freshDatabase('pglite');
    server = buildHub({ db: database.db, clock: () => new Date(Date.now() + hubShiftMs) });
    await server.listen({ host: '127.0.0.1', port: 0 });
    hubUrl = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await database.drop();
  });
  beforeEach(async () => {
    hubShiftMs = 0;
    await emptyDatabase(database.db);
    folder = await mkdtemp(path.join(tmpdir(), 'gapbridge-hub-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  /** A desktop app's hub client; `sent` records every URL it asked its fetch for. */
  function desktop({ secure = true, now = Date.now }: { secure?: boolean; now?: () => number } = {}) {
    const box = reversibleBox(secure);
    const file = path.join(folder, 'hub.json');
    const sent: string[] = [];
    const send: HubFetch = (input, init) => {
      sent.push(String(input));
      return fetch(input, init);
    };
    const guard = createHubOriginGuard(send);
    const hub = createDesktopHub({ file: createHubSettingsFile(file, box), guard, now });
    const storedToken = async () => {
      const stored = JSON.parse(await readFile(file, 'utf8')) as { session: { encryptedToken: string } | null };
      return stored.session ? box.reveal(Buffer.from(stored.session.encryptedToken, 'base64')) : null;
    };
    return { hub, guard, file, sent, storedToken };
  }

  const me = (token: string) => fetch(new URL('/v1/me', hubUrl), { headers: { authorization: `Bearer ${token}` } });

  it('registers, keeps the token only encrypted on disk, knows the account, and signs out on the hub too', async () => {
    const { hub, file, storedToken } = desktop();
    expect(await hub.register(hubUrl, ' amina@example.org ', PASSWORD)).toEqual({
      ok: true,
      value: { hubUrl, email: 'amina@example.org' },
    });
    const token = await storedToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(await readFile(file, 'utf8')).not.toContain(token!);
    expect((await me(token!)).status).toBe(200);

    expect(await hub.account()).toEqual({ ok: true, value: { hubUrl, email: 'amina@example.org' } });
    await hub.signOut();
    expect(await hub.account()).toEqual({ ok: true, value: null });
    expect(await storedToken()).toBeNull();
    expect((await me(token!)).status).toBe(401);
  });

  it('signs in, and a restarted app is still signed in from the file', async () => {
    await desktop().hub.register(hubUrl, 'kwame@example.org', PASSWORD);
    const { hub } = desktop();
    expect(await hub.signIn(hubUrl, 'kwame@example.org', 'wrong password!')).toEqual({
      ok: false,
      failure: { kind: 'bad-credentials' },
    });
    expect(await hub.signIn(`${hubUrl}/`, 'KWAME@example.org', PASSWORD)).toEqual({
      ok: true,
      value: { hubUrl, email: 'KWAME@example.org' },
    });
    const restarted = desktop();
    // The hub's own spelling of the address, once it has been asked.
    expect(await restarted.hub.account()).toEqual({ ok: true, value: { hubUrl, email: 'kwame@example.org' } });
  });

  it('says why an account request failed: taken, weak password, rate-limited, bad address, offline', async () => {
    const { hub, sent } = desktop();
    expect((await hub.register(hubUrl, 'li@example.org', PASSWORD)).ok).toBe(true);
    expect(await hub.register(hubUrl, 'LI@example.org', PASSWORD)).toEqual({
      ok: false,
      failure: { kind: 'email-taken' },
    });
    expect(await hub.register(hubUrl, 'wei@example.org', 'short')).toEqual({
      ok: false,
      failure: { kind: 'weak-password' },
    });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await hub.signIn(hubUrl, 'li@example.org', `wrong ${attempt}`)).ok).toBe(false);
    }
    expect(await hub.signIn(hubUrl, 'li@example.org', PASSWORD)).toEqual({
      ok: false,
      failure: { kind: 'rate-limited', retryAfterMs: 15 * 60_000 },
    });

    const asked = sent.length;
    for (const address of ['ftp://hub.example.org', 'http://hub.example.org', 'https://hub.example.org/sync', '']) {
      expect(await hub.signIn(address, 'li@example.org', PASSWORD)).toEqual({
        ok: false,
        failure: { kind: 'bad-address' },
      });
    }
    expect(sent).toHaveLength(asked);
    expect(await hub.signIn(await closedOrigin(), 'li@example.org', PASSWORD)).toEqual({
      ok: false,
      failure: { kind: 'offline' },
    });
  });

  it('refuses to sign in where the token could not be encrypted, before asking the hub', async () => {
    const { hub, sent } = desktop({ secure: false });
    expect(await hub.register(hubUrl, 'sofia@example.org', PASSWORD)).toEqual({
      ok: false,
      failure: { kind: 'no-secure-storage' },
    });
    expect(sent).toEqual([]);
    expect((await database.db.query('select id from users')).length).toBe(0);
  });

  it('syncs through the main process with the stored token', async () => {
    const { hub } = desktop();
    await hub.register(hubUrl, 'omar@example.org', PASSWORD);
    const request: SyncRequest = {
      protocol: 1,
      deviceId: 'laptop-3f9c2a71',
      cursor: 0,
      changes: [
        {
          seq: 1,
          table: 'settings',
          key: 'reminderDays',
          op: 'put',
          hlc: '001765101600000-0003-laptop-3f9c2a71',
          v: 1,
          data: { value: 7 },
        },
      ],
    };
    const pushed = await hub.exchange(request);
    expect(pushed).toMatchObject({ ok: true, answer: { acked: 1, rejected: [] } });
    const pulled = await hub.exchange({ ...request, deviceId: 'desktop-77ab01c2', changes: [] });
    expect(pulled).toMatchObject({ ok: true, answer: { changes: [{ table: 'settings', data: { value: 7 } }] } });
  });

  it('is signed out when the session was revoked elsewhere, and forgets the token', async () => {
    const { hub, sent, storedToken } = desktop();
    await hub.register(hubUrl, 'nadia@example.org', PASSWORD);
    const other = await fetch(new URL('/v1/sessions', hubUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nadia@example.org', password: PASSWORD }),
    });
    const { token: otherToken } = (await other.json()) as { token: string };
    // "Sign out everywhere" from another device.
    await fetch(new URL('/v1/sessions', hubUrl), {
      method: 'DELETE',
      headers: { authorization: `Bearer ${otherToken}` },
    });

    const request: SyncRequest = { protocol: 1, deviceId: 'laptop-3f9c2a71', cursor: 0, changes: [] };
    expect(await hub.exchange(request)).toEqual({ ok: false, failure: { kind: 'signed-out' } });
    expect(await storedToken()).toBeNull();
    const asked = sent.length;
    expect(await hub.account()).toEqual({ ok: true, value: null });
    expect(await hub.exchange(request)).toEqual({ ok: false, failure: { kind: 'signed-out' } });
    expect(sent).toHaveLength(asked);
  });

  it('is signed out when the session has expired, by the hub or by its own date', async () => {
    const request: SyncRequest = { protocol: 1, deviceId: 'laptop-3f9c2a71', cursor: 0, changes: [] };
    const first = desktop();
    await first.hub.register(hubUrl, 'ines@example.org', PASSWORD);
    hubShiftMs = 31 * DAY_MS;
    expect(await first.hub.exchange(request)).toEqual({ ok: false, failure: { kind: 'signed-out' } });

    hubShiftMs = 0;
    await first.hub.signIn(hubUrl, 'ines@example.org', PASSWORD);
    const later = desktop({ now: () => Date.now() + 31 * DAY_MS });
    expect(await later.hub.account()).toEqual({ ok: true, value: null });
    expect(await later.hub.exchange(request)).toEqual({ ok: false, failure: { kind: 'signed-out' } });
    expect(later.sent).toEqual([]);
  });

  it('gives the renderer results over IPC, never the token', async () => {
    const { hub, storedToken } = desktop();
    type Registered = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;
    const registered = new Map<string, Registered>();
    registerIpcHandlers({ handle: (channel: string, fn: Registered) => registered.set(channel, fn) } as never, {
      ...createHubIpcHandlers(hub),
    });
    const crossed: unknown[] = [];
    // What the preload does, with IPC's structured clone in both directions.
    const invoke = async (channel: string, ...args: unknown[]) => {
      const event = { senderFrame: { url: 'app://gapbridge/index.html', parent: null }, sender: {} };
      const result = structuredClone(
        await registered.get(channel)!(event as unknown as IpcMainInvokeEvent, ...structuredClone(args)),
      );
      crossed.push(result);
      return result as never;
    };
    const client = createElectronHubClient({
      account: () => invoke(IPC.hubAccount),
      register: (...args) => invoke(IPC.hubRegister, ...args),
      signIn: (...args) => invoke(IPC.hubSignIn, ...args),
      signOut: () => invoke(IPC.hubSignOut),
      exchange: (request) => invoke(IPC.hubExchange, request),
      request: (request) => invoke(IPC.hubRequest, request),
    });

    await expect(client.register(hubUrl, 'zara@example.org', 'short')).rejects.toEqual(
      new HubAccountError({ kind: 'weak-password' }),
    );
    expect(await client.register(hubUrl, 'zara@example.org', PASSWORD)).toEqual({ hubUrl, email: 'zara@example.org' });
    expect(await client.account()).toEqual({ hubUrl, email: 'zara@example.org' });
    const answer = await client.transport.exchange({
      protocol: 1,
      deviceId: 'laptop-3f9c2a71',
      cursor: 0,
      changes: [],
    });
    expect(answer).toMatchObject({ acked: 0, more: false });

    // Another route, signed in with the token the main process adds: the certificate route answers
    // 422 (no attempts) rather than 401, and nothing of the token crosses back.
    const certificate = await client.request({ method: 'POST', path: '/v1/certificates', json: { name: 'Zara' } });
    expect(certificate.status).not.toBe(401);
    const keys = await client.request({ method: 'GET', path: '/v1/certificate-keys' });
    expect(keys.status).toBe(200);
    expect(keys.headers['content-type']).toContain('application/json');
    expect(JSON.parse(new TextDecoder().decode(keys.body))).toHaveProperty('keys');

    const token = await storedToken();
    expect(token).not.toBeNull();
    expect(JSON.stringify(crossed)).not.toContain(token!);
    await client.signOut();
    expect(await client.account()).toBeNull();
  });

  it('remembers the account when the hub cannot be reached', async () => {
    const { hub } = desktop();
    await hub.register(hubUrl, 'amara@example.org', PASSWORD);
    await server.close();
    try {
      expect(await hub.account()).toEqual({ ok: true, value: { hubUrl, email: 'amara@example.org' } });
      const request: SyncRequest = { protocol: 1, deviceId: 'laptop-3f9c2a71', cursor: 0, changes: [] };
      expect(await hub.exchange(request)).toEqual({ ok: false, failure: { kind: 'offline' } });
      expect(await hub.request({ method: 'GET', path: '/v1/certificate-keys' })).toEqual({
        ok: false,
        failure: { kind: 'offline' },
      });
    } finally {
      server = buildHub({ db: database.db, clock: () => new Date(Date.now() + hubShiftMs) });
      await server.listen({ host: '127.0.0.1', port: Number(new URL(hubUrl).port) });
    }
  });
});

describe('the origin guard', () => {
  it('sends requests to the configured hub only, and none at all before one is configured', async () => {
    const send = vi.fn<HubFetch>(async () => new Response('{}'));
    const guard = createHubOriginGuard(send);
    await expect(guard.fetch('https://hub.example.org/v1/me')).rejects.toBeInstanceOf(HubOriginRefused);
    guard.allow('https://hub.example.org');
    await guard.fetch(new URL('https://hub.example.org/v1/me'));
    for (const elsewhere of [
      'https://attacker.example/v1/me',
      'http://hub.example.org/v1/me',
      'https://hub.example.org:8443/v1/me',
      'https://user:pw@hub.example.org/v1/me',
      'https://hub.example.org.attacker.example/',
      'not a url',
    ]) {
      await expect(guard.fetch(elsewhere)).rejects.toBeInstanceOf(HubOriginRefused);
    }
    expect(send.mock.calls).toEqual([['https://hub.example.org/v1/me', { redirect: 'manual' }]]);
  });

  it('never follows a hub that redirects elsewhere: the other origin gets no request', async () => {
    const elsewhere = await recordingServer(() => ({ status: 200, body: '{"token":"x","expiresAt":"y"}' }));
    const redirecting = await recordingServer(() => ({
      status: 307,
      headers: { location: `${elsewhere.origin}/v1/sessions` },
    }));
    const folder = await mkdtemp(path.join(tmpdir(), 'gapbridge-hub-'));
    try {
      const hub: HubBridge = createDesktopHub({
        file: createHubSettingsFile(path.join(folder, 'hub.json'), reversibleBox()),
        guard: createHubOriginGuard((input, init) => fetch(input, init)),
      });
      expect(await hub.signIn(redirecting.origin, 'amina@example.org', PASSWORD)).toEqual({
        ok: false,
        failure: { kind: 'bad-address' },
      });
      expect(redirecting.paths).toEqual(['/v1/sessions']);
      expect(elsewhere.paths).toEqual([]);
    } finally {
      await Promise.all([elsewhere.close(), redirecting.close(), rm(folder, { recursive: true, force: true })]);
    }
  });
});
