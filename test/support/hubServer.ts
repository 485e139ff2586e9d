import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildHub } from '../../server/src/app';
import { loadAnswerKey } from '../../server/src/certificates/answerKey';
import type { Database } from '../../server/src/db/database';
import { migrate } from '../../server/src/db/migrations';
import { openPgliteDatabase } from '../../server/src/db/pgliteDatabase';
import { DIST } from './rendererServer';

export interface RunningHub {
  /** The hub's origin, which also serves the built web app (as `npm run hub` does). */
  origin: string;
  app: FastifyInstance;
  db: Database;
  close(): Promise<void>;
}

/**
 * A real hub on loopback, on a fresh embedded PGlite, serving dist/ (or `webRoot`) from its own
 * origin, and the signed packs published in `packsDir` if given. With `gradesCertificates`, it
 * grades and signs certificates against the built course packs, as `npm run hub` does.
 */
export async function startHub(
  options: { webRoot?: string; packsDir?: string; gradesCertificates?: boolean } = {},
): Promise<RunningHub> {
  const db = await openPgliteDatabase();
  await migrate(db);
  const answerKey = options.gradesCertificates ? loadAnswerKey(path.join(DIST, 'packs')) : null;
  const app = buildHub({
    db,
    webRoot: options.webRoot ?? DIST,
    answerKey,
    ...(options.packsDir ? { packsDir: options.packsDir } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    app,
    db,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
