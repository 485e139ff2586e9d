import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../src/db/database';
import { migrate } from '../src/db/migrations';
import { openPgliteDatabase } from '../src/db/pgliteDatabase';
import { openPostgresDatabase } from '../src/db/postgresDatabase';

/**
 * The hub suite runs on embedded PGlite always, and on PostgreSQL when HUB_TEST_DATABASE_URL
 * names a server (CI starts one and sets it; there, its absence is an error, not a skip).
 */
const POSTGRES_URL = process.env['HUB_TEST_DATABASE_URL'];
if (process.env['CI'] && !POSTGRES_URL)
  throw new Error('CI must run the hub suite on PostgreSQL: set HUB_TEST_DATABASE_URL');

export type Backend = 'pglite' | 'postgres';
export const BACKENDS: Backend[] = POSTGRES_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  db: Database;
  /** Another connection to the same database, as a second hub process would have. */
  openAnother(): Promise<Database>;
  drop(): Promise<void>;
}

export interface FreshDatabaseOptions {
  /**
   * PostgreSQL only: the database's default collation from ICU (e.g. 'en-US'), as a hub operator's
   * cluster may have, instead of the "C" that test clusters default to.
   */
  icuLocale?: string;
}

/** A new, migrated, empty database of the given kind. */
export async function freshDatabase(backend: Backend, { icuLocale }: FreshDatabaseOptions = {}): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const db = await openPgliteDatabase();
    await migrate(db);
    // One PGlite is one process: a "second process" shares it.
    return { db, openAnother: async () => ({ ...db, close: async () => undefined }), drop: () => db.close() };
  }
  const name = `gb_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(
    icuLocale
      ? `create database ${name} locale_provider icu icu_locale '${icuLocale.replace(/[^A-Za-z-]/g, '')}' template template0`
      : `create database ${name}`,
  );
  await admin.end();
  const url = new URL(POSTGRES_URL!);
  url.pathname = `/${name}`;
  const others: Database[] = [];
  const db = await openPostgresDatabase(url.href);
  await migrate(db);
  return {
    db,
    async openAnother() {
      const another = await openPostgresDatabase(url.href);
      others.push(another);
      return another;
    },
    async drop() {
      await Promise.all([db, ...others].map((each) => each.close()));
      const dropper = new pg.Client({ connectionString: POSTGRES_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** Empties every table, so that one database serves a whole test file (PGlite takes seconds to start). */
export async function emptyDatabase(db: Database): Promise<void> {
  await db.query(
    'truncate users, sessions, password_resets, sign_in_failures, devices, records, rejections, certificates, certificate_keys, shared_drafts, draft_shares cascade',
  );
}
