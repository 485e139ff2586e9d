import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../test/databases';

// PostgreSQL only: PGlite runs in the hub's own process and has no connections to lose.
describe.runIf(BACKENDS.includes('postgres'))('the PostgreSQL pool', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase('postgres');
  });
  afterAll(() => database.drop());

  it('survives the server ending its idle connections, and answers the next query', async () => {
    // Several idle connections in the pool.
    await Promise.all(Array.from({ length: 4 }, () => database.db.query('select pg_sleep(0.05)')));
    const admin = await database.openAnother();
    const [{ ended }] = (await admin.query(
      `select count(pg_terminate_backend(pid))::int as ended from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and state = 'idle'`,
    )) as [{ ended: number }];
    expect(ended).toBeGreaterThan(0);
    // The pool notices the ended connections; the hub process must not crash on that.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await database.db.query('select 1 as one')).toEqual([{ one: 1 }]);
  });
});
