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
});
