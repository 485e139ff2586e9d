import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_RULES } from '../../../renderer/sync/mergeRules';
import { runSyncCycle } from '../../../renderer/sync/syncCycle';
import { createHubTransport, SyncTransportError, type SyncFailure } from '../../../renderer/sync/transport';
import type { SyncTableName } from '../../../renderer/sync/wire';
import { buildHub } from '../app';
import { BACKENDS, emptyDatabase, freshDatabase, type TestDatabase } from '../../test/databases';
import { signUp } from '../../test/hubClient';
import { MemoryStore } from '../../test/memoryStore';

type Fault = 'none' | 'offline' | 'lost-answer' | 'corrupt-answer' | 'stall';

/** A fetch that fails the way poor links and captive portals do. */
function faultyFetch(fault: () => Fault): typeof fetch {
  return async (input, init) => {
    const now = fault();
    if (now === 'offline') throw new TypeError('fetch failed');
    const response = await fetch(input, init);
    if (now === 'lost-answer') {
      await response.arrayBuffer();
      throw new TypeError('network connection was lost');
    }
    if (now === 'corrupt-answer') {
      await response.arrayBuffer();
      return new Response('<html><body>Please sign in to the hotel Wi-Fi</body></html>', { status: 200 });
    }
    if (now === 'stall') {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"protocol":1,'));
        },
        cancel() {},
      });
      return new Response(body, { status: 200 });
    }
    return response;
  };
}

async function failureOf(run: Promise<unknown>): Promise<SyncFailure | 'ok'> {
  try {
    await run;
    return 'ok';
  } catch (error) {
    if (error instanceof SyncTransportError) return error.failure;
    throw error;
  }
}

/**
 * The device's sync engine (renderer/sync: clock, transport, cycle) against a real hub over real
 * HTTP. The store here (server/test/memoryStore.ts) keeps records in memory with the same merge
 * rules; the IndexedDB store is tested on its own.
 */
describe.each(BACKENDS)('the device sync engine against a hub on %s', (backend) => {
  let database: TestDatabase;
  let hub: FastifyInstance;
  let hubUrl: string;
  let token: string;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    await emptyDatabase(database.db);
    hub = buildHub({ db: database.db });
    await hub.listen({ host: '127.0.0.1', port: 0 });
    hubUrl = `http://127.0.0.1:${(hub.server.address() as AddressInfo).port}`;
    token = await signUp(hub, 'kwame@example.org');
  });
  afterAll(async () => {
    await hub.close();
    await database.drop();
  });

  it('says what went wrong: signed out, busy with Retry-After, a corrupt or stalled answer', async () => {
    const device = new MemoryStore('laptop-errors', Date.now);
    device.write('settings', 'reminderDays', 'put', { value: 7 });

    const signedOut = createHubTransport({ hubUrl, token: () => 'not-a-session' });
    expect(await failureOf(runSyncCycle(device, signedOut))).toEqual({ kind: 'signed-out' });

    const busy = createHubTransport({
      hubUrl,
      fetch: async () => new Response('slow down', { status: 429, headers: { 'retry-after': '90' } }),
    });
    expect(await failureOf(runSyncCycle(device, busy))).toEqual({ kind: 'busy', retryAfterMs: 90_000 });

    const portal = createHubTransport({ hubUrl, token: () => token, fetch: faultyFetch(() => 'corrupt-answer') });
    expect(await failureOf(runSyncCycle(device, portal))).toEqual({ kind: 'corrupt-answer' });

    const stalled = createHubTransport({ hubUrl, token: () => token, fetch: faultyFetch(() => 'stall'), stallMs: 300 });
    expect(await failureOf(runSyncCycle(device, stalled))).toEqual({ kind: 'stalled' });

    // None of it changed what the device holds: the change still waits, the cursor has not moved.
    expect(device.outbox).toHaveLength(1);
    expect(await device.cursor()).toBe(0);
    // The corrupt and stalled requests did reach the hub; repeating them applies nothing twice.
    const clean = createHubTransport({ hubUrl, token: () => token });
    const report = await runSyncCycle(device, clean);
    expect(report.rejected).toEqual([]);
    expect(device.outbox).toEqual([]);
  });

  it('converges devices whose clocks are hours apart over a link that drops, cuts and lies', async () => {
    const seed = Number(process.env['FC_SEED'] ?? Date.now() % 2 ** 31);
    console.log(`device engine property on ${backend}: FC_SEED=${seed}`);
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('write' as const),
        device: fc.nat(2),
        table: fc.constantFrom<SyncTableName>('settings', 'follows', 'reminders'),
        key: fc.constantFrom('a', 'b', 'c'),
        remove: fc.boolean(),
        value: fc.nat(99),
      }),
      fc.record({
        kind: fc.constant('sync' as const),
        device: fc.nat(2),
        faults: fc.array(fc.constantFrom<Fault>('none', 'offline', 'lost-answer', 'corrupt-answer'), {
          minLength: 1,
          maxLength: 4,
        }),
      }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (steps) => {
        run += 1;
        let wall = Date.parse('2026-12-01T00:00:00Z');
        const skews = [-5 * 3_600_000, 0, 3 * 3_600_000];
        const devices = skews.map((skew, index) => new MemoryStore(`dev${run}-${index}-0000`, () => wall + skew));
        const written = new Set<string>();
        for (const each of steps) {
          wall += 1000;
          const device = devices[each.device]!;
          if (each.kind === 'write') {
            const remove = each.remove && TABLE_RULES[each.table] === 'last-writer-wins';
            device.write(
              each.table,
              each.key,
              remove ? 'delete' : 'put',
              remove ? undefined : dataFor(each.table, each.value),
            );
            written.add(`${each.table}/${each.key}`);
          } else {
            const faults = [...each.faults];
            const transport = createHubTransport({
              hubUrl,
              token: () => token,
              fetch: faultyFetch(() => faults.shift() ?? 'none'),
            });
            await failureOf(runSyncCycle(device, transport));
          }
        }
        const clean = createHubTransport({ hubUrl, token: () => token });
        for (let round = 0; round < 2; round += 1) for (const device of devices) await runSyncCycle(device, clean);

        const [first, ...others] = devices;
        for (const device of devices) {
          expect(device.outbox).toEqual([]);
          expect(device.rejected).toEqual([]);
        }
        // Every record written on any device is on every device, identical (earlier runs on the
        // same account left records too, which the new devices pull as well).
        for (const id of written) expect(first!.records.has(id), id).toBe(true);
        for (const other of others) expect(other.records).toEqual(first!.records);
      }),
      { seed, numRuns: 8 },
    );
  }, 240_000);
});

function dataFor(table: SyncTableName, value: number): Record<string, unknown> {
  if (table === 'settings') return { value };
  if (table === 'follows') return { target: 'group', targetId: `SG${value}` };
  return { shownAt: `2026-11-${String((value % 28) + 1).padStart(2, '0')}T08:00:00.000Z` };
}
