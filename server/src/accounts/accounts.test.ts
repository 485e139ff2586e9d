import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHub } from '../app';
import { BACKENDS, emptyDatabase, freshDatabase, type TestDatabase } from '../../test/databases';
import { createAccounts, SESSION_DAYS, SIGN_IN_LIMIT } from './accounts';

describe.each(BACKENDS)('accounts on %s', (backend) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let now: Date;

  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(() => database.drop());

  beforeEach(async () => {
    await emptyDatabase(database.db);
    now = new Date('2026-12-07T10:00:00Z');
    app = buildHub({ db: database.db, clock: () => now });
  });
  afterEach(async () => {
    await app.close();
  });

  const register = (email: string, password = 'a long passphrase', client?: string) =>
    app.inject({ method: 'POST', url: '/v1/accounts', payload: { email, password, ...(client ? { client } : {}) } });
  const signIn = (email: string, password: string, client?: string) =>
    app.inject({ method: 'POST', url: '/v1/sessions', payload: { email, password, ...(client ? { client } : {}) } });
  const me = (token: string) =>
    app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } });

  it('registers, signs in and knows who is signed in; stores only a scrypt hash', async () => {
    expect((await register('Amina@Example.org')).statusCode).toBe(201);
    expect((await register('AMINA@example.org')).statusCode).toBe(409);
    const answer = await signIn('AMINA@example.org', 'a long passphrase');
    expect(answer.statusCode).toBe(200);
    const { token } = answer.json<{ token: string }>();
    expect((await me(token)).json()).toMatchObject({ email: 'Amina@Example.org' });
    const [row] = await database.db.query<{ password_hash: string }>('select password_hash from users');
    expect(row!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row!.password_hash).not.toContain('passphrase');
  });

  it('refuses a short password, a wrong password and an unknown address alike', async () => {
    expect((await register('a@example.org', 'short')).statusCode).toBe(400);
    await register('a@example.org');
    expect((await signIn('a@example.org', 'wrong passphrase')).json()).toEqual({ error: 'bad-credentials' });
    expect((await signIn('nobody@example.org', 'a long passphrase')).json()).toEqual({ error: 'bad-credentials' });
  });

  it('rate-limits sign-in per address, with Retry-After, then lets it through after the window', async () => {
    await register('a@example.org');
    for (let i = 0; i < SIGN_IN_LIMIT.failures; i += 1) {
      expect((await signIn('a@example.org', `guess ${i}`)).statusCode).toBe(401);
    }
    const limited = await signIn('a@example.org', 'a long passphrase');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    now = new Date(now.getTime() + (SIGN_IN_LIMIT.windowMinutes + 1) * 60_000);
    expect((await signIn('a@example.org', 'a long passphrase')).statusCode).toBe(200);
  });

  it('refuses an expired session and a revoked one', async () => {
    const { token } = (await register('a@example.org')).json<{ token: string }>();
    expect((await me(token)).statusCode).toBe(200);
    now = new Date(now.getTime() + (SESSION_DAYS + 1) * 86_400_000);
    expect((await me(token)).statusCode).toBe(401);

    const second = (await signIn('a@example.org', 'a long passphrase')).json<{ token: string }>().token;
    const signOut = await app.inject({
      method: 'DELETE',
      url: '/v1/sessions/current',
      headers: { authorization: `Bearer ${second}` },
    });
    expect(signOut.statusCode).toBe(204);
    expect((await me(second)).statusCode).toBe(401);
  });

  it('gives a browser an HttpOnly, Secure, SameSite=Strict cookie and no token it could read', async () => {
    const answer = await register('b@example.org', 'a long passphrase', 'browser');
    expect(answer.json()).not.toHaveProperty('token');
    const cookie = String(answer.headers['set-cookie']);
    expect(cookie).toMatch(/^gb_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Strict');
    const session = cookie.split(';')[0]!;
    expect((await app.inject({ method: 'GET', url: '/v1/me', headers: { cookie: session } })).statusCode).toBe(200);
  });

  it('resets a password with the one-time code from the operator command, and signs out everywhere', async () => {
    const { token } = (await register('c@example.org')).json<{ token: string }>();
    const code = await createAccounts(database.db, () => now).issueResetCode('C@example.org');
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const reset = (value: string) =>
      app.inject({
        method: 'POST',
        url: '/v1/password-resets',
        payload: { email: 'c@example.org', code: value, password: 'a brand new passphrase' },
      });
    expect((await reset('AAAA-BBBB-CCCC')).statusCode).toBe(400);
    expect((await reset(code!.toLowerCase())).statusCode).toBe(204);
    expect((await reset(code!)).statusCode).toBe(400); // used once
    expect((await me(token)).statusCode).toBe(401);
    expect((await signIn('c@example.org', 'a brand new passphrase')).statusCode).toBe(200);
    expect(await createAccounts(database.db).issueResetCode('nobody@example.org')).toBeNull();
  });

  it('validates every account route body', async () => {
    for (const payload of [
      {},
      { email: 'x', password: 'a long passphrase' },
      { email: 'a@b.c', password: 7 },
      { email: 'a@b.c', password: 'a long passphrase', admin: true },
    ]) {
      expect((await app.inject({ method: 'POST', url: '/v1/accounts', payload })).statusCode).toBe(400);
      expect((await app.inject({ method: 'POST', url: '/v1/sessions', payload })).statusCode).toBe(400);
    }
    expect((await database.db.query('select 1 from users')).length).toBe(0);
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const count = async (table: string) =>
    Number((await database.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);

  it("never lets account B read or change A's account, sessions or password", async () => {
    const a = (await register('a@example.org', 'a long passphrase')).json<{ token: string }>().token;
    const b = (await register('b@example.org', 'b long passphrase')).json<{ token: string }>().token;

    expect((await me(b)).json()).toMatchObject({ email: 'b@example.org' });
    // Signing out here and everywhere ends B's sessions only.
    expect((await app.inject({ method: 'DELETE', url: '/v1/sessions', headers: bearer(b) })).statusCode).toBe(204);
    expect((await me(a)).statusCode).toBe(200);
    const b2 = (await signIn('b@example.org', 'b long passphrase')).json<{ token: string }>().token;
    expect((await app.inject({ method: 'DELETE', url: '/v1/sessions/current', headers: bearer(b2) })).statusCode).toBe(
      204,
    );
    expect((await me(a)).statusCode).toBe(200);

    // B's own reset code does not open A's account; B's password does not either.
    const code = await createAccounts(database.db, () => now).issueResetCode('b@example.org');
    const resetA = await app.inject({
      method: 'POST',
      url: '/v1/password-resets',
      payload: { email: 'a@example.org', code, password: 'taken over by b' },
    });
    expect(resetA.statusCode).toBe(400);
    expect((await signIn('a@example.org', 'b long passphrase')).statusCode).toBe(401);
    // Registering A's address again, in other letters, changes nothing.
    expect((await register('A@EXAMPLE.ORG', 'taken over by b')).statusCode).toBe(409);
    expect((await signIn('a@example.org', 'taken over by b')).statusCode).toBe(401);
    expect((await signIn('a@example.org', 'a long passphrase')).statusCode).toBe(200);
    expect((await me(a)).statusCode).toBe(200);
  });

  it('refuses malformed, oversized, wrongly typed and gzip-bomb bodies on every account route, storing nothing', async () => {
    const routes = ['/v1/accounts', '/v1/sessions', '/v1/password-resets'];
    const cases: [string, string | Buffer, Record<string, string>][] = [
      ['malformed JSON', '{"email": "a@example.org", "password": ', {}],
      ['JSON that is not an object', '["a@example.org", "a long passphrase"]', {}],
      ['wrong types', JSON.stringify({ email: ['a@example.org'], password: 12345678901, code: 7 }), {}],
      ['oversized', JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(1_100_000) }), {}],
      ['a gzip bomb', gzipSync(Buffer.alloc(20 * 1024 * 1024, 32)), { 'content-encoding': 'gzip' }],
      ['an unknown encoding', '{}', { 'content-encoding': 'compress' }],
      [
        'not JSON',
        'email=a@example.org&password=a+long+passphrase',
        { 'content-type': 'application/x-www-form-urlencoded' },
      ],
    ];
    for (const url of routes) {
      for (const [name, payload, headers] of cases) {
        const answer = await app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json', ...headers },
          payload,
        });
        expect([url, name, answer.statusCode >= 400 && answer.statusCode < 500]).toEqual([url, name, true]);
      }
    }
    for (const table of ['users', 'sessions', 'sign_in_failures', 'password_resets'])
      expect([table, await count(table)]).toEqual([table, 0]);
  });

  it('refuses an expired, a revoked and a signed-out-everywhere session on every signed-in route', async () => {
    const routes = [
      { method: 'GET', url: '/v1/me' },
      { method: 'POST', url: '/v1/sync', payload: { protocol: 1, deviceId: 'laptop-expired', cursor: 0, changes: [] } },
      { method: 'DELETE', url: '/v1/sessions/current' },
      { method: 'DELETE', url: '/v1/sessions' },
    ] as const;
    const refusedEverywhere = async (token: string) => {
      for (const route of routes) {
        const answer = await app.inject({ ...route, headers: bearer(token) });
        expect([route.url, answer.statusCode]).toEqual([route.url, 401]);
      }
    };
    const first = (await register('a@example.org')).json<{ token: string }>().token;
    const second = (await signIn('a@example.org', 'a long passphrase')).json<{ token: string }>().token;
    const third = (await signIn('a@example.org', 'a long passphrase')).json<{ token: string }>().token;
    await app.inject({ method: 'DELETE', url: '/v1/sessions/current', headers: bearer(first) });
    await refusedEverywhere(first);
    // Signing out everywhere from one session ends the others too.
    await app.inject({ method: 'DELETE', url: '/v1/sessions', headers: bearer(second) });
    await refusedEverywhere(third);

    const late = (await signIn('a@example.org', 'a long passphrase')).json<{ token: string }>().token;
    now = new Date(now.getTime() + SESSION_DAYS * 86_400_000 + 1000);
    await refusedEverywhere(late);
    expect(await count('devices')).toBe(0);
  });

  it('rate-limits sign-in per network address across addresses, whatever X-Forwarded-For says', async () => {
    await register('a@example.org');
    const from = (remoteAddress: string, email: string, password: string, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: '/v1/sessions', remoteAddress, headers, payload: { email, password } });
    for (let i = 0; i < SIGN_IN_LIMIT.failures; i += 1) {
      expect((await from('198.51.100.7', `guess${i}@example.org`, 'a long passphrase')).statusCode).toBe(401);
    }
    expect((await from('198.51.100.7', 'a@example.org', 'a long passphrase')).statusCode).toBe(429);
    // The hub does not trust forwarding headers (no proxy in front of it by default).
    const spoofed = await from('198.51.100.7', 'a@example.org', 'a long passphrase', {
      'x-forwarded-for': '203.0.113.99',
    });
    expect(spoofed.statusCode).toBe(429);
    // Another network, with the right password, is let in: the limit is not global.
    expect((await from('192.0.2.44', 'a@example.org', 'a long passphrase')).statusCode).toBe(200);
  });

  it('rate-limits guessing a reset code: after five wrong codes even the right one waits', async () => {
    await register('c@example.org');
    const hashBefore = await database.db.query('select password_hash from users');
    const code = await createAccounts(database.db, () => now).issueResetCode('c@example.org');
    const reset = (value: string) =>
      app.inject({
        method: 'POST',
        url: '/v1/password-resets',
        payload: { email: 'c@example.org', code: value, password: 'a brand new passphrase' },
      });
    for (let i = 0; i < SIGN_IN_LIMIT.failures; i += 1) expect((await reset(`AAAA-BBBB-CCC${i}`)).statusCode).toBe(400);
    const limited = await reset(code!);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await database.db.query('select password_hash from users')).toEqual(hashBefore);
  });
});
