import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHub } from '../app';
import { BACKENDS, emptyDatabase, freshDatabase, type TestDatabase } from '../../test/databases';
import { postSync, signUp } from '../../test/hubClient';
import { decideMerge, TABLE_RULES, type StoredVersion } from '../../../renderer/sync/mergeRules';
import type { PulledChange, PushedChange } from './protocol';
import type { SyncTableName } from './tables';

/**
 * Property: devices that write offline, lose answers, have requests cut and clocks hours apart,
 * against a hub that restarts mid-run, all end with the hub's state, and nothing written is lost.
 * The devices here are a model of the client's protocol (outbox, ack, cursor), not the app.
 * Replay a failure with FC_SEED=<seed printed below>.
 */
type Fault = 'none' | 'cut-request' | 'lost-answer';

class ModelDevice {
  outbox: PushedChange[] = [];
  state = new Map<string, StoredVersion>();
  private seq = 0;
  private counter = 0;
  cursor = 0;

  constructor(
    readonly id: string,
    private readonly skewMs: number,
  ) {}

  write(table: SyncTableName, key: string, op: 'put' | 'delete', data: Record<string, unknown> | null, at: number) {
    this.seq += 1;
    this.counter = (this.counter + 1) % 65536;
    const hlc = `${String(at + this.skewMs).padStart(15, '0')}-${this.counter.toString(16).padStart(4, '0')}-${this.id}`;
    const change: PushedChange = { seq: this.seq, table, key, op, hlc, v: 1, ...(data ? { data } : {}) };
    if (this.apply({ table, key, op, hlc, v: 1, data })) this.outbox.push(change);
  }

  /** The client applies the same rules as the hub; a change its own rules refuse is not queued. */
  apply(change: PulledChange): boolean {
    const id = `${change.table}/${change.key}`;
    const decision = decideMerge(TABLE_RULES[change.table as SyncTableName], this.state.get(id) ?? null, change);
    if (decision !== 'write') return false;
    this.state.set(id, {
      deleted: change.op === 'delete',
      hlc: change.hlc,
      data: change.op === 'delete' ? null : change.data,
    });
    return true;
  }

  async sync(hub: FastifyInstance, token: string, fault: Fault) {
    if (fault === 'cut-request') return;
    let answer;
    do {
      answer = await postSync(hub, token, {
        deviceId: this.id,
        cursor: this.cursor,
        changes: this.outbox.slice(0, 20),
      });
      if (fault === 'lost-answer') return;
      const acked = answer.acked;
      this.outbox = this.outbox.filter((change) => change.seq > acked);
      answer.changes.forEach((change) => this.apply(change));
      this.cursor = answer.cursor;
    } while (answer.more || this.outbox.length > 0);
  }
}

const step = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    device: fc.nat(2),
    table: fc.constantFrom(
      'settings',
      'follows',
      'lessonProgress',
      'reminders',
      'attempts',
    ) as fc.Arbitrary<SyncTableName>,
    key: fc.constantFrom('k1', 'k2', 'k3'),
    remove: fc.boolean(),
    day: fc.integer({ min: 1, max: 28 }),
  }),
  fc.record({
    kind: fc.constant('sync' as const),
    device: fc.nat(2),
    fault: fc.constantFrom<Fault>('none', 'none', 'cut-request', 'lost-answer'),
  }),
  fc.record({ kind: fc.constant('restart' as const) }),
);

function dataFor(table: SyncTableName, key: string, day: number, device: string): Record<string, unknown> {
  const at = `2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z`;
  switch (table) {
    case 'settings':
      return { value: `${device}-${day}` };
    case 'follows':
      return { target: 'group', targetId: key };
    case 'lessonProgress':
      return { moduleId: 'm1', readAt: at };
    case 'reminders':
      return { shownAt: at };
    default:
      return {
        kind: 'practice',
        moduleId: null,
        questionIds: [],
        answers: {},
        startedAt: at,
        finishedAt: at,
        contentVersion: '1',
      };
  }
}

describe.each(BACKENDS)('convergence on %s', (backend) => {
  let database: TestDatabase;
  let token: string;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    await emptyDatabase(database.db);
    const hub = buildHub({ db: database.db });
    token = await signUp(hub, 'amina@example.org');
    await hub.close();
  });
  afterAll(() => database.drop());

  it('three devices and a restarting hub end in the same state, nothing lost', async () => {
    const seed = Number(process.env['FC_SEED'] ?? Date.now() % 2 ** 31);
    console.log(`convergence property on ${backend}: FC_SEED=${seed}`);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 40 }), async (steps) => {
        await database.db.query('truncate devices, records, rejections');
        await database.db.query('update users set change_seq = 0');
        let hub = buildHub({ db: database.db });
        // Clocks hours apart: the laptop is 5 h slow, the phone 3 h fast.
        const devices = [
          new ModelDevice('laptop-0001', -5 * 3_600_000),
          new ModelDevice('desktop-002', 0),
          new ModelDevice('phone-00003', 3 * 3_600_000),
        ];
        const written = new Set<string>();
        let clock = Date.parse('2026-12-01T00:00:00Z');
        for (const each of steps) {
          clock += 1000;
          if (each.kind === 'restart') {
            await hub.close();
            hub = buildHub({ db: database.db });
          } else if (each.kind === 'sync') {
            await devices[each.device]!.sync(hub, token, each.fault);
          } else {
            const device = devices[each.device]!;
            // Attempts are keyed by a fresh id per device, as the app does.
            const key = each.table === 'attempts' ? `${device.id}-${clock}` : each.key;
            const remove = each.remove && TABLE_RULES[each.table] === 'last-writer-wins';
            device.write(
              each.table,
              key,
              remove ? 'delete' : 'put',
              remove ? null : dataFor(each.table, key, each.day, device.id),
              clock,
            );
            written.add(`${each.table}/${key}`);
          }
        }
        // Everyone comes back online, twice round so the last writer's news reaches the first.
        for (let round = 0; round < 2; round += 1) for (const device of devices) await device.sync(hub, token, 'none');
        await hub.close();

        const hubState = new Map(
          (
            await database.db.query<{
              tbl: string;
              key: string;
              deleted: boolean;
              hlc: string;
              data: Record<string, unknown> | null;
            }>('select tbl, key, deleted, hlc, data from records')
          ).map((row) => [`${row.tbl}/${row.key}`, { deleted: row.deleted, hlc: row.hlc, data: row.data }]),
        );
        expect(new Set(hubState.keys())).toEqual(written);
        for (const device of devices) {
          expect(device.outbox).toEqual([]);
          expect(device.state).toEqual(hubState);
        }
      }),
      { seed, numRuns: 12 },
    );
  }, 240_000);
});
