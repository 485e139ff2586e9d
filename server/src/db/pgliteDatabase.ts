import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';

/** Embedded PostgreSQL (WebAssembly) in this process; `dataDir` undefined keeps it in memory. */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  // BIGINT (sequence numbers) as plain numbers, as the pg driver is set up to return them.
  const parsers = { 20: (value: string) => Number(value) };
  const pg = new PGlite(dataDir ? { dataDir, parsers } : { parsers });
  await pg.waitReady;
  const query = async <Row>(sql: string, params: unknown[] = []) => (await pg.query<Row>(sql, params)).rows;
  return {
    kind: 'pglite',
    query,
    transaction: (work) =>
      pg.transaction((tx) => {
        const scoped: Queryable = { query: async (sql, params = []) => (await tx.query(sql, params)).rows as never };
        return work(scoped);
      }),
    close: () => pg.close(),
  };
}
