import type { Database } from '../db/database';
import { emailKey } from './emailKey';
import { hashPassword, UNUSABLE_PASSWORD_HASH, verifyPassword } from './passwords';
import { hashSecret, newId, newResetCode, newSecret } from './tokens';

export const SESSION_DAYS = 30;
const RESET_CODE_MINUTES = 60;
/** Failed sign-ins allowed per address and per network address in the window before a pause. */
export const SIGN_IN_LIMIT = { failures: 5, windowMinutes: 15 } as const;

export type Clock = () => Date;

export interface Session {
  token: string;
  userId: string;
  expiresAt: Date;
}

export type AccountError = 'email-taken' | 'bad-credentials' | 'rate-limited' | 'bad-code';

export class AccountFailure extends Error {
  constructor(
    readonly code: AccountError,
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
  }
}

/** Accounts and sessions: everything the hub knows about who is signing in. */
export function createAccounts(db: Database, now: Clock = () => new Date()) {
  async function openSession(userId: string, client: string): Promise<Session> {
    const token = newSecret();
    const expiresAt = new Date(now().getTime() + SESSION_DAYS * 86_400_000);
    await db.query(
      'insert into sessions (id, token_hash, user_id, client, created_at, expires_at) values ($1, $2, $3, $4, $5, $6)',
      [newId(), hashSecret(token), userId, client, now(), expiresAt],
    );
    return { token, userId, expiresAt };
  }

  async function recentFailures(keys: string[]): Promise<number> {
    const since = new Date(now().getTime() - SIGN_IN_LIMIT.windowMinutes * 60_000);
    const rows = await db.query<{ n: number }>(
      'select count(*)::int as n from sign_in_failures where attempt_key = any($1) and failed_at > $2 group by attempt_key order by n desc limit 1',
      [keys, since],
    );
    return rows[0]?.n ?? 0;
  }

  return {
    async register(email: string, password: string, client: string): Promise<Session> {
      const id = newId();
      const hash = await hashPassword(password);
      const inserted = await db.query(
        'insert into users (id, email, email_key, password_hash, created_at) values ($1, $2, $3, $4, $5) on conflict (email_key) do nothing returning id',
        [id, email.trim(), emailKey(email), hash, now()],
      );
      if (inserted.length === 0) throw new AccountFailure('email-taken');
      return openSession(id, client);
    },

    async signIn(email: string, password: string, client: string, networkAddress: string): Promise<Session> {
      const keys = [`email:${emailKey(email)}`, `ip:${networkAddress}`];
      if ((await recentFailures(keys)) >= SIGN_IN_LIMIT.failures) {
        throw new AccountFailure('rate-limited', SIGN_IN_LIMIT.windowMinutes * 60);
      }
      const [user] = await db.query<{ id: string; password_hash: string }>(
        'select id, password_hash from users where email_key = $1',
        [emailKey(email)],
      );
      const matches = await verifyPassword(password, user?.password_hash ?? UNUSABLE_PASSWORD_HASH);
      if (!user || !matches) {
        for (const key of keys) {
          await db.query('insert into sign_in_failures (attempt_key, failed_at) values ($1, $2)', [key, now()]);
        }
        throw new AccountFailure('bad-credentials');
      }
      return openSession(user.id, client);
    },

    /** The signed-in user of a token, or null when it is unknown, expired or revoked. */
    async authenticate(token: string): Promise<{ userId: string; sessionId: string } | null> {
      const [row] = await db.query<{ id: string; user_id: string }>(
        'select id, user_id from sessions where token_hash = $1 and revoked_at is null and expires_at > $2',
        [hashSecret(token), now()],
      );
      return row ? { userId: row.user_id, sessionId: row.id } : null;
    },

    async revokeSession(sessionId: string): Promise<void> {
      await db.query('update sessions set revoked_at = $2 where id = $1 and revoked_at is null', [sessionId, now()]);
    },

    async revokeAllSessions(userId: string): Promise<void> {
      await db.query('update sessions set revoked_at = $2 where user_id = $1 and revoked_at is null', [userId, now()]);
    },

    async profile(userId: string): Promise<{ email: string; createdAt: string } | null> {
      const [row] = await db.query<{ email: string; created_at: Date }>(
        'select email, created_at from users where id = $1',
        [userId],
      );
      return row ? { email: row.email, createdAt: new Date(row.created_at).toISOString() } : null;
    },

    /** For the operator's command: a one-time code that lets the holder set a new password. */
    async issueResetCode(email: string): Promise<string | null> {
      const [user] = await db.query<{ id: string }>('select id from users where email_key = $1', [emailKey(email)]);
      if (!user) return null;
      const code = newResetCode();
      const expiresAt = new Date(now().getTime() + RESET_CODE_MINUTES * 60_000);
      await db.query(
        `insert into password_resets (user_id, code_hash, expires_at) values ($1, $2, $3)
         on conflict (user_id) do update set code_hash = excluded.code_hash, expires_at = excluded.expires_at`,
        [user.id, hashSecret(code.toUpperCase()), expiresAt],
      );
      return code;
    },

    async resetPassword(email: string, code: string, newPassword: string, networkAddress: string): Promise<void> {
      const keys = [`reset:${emailKey(email)}`, `ip:${networkAddress}`];
      if ((await recentFailures(keys)) >= SIGN_IN_LIMIT.failures) {
        throw new AccountFailure('rate-limited', SIGN_IN_LIMIT.windowMinutes * 60);
      }
      const hash = await hashPassword(newPassword);
      const changed = await db.transaction(async (tx) => {
        const used = await tx.query<{ user_id: string }>(
          `delete from password_resets r using users u
           where r.user_id = u.id and u.email_key = $1 and r.code_hash = $2 and r.expires_at > $3
           returning r.user_id`,
          [emailKey(email), hashSecret(code.trim().toUpperCase()), now()],
        );
        const userId = used[0]?.user_id;
        if (!userId) return false;
        await tx.query('update users set password_hash = $2 where id = $1', [userId, hash]);
        await tx.query('update sessions set revoked_at = $2 where user_id = $1 and revoked_at is null', [
          userId,
          now(),
        ]);
        return true;
      });
      if (!changed) {
        for (const key of keys) {
          await db.query('insert into sign_in_failures (attempt_key, failed_at) values ($1, $2)', [key, now()]);
        }
        throw new AccountFailure('bad-code');
      }
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
