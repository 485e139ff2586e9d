import type { AddressInfo } from 'node:net';
import { buildHub } from '../../../server/src/app';
import { migrate } from '../../../server/src/db/migrations';
import { openPgliteDatabase } from '../../../server/src/db/pgliteDatabase';
import { openPostgresDatabase } from '../../../server/src/db/postgresDatabase';

/**
 * A hub in its own process for the load benchmark, so that the load generator does not share its
 * event loop: PostgreSQL at DATABASE_URL, else PGlite in memory. Prints its port, then serves
 * until killed.
 */
const url = process.env['DATABASE_URL'];
const db = url ? await openPostgresDatabase(url) : await openPgliteDatabase();
await migrate(db);
const hub = buildHub({ db });
await hub.listen({ host: '127.0.0.1', port: 0 });
console.log(JSON.stringify({ port: (hub.server.address() as AddressInfo).port }));
process.once('SIGTERM', () => {
  void hub
    .close()
    .then(() => db.close())
    .then(() => process.exit(0));
});
