import path from 'node:path';
import type { Database } from './database';
import { migrate } from './migrations';
import { openPgliteDatabase } from './pgliteDatabase';
import { openPostgresDatabase } from './postgresDatabase';

/**
 * PostgreSQL when DATABASE_URL is set (several hub processes may share it); otherwise embedded
 * PGlite in HUB_DATA_DIR (default ./hub-data), which only one hub process may open at a time.
 */
export async function openHubDatabase(
  env: Record<string, string | undefined>,
  root: string,
): Promise<{ db: Database; where: string }> {
  const url = env['DATABASE_URL'];
  const db = url
    ? await openPostgresDatabase(url)
    : await openPgliteDatabase(path.resolve(root, env['HUB_DATA_DIR'] ?? 'hub-data'));
  await migrate(db);
  const where = url
    ? `PostgreSQL (${new URL(url).host}${new URL(url).pathname})`
    : `PGlite in ${path.resolve(root, env['HUB_DATA_DIR'] ?? 'hub-data')}`;
  return { db, where };
}
