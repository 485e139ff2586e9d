import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHub } from '../app';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../test/databases';
import { hlc, postSync, signUp } from '../../test/hubClient';
import type { PushedChange } from './protocol';

/**
 * Two hub processes on one database serve the same account at once: writers push through both
 * while a reader pulls through both. A cursor must never step over a change that commits later.
 * On PostgreSQL the two hubs hold separate connection pools, as two processes would.
 */
describe.each(BACKENDS)('two hubs on one %s database', (backend) => {
  let database: TestDatabase;
  let hubs: FastifyInstance[];

  beforeAll(async () => {
    database = await freshDatabase(backend);
    hubs = [buildHub({ db: database.db }), buildHub({ db: await database.openAnother() })];
  });
  afterAll(async () => {
    await Promise.all(hubs.map((hub) => hub.close()));
    await database.drop();
  });

  it('lets a reader see every change, however the writes interleave', async () => {
    const token = await signUp(hubs[0]!, 'amina@example.org');
    const writers = 6;
    const batches = 15;
    const perBatch = 4;
    let writing = true;

    const write = async (writer: number) => {
      const deviceId = `writer-device-${writer}`;
      for (let batch = 0; batch < batches; batch += 1) {
        const changes: PushedChange[] = Array.from({ length: perBatch }, (_, index) => {
          const seq = batch * perBatch + index + 1;
          return {
            seq,
            table: 'settings',
            key: `w${writer}-${seq}`,
            op: 'put',
            hlc: hlc(deviceId),
            v: 1,
            data: { value: seq },
          };
        });
        await postSync(hubs[(writer + batch) % 2]!, token, { deviceId, cursor: 0, changes });
      }
    };

    const seen = new Set<string>();
    let cursor = 0;
    let reads = 0;
    const read = async () => {
      for (;;) {
        const finalPass = !writing;
        const answer = await postSync(hubs[reads++ % 2]!, token, { deviceId: 'reader-device', cursor, changes: [] });
        answer.changes.forEach((change) => seen.add(change.key));
        cursor = answer.cursor;
        if (finalPass && !answer.more) return;
      }
    };

    const reader = read();
    await Promise.all(Array.from({ length: writers }, (_, writer) => write(writer)));
    writing = false;
    await reader;

    expect(seen.size).toBe(writers * batches * perBatch);
    expect(reads).toBeGreaterThan(2);
  });
});
