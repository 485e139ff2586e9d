import { randomBytes } from 'node:crypto';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHub } from '../app';
import { BACKENDS, emptyDatabase, freshDatabase, type TestDatabase } from '../../test/databases';
import { hlc, postSync, pullAll, signUp } from '../../test/hubClient';
import { recordFingerprint, tableChecksum } from './checksum';
import { PAGE_BUDGET_BYTES, SYNC_TABLE_NAMES, type PushedChange } from './protocol';

const A1 = 'laptop-aaaa';
const A2 = 'desktop-bbbb';

const attempt = (seq: number, key: string): PushedChange => ({
  seq,
  table: 'attempts',
  key,
  op: 'put',
  hlc: hlc(A1),
  v: 1,
  data: {
    kind: 'module',
    moduleId: 'm1',
    questionIds: ['m1-q01', 'm1-q02'],
    answers: { 'm1-q01': ['a'], 'm1-q02': ['b', 'c'] },
    startedAt: '2026-12-01T10:00:00Z',
    finishedAt: '2026-12-01T10:09:00Z',
    contentVersion: '2026.12.1',
  },
});

describe.each(BACKENDS)('sync on %s', (backend) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let token: string;

  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(() => database.drop());

  beforeEach(async () => {
    await emptyDatabase(database.db);
    app = buildHub({ db: database.db });
    token = await signUp(app, 'amina@example.org');
  });
  afterEach(async () => {
    await app.close();
  });

  it("brings one device's changes to another, and does not echo them back", async () => {
    const pushed = await postSync(app, token, {
      deviceId: A1,
      cursor: 0,
      changes: [
        attempt(1, 'att-1'),
        { seq: 2, table: 'settings', key: 'reminderDays', op: 'put', hlc: hlc(A1), v: 1, data: { value: 7 } },
        {
          seq: 3,
          table: 'follows',
          key: 'group:SG13',
          op: 'put',
          hlc: hlc(A1),
          v: 1,
          data: { target: 'group', targetId: 'SG13' },
        },
        {
          seq: 4,
          table: 'reminders',
          key: 'm1/contribution/2027-01-10',
          op: 'put',
          hlc: hlc(A1),
          v: 1,
          data: { shownAt: '2026-12-07T09:00:00Z' },
        },
        {
          seq: 5,
          table: 'draftUpdates',
          key: `${A1}:5`,
          op: 'put',
          hlc: hlc(A1),
          v: 1,
          data: { draftId: 'd1', update: Buffer.from([1, 2, 3]).toString('base64') },
        },
      ],
    });
    expect(pushed).toMatchObject({ acked: 5, rejected: [], changes: [], more: false });
    expect(pushed.cursor).toBe(5);

    const other = await pullAll(app, token, A2);
    expect(other.changes.map((change) => `${change.table}/${change.key}`)).toEqual([
      'attempts/att-1',
      'settings/reminderDays',
      'follows/group:SG13',
      'reminders/m1/contribution/2027-01-10',
      `draftUpdates/${A1}:5`,
    ]);
    expect(other.changes[1]).toMatchObject({ op: 'put', data: { value: 7 } });
    expect(Date.parse(other.last.serverTime)).not.toBeNaN();
  });

  it('applies a change once when its answer was lost and the device sends it again', async () => {
    const request = { deviceId: A1, cursor: 0, changes: [attempt(1, 'att-1'), attempt(2, 'att-2')] };
    const first = await postSync(app, token, request);
    const again = await postSync(app, token, request);
    expect(again.acked).toBe(first.acked);
    const [row] = await database.db.query<{ change_seq: number }>('select change_seq from users');
    expect(Number(row!.change_seq)).toBe(2);
    expect((await pullAll(app, token, A2)).changes).toHaveLength(2);
  });

  it('rejects a bad change alone, reports it again on a retry, and goes on with the queue', async () => {
    const request = {
      deviceId: A1,
      cursor: 0,
      changes: [
        { seq: 1, table: 'notATable', key: 'x', op: 'put' as const, hlc: hlc(A1), v: 1, data: {} },
        {
          seq: 2,
          table: 'settings',
          key: 'language',
          op: 'put' as const,
          hlc: hlc(A1),
          v: 1,
          data: { value: { nested: true } },
        },
        { seq: 3, table: 'settings', key: 'language', op: 'put' as const, hlc: hlc(A1), v: 9, data: { value: 'fr' } },
        attempt(4, 'att-1'),
        { seq: 5, table: 'attempts', key: 'att-1', op: 'delete' as const, hlc: hlc(A1), v: 1 },
        { seq: 6, table: 'settings', key: 'language', op: 'put' as const, hlc: hlc(A1), v: 1, data: { value: 'fr' } },
      ],
    };
    const expected = [
      { seq: 1, table: 'notATable', key: 'x', code: 'unknown-table' },
      { seq: 2, table: 'settings', key: 'language', code: 'invalid' },
      { seq: 3, table: 'settings', key: 'language', code: 'unsupported-version' },
      { seq: 5, table: 'attempts', key: 'att-1', code: 'immutable' },
    ];
    expect(await postSync(app, token, request)).toMatchObject({ acked: 6, rejected: expected });
    expect((await postSync(app, token, request)).rejected).toEqual(expected);
    const pulled = (await pullAll(app, token, A2)).changes;
    expect(pulled.map((change) => change.key)).toEqual(['att-1', 'language']);
  });

  it('merges by table: last writer wins with tombstones, earliest read, attempts never change', async () => {
    const t = Date.parse('2026-12-07T10:00:00Z');
    const follow = (seq: number, device: string, op: 'put' | 'delete', at: number): PushedChange => ({
      seq,
      table: 'follows',
      key: 'meeting:sg13-2027',
      op,
      hlc: hlc(device, at),
      v: 1,
      ...(op === 'put' ? { data: { target: 'meeting', targetId: 'sg13-2027' } } : {}),
    });
    const read = (seq: number, device: string, readAt: string): PushedChange => ({
      seq,
      table: 'lessonProgress',
      key: 'm1-l1',
      op: 'put',
      hlc: hlc(device),
      v: 1,
      data: { moduleId: 'm1', readAt },
    });
    await postSync(app, token, {
      deviceId: A1,
      cursor: 0,
      changes: [follow(1, A1, 'put', t), read(2, A1, '2026-12-05T08:00:00Z'), attempt(3, 'att-1')],
    });
    // The desktop unfollows later; then the laptop's clock, hours behind, re-follows "earlier".
    await postSync(app, token, {
      deviceId: A2,
      cursor: 0,
      changes: [follow(1, A2, 'delete', t + 60_000), read(2, A2, '2026-12-04T08:00:00Z')],
    });
    const late = { ...attempt(4, 'att-1'), data: { ...attempt(4, 'att-1').data, answers: { 'm1-q01': ['z'] } } };
    await postSync(app, token, {
      deviceId: A1,
      cursor: 0,
      changes: [follow(5, A1, 'put', t - 3 * 3_600_000), read(6, A1, '2026-12-06T08:00:00Z'), late],
    });

    const state = new Map(
      (await pullAll(app, token, 'fresh-device-1')).changes.map((change) => [`${change.table}/${change.key}`, change]),
    );
    expect(state.get('follows/meeting:sg13-2027')).toMatchObject({ op: 'delete', data: null });
    expect(state.get('lessonProgress/m1-l1')!.data).toMatchObject({ readAt: '2026-12-04T08:00:00Z' });
    expect(state.get('attempts/att-1')!.data).toMatchObject({ answers: { 'm1-q01': ['a'] } });
  });

  it('pages a large pull within the compressed budget, and sends checksums with the last page', async () => {
    const big = (seq: number): PushedChange => ({
      seq,
      table: 'draftUpdates',
      key: `${A1}:${seq}`,
      op: 'put',
      hlc: hlc(A1),
      v: 1,
      // Random bytes do not compress: 3 kB of base64 each.
      data: { draftId: 'd1', update: randomBytes(2300).toString('base64') },
    });
    const changes = Array.from({ length: 300 }, (_, index) => big(index + 1));
    await postSync(app, token, { deviceId: A1, cursor: 0, changes });

    let cursor = 0;
    let pages = 0;
    const seen = new Set<string>();
    for (;;) {
      const answer = await postSync(app, token, { deviceId: A2, cursor, changes: [] });
      pages += 1;
      expect(gzipSync(JSON.stringify(answer.changes)).length).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
      answer.changes.forEach((change) => seen.add(change.key));
      expect(answer.cursor).toBeGreaterThan(cursor);
      cursor = answer.cursor;
      if (!answer.more) {
        const rows = await database.db.query<{ key: string; hlc: string; deleted: boolean }>(
          'select key, hlc, deleted from records',
        );
        // Every table the hub knows is listed, empty ones as 0:0.
        expect(answer.checksums).toEqual({
          ...Object.fromEntries(SYNC_TABLE_NAMES.map((table) => [table, '0:0'])),
          draftUpdates: tableChecksum(rows.map((row) => recordFingerprint(row.key, row.hlc, row.deleted))),
        });
        break;
      }
      expect(answer.checksums).toBeUndefined();
    }
    expect(pages).toBeGreaterThan(2);
    expect(seen.size).toBe(300);
  });

  it("never shows one account another's data, nor lets it change it", async () => {
    await postSync(app, token, { deviceId: A1, cursor: 0, changes: [attempt(1, 'att-1')] });
    const intruder = await signUp(app, 'someone@example.org');
    expect((await pullAll(app, intruder, A1)).changes).toEqual([]);
    const forged = { ...attempt(1, 'att-1'), data: { ...attempt(1, 'att-1').data, answers: {} } };
    await postSync(app, intruder, { deviceId: A1, cursor: 0, changes: [forged] });
    const mine = await pullAll(app, token, A2);
    expect(mine.changes).toHaveLength(1);
    expect(mine.changes[0]!.data).toMatchObject({ answers: { 'm1-q01': ['a'] } });
    expect((await pullAll(app, intruder, A2)).changes[0]!.data).toMatchObject({ answers: {} });
  });

  it("shows an account none of another's records through a re-pull or the checksums", async () => {
    await postSync(app, token, { deviceId: A1, cursor: 0, changes: [attempt(1, 'att-1')] });
    const intruder = await signUp(app, 'someone@example.org');
    const answer = await app.inject({
      method: 'POST',
      url: '/v1/sync',
      headers: { authorization: `Bearer ${intruder}` },
      payload: { protocol: 1, deviceId: A1, cursor: 0, changes: [], repull: { table: 'attempts' } },
    });
    expect(answer.json()).toMatchObject({
      acked: 0,
      changes: [],
      repull: { table: 'attempts', after: null, through: null, records: [] },
      checksums: Object.fromEntries(SYNC_TABLE_NAMES.map((table) => [table, '0:0'])),
    });
    // The intruder used A's device id: A's device on A's account is untouched.
    const devices = await database.db.query<{ email: string; acked_seq: number }>(
      'select u.email, d.acked_seq from devices d join users u on u.id = d.user_id order by u.email',
    );
    expect(devices).toEqual([
      { email: 'amina@example.org', acked_seq: 1 },
      { email: 'someone@example.org', acked_seq: 0 },
    ]);
  });

  it('refuses bad bodies with a 4xx and stores nothing', async () => {
    const send = (payload: Buffer | string, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: '/v1/sync',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        payload,
      });
    const valid = { protocol: 1, deviceId: A1, cursor: 0, changes: [attempt(1, 'att-1')] };
    const cases: [string, Buffer | string, Record<string, string>?][] = [
      ['malformed JSON', '{"protocol": 1, "deviceId": '],
      ['wrong types', JSON.stringify({ ...valid, cursor: 'zero' })],
      ['changes not a list', JSON.stringify({ ...valid, changes: { seq: 1 } })],
      ['a bad device id', JSON.stringify({ ...valid, deviceId: '../../etc' })],
      ['a bad clock', JSON.stringify({ ...valid, changes: [{ ...attempt(1, 'x'), hlc: 'yesterday' }] })],
      ['an unknown field', JSON.stringify({ ...valid, admin: true })],
      ['a future protocol', JSON.stringify({ ...valid, protocol: 2 })],
      [
        'too many changes',
        JSON.stringify({ ...valid, changes: Array.from({ length: 2001 }, (_, i) => attempt(i + 1, `k${i}`)) }),
      ],
      ['oversized', gzipSync(randomBytes(1_200_000)), { 'content-encoding': 'gzip' }],
      ['a gzip bomb', gzipSync(Buffer.alloc(20 * 1024 * 1024, 32)), { 'content-encoding': 'gzip' }],
      ['not gzip at all', 'plain text', { 'content-encoding': 'gzip' }],
      ['a deflate bomb', deflateSync(Buffer.alloc(20 * 1024 * 1024, 32)), { 'content-encoding': 'deflate' }],
      ['a brotli bomb', brotliCompressSync(Buffer.alloc(20 * 1024 * 1024, 32)), { 'content-encoding': 'br' }],
      ['an unknown encoding', JSON.stringify(valid), { 'content-encoding': 'compress' }],
      ['JSON null', 'null'],
      ['a JSON list', JSON.stringify([valid])],
      [
        'data that is not an object',
        JSON.stringify({ ...valid, changes: [{ ...attempt(1, 'x'), data: 'all of it' }] }),
      ],
      ['a sequence number of 0', JSON.stringify({ ...valid, changes: [attempt(0, 'x')] })],
      ['a negative cursor', JSON.stringify({ ...valid, cursor: -1 })],
      ['a form, not JSON', 'protocol=1', { 'content-type': 'application/x-www-form-urlencoded' }],
    ];
    for (const [name, payload, headers] of cases) {
      const answer = await send(payload, headers);
      expect([name, answer.statusCode >= 400 && answer.statusCode < 500]).toEqual([name, true]);
    }
    expect((await app.inject({ method: 'POST', url: '/v1/sync', payload: valid })).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/v1/sync',
          headers: { authorization: 'Bearer forged' },
          payload: valid,
        })
      ).statusCode,
    ).toBe(401);
    expect(await database.db.query('select 1 from records')).toEqual([]);
    expect(await database.db.query('select 1 from devices')).toEqual([]);
    expect(await database.db.query('select 1 from rejections')).toEqual([]);
  });
});
