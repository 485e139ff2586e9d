import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compareSyncKeys } from '../../../renderer/sync/checksum';
import { runSyncCycle, type SyncStore } from '../../../renderer/sync/syncCycle';
import { createHubTransport, SyncTransportError, type SyncTransport } from '../../../renderer/sync/transport';
import type { SyncAnswer, SyncRequest } from '../../../renderer/sync/wire';
import { buildHub } from '../app';
import { BACKENDS, emptyDatabase, freshDatabase, type TestDatabase } from '../../test/databases';
import { signUp } from '../../test/hubClient';
import { MemoryStore, recordId } from '../../test/memoryStore';
import { PAGE_BUDGET_BYTES } from './protocol';

/**
 * A device whose copy of a table went wrong (a bug, a restored backup, a disk) finds out from the
 * hub's checksums and re-pulls that table alone; nothing else is sent again.
 */
interface Exchange {
  request: SyncRequest;
  answer: SyncAnswer;
}

function recording(inner: SyncTransport, before?: (request: SyncRequest) => void) {
  const exchanges: Exchange[] = [];
  const transport: SyncTransport = {
    async exchange(request) {
      before?.(request);
      const answer = await inner.exchange(request);
      exchanges.push({ request, answer });
      return answer;
    },
  };
  return { transport, exchanges };
}

describe.each(BACKENDS)('re-pulling one table on %s', (backend) => {
  let database: TestDatabase;
  let hub: FastifyInstance;
  let hubUrl: string;
  let token: string;
  let transport: SyncTransport;
  let laptop: MemoryStore;
  let desktop: MemoryStore;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    hub = buildHub({ db: database.db });
    await hub.listen({ host: '127.0.0.1', port: 0 });
    hubUrl = `http://127.0.0.1:${(hub.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await hub.close();
    await database.drop();
  });

  beforeEach(async () => {
    await emptyDatabase(database.db);
    token = await signUp(hub, 'ines@example.org');
    transport = createHubTransport({ hubUrl, token: () => token });
    laptop = new MemoryStore('laptop-repull');
    desktop = new MemoryStore('desktop-repull');
    for (const key of ['language', 'reminderDays', 'theme', 'fontSize'])
      laptop.write('settings', key, 'put', { value: `${key}-1` });
    laptop.write('settings', 'theme', 'put', { value: 'dark' });
    laptop.write('follows', 'group:SG13', 'put', { target: 'group', targetId: 'SG13' });
    laptop.write('follows', 'group:SG17', 'put', { target: 'group', targetId: 'SG17' });
    laptop.write('follows', 'group:SG17', 'delete');
    laptop.write('lessonProgress', 'm1-l1', 'put', { moduleId: 'm1', readAt: '2026-12-01T08:00:00.000Z' });
    laptop.write('reminders', 'm1/contribution/2027-01-10', 'put', { shownAt: '2026-12-02T08:00:00.000Z' });
    await runSyncCycle(laptop, transport);
    await runSyncCycle(desktop, transport);
    expect(desktop.records).toEqual(laptop.records);
  });

  it('re-pulls a corrupted table alone, ends equal to the hub, and sends no other table again', async () => {
    const settings = desktop.table('settings');
    // A changed value under an older stamp, a lost row, a row the hub never had.
    desktop.records.set(recordId('settings', 'theme'), {
      ...settings.get('theme')!,
      data: { value: 'light' },
      hlc: settings.get('language')!.hlc,
    });
    desktop.records.delete(recordId('settings', 'fontSize'));
    desktop.records.set(recordId('settings', 'ghost'), {
      deleted: false,
      hlc: settings.get('language')!.hlc,
      data: {},
    });

    const { transport: watched, exchanges } = recording(transport);
    const report = await runSyncCycle(desktop, watched);

    expect(report.repulled).toEqual(['settings']);
    expect(report.mismatched).toEqual([]);
    expect(desktop.records).toEqual(laptop.records);
    expect(await desktop.checksums()).toEqual(
      Object.fromEntries(Object.entries(report.checksums!).filter(([, sum]) => sum !== '0:0')),
    );
    const repulls = exchanges.filter((exchange) => exchange.request.repull);
    expect(repulls.map((exchange) => exchange.request.repull)).toEqual([{ table: 'settings' }]);
    for (const { answer } of exchanges) expect(answer.changes).toEqual([]);
    expect(repulls[0]!.answer.repull).toMatchObject({ table: 'settings', after: null, through: null });
    expect(repulls[0]!.answer.repull!.records.map((record) => record.key)).toEqual(
      ['fontSize', 'language', 'reminderDays', 'theme'].sort(compareSyncKeys),
    );

    // Level now: the next cycle is one request, with no re-pull.
    const again = recording(transport);
    expect(await runSyncCycle(desktop, again.transport)).toMatchObject({ requests: 1, repulled: [], mismatched: [] });
  });

  it('keeps the tombstones and the device-local fields of a re-pulled table', async () => {
    desktop.local.set(recordId('lessonProgress', 'm1-l1'), { position: 0.42 });
    desktop.records.set(recordId('lessonProgress', 'm1-l1'), {
      deleted: false,
      hlc: desktop.clock.stamp(),
      data: { moduleId: 'm1', readAt: '2026-12-09T08:00:00.000Z' },
    });
    // A follow that the laptop removed comes back on the desktop: the tombstone must win again.
    desktop.records.set(recordId('follows', 'group:SG17'), {
      deleted: false,
      hlc: desktop.table('follows').get('group:SG17')!.hlc,
      data: { target: 'group', targetId: 'SG17' },
    });
    const report = await runSyncCycle(desktop, transport);
    expect(report.repulled).toEqual(['follows', 'lessonProgress']);
    expect(desktop.records).toEqual(laptop.records);
    expect(desktop.table('follows').get('group:SG17')).toMatchObject({ deleted: true, data: null });
    expect(desktop.local.get(recordId('lessonProgress', 'm1-l1'))).toEqual({ position: 0.42 });
  });

  it('pages a large re-pull within the compressed budget, by key ranges', async () => {
    for (let index = 0; index < 240; index += 1) {
      // Random bytes do not compress: about 3 kB of base64 each, some 700 kB in all.
      laptop.write('draftUpdates', `laptop-repull:${String(index).padStart(3, '0')}`, 'put', {
        draftId: 'd1',
        update: randomBytes(2300).toString('base64'),
      });
    }
    await runSyncCycle(laptop, transport);
    await runSyncCycle(desktop, transport);
    const keys = [...desktop.table('draftUpdates').keys()];
    for (const key of keys.filter((_, index) => index % 9 === 0)) desktop.records.delete(recordId('draftUpdates', key));
    desktop.records.set(recordId('draftUpdates', 'zzz-not-on-the-hub'), {
      deleted: false,
      hlc: desktop.clock.stamp(),
      data: { draftId: 'd1', update: '' },
    });

    const { transport: watched, exchanges } = recording(transport);
    const report = await runSyncCycle(desktop, watched);
    const pages = exchanges.flatMap((exchange) => (exchange.answer.repull ? [exchange.answer.repull] : []));
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages)
      expect(gzipSync(JSON.stringify(page.records)).length).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
    // Each page starts where the last one ended, and the last runs to the end of the table.
    expect(pages.map((page) => page.after)).toEqual([null, ...pages.slice(0, -1).map((page) => page.through)]);
    expect(pages.at(-1)!.through).toBeNull();
    expect(pages.flatMap((page) => page.records).length).toBe(240);
    expect(report).toMatchObject({ repulled: ['draftUpdates'], mismatched: [] });
    expect(desktop.records).toEqual(laptop.records);
  });

  it('keeps a local change that is still waiting to be sent', async () => {
    desktop.records.delete(recordId('settings', 'language'));
    // Written while the re-pull is on its way: not in the request, still in the outbox.
    let written = false;
    const { transport: watched } = recording(transport, (request) => {
      if (request.repull && !written) {
        written = desktop.write('settings', 'theme', 'put', { value: 'sepia' });
      }
    });
    const report = await runSyncCycle(desktop, watched);
    expect(written).toBe(true);
    expect(report).toMatchObject({ repulled: ['settings'], mismatched: [] });
    expect(desktop.table('settings').get('theme')!.data).toEqual({ value: 'sepia' });
    await runSyncCycle(laptop, transport);
    expect(laptop.records).toEqual(desktop.records);
  });

  it('stores nothing of a re-pull page whose apply failed, and converges on the next cycle', async () => {
    desktop.records.delete(recordId('settings', 'language'));
    const before = new Map(desktop.records);
    desktop.crashes = 1;
    await expect(runSyncCycle(desktop, transport)).rejects.toThrow(/crashed/);
    expect(desktop.records).toEqual(before);
    expect(await runSyncCycle(desktop, transport)).toMatchObject({ repulled: ['settings'], mismatched: [] });
    expect(desktop.records).toEqual(laptop.records);
  });

  it('never asks for a re-pull from a store without checksums, and reports a hub that refuses one', async () => {
    desktop.records.delete(recordId('settings', 'language'));
    const withoutChecksums: SyncStore = {
      deviceId: desktop.deviceId,
      cursor: () => desktop.cursor(),
      pending: (limit) => desktop.pending(limit),
      apply: (answer) => desktop.apply(answer),
    };
    const plain = recording(transport);
    expect(await runSyncCycle(withoutChecksums, plain.transport)).toMatchObject({ repulled: [], mismatched: [] });
    expect(plain.exchanges.some((exchange) => 'repull' in exchange.request)).toBe(false);

    const oldHub: SyncTransport = {
      exchange: (request) => {
        if (request.repull) return Promise.reject(new SyncTransportError({ kind: 'refused', status: 400 }));
        return transport.exchange(request);
      },
    };
    expect(await runSyncCycle(desktop, oldHub)).toMatchObject({ repulled: [], mismatched: ['settings'] });
  });

  it('pages keys in code point order, as the device compares them', async () => {
    const keys = ['a', 'B', 'é', '中', '😀', 'ｚ', 'z', 'Z-1', 'a b'];
    for (const key of keys) laptop.write('settings', key, 'put', { value: key });
    await runSyncCycle(laptop, transport);
    const answer = await transport.exchange({
      protocol: 1,
      deviceId: 'fresh-device',
      cursor: 0,
      changes: [],
      repull: { table: 'settings', after: 'a' },
    });
    const expected = [...laptop.table('settings').keys()]
      .filter((key) => compareSyncKeys(key, 'a') > 0)
      .sort(compareSyncKeys);
    expect(answer.repull!.records.map((record) => record.key)).toEqual(expected);
    // UTF-16 order would put the emoji (U+1F600, a surrogate pair) before U+FF5A.
    expect(expected.indexOf('ｚ')).toBeLessThan(expected.indexOf('😀'));
  });

  it('refuses a re-pull of an unknown table or with a malformed position, and stores nothing', async () => {
    const send = (repull: unknown) =>
      hub.inject({
        method: 'POST',
        url: '/v1/sync',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({
          protocol: 1,
          deviceId: 'desktop-intruder',
          cursor: 0,
          changes: [{ seq: 1, table: 'settings', key: 'x', op: 'put', hlc: laptop.clock.stamp(), v: 1, data: {} }],
          repull,
        }),
      });
    for (const bad of [
      { table: 'users' },
      { table: 'settings', after: '' },
      { table: 'settings', after: 'x'.repeat(201) },
      { table: 'settings', everything: true },
      ['settings'],
      'settings',
    ]) {
      expect([bad, (await send(bad)).statusCode]).toEqual([bad, 400]);
    }
    expect(await database.db.query("select 1 from devices where device_id = 'desktop-intruder'")).toEqual([]);
  });
});

/**
 * An operator's PostgreSQL may collate text by a language's rules (ICU), where 'a' < 'B' < 'Z-1'
 * < 'z'. A re-pull resumes after the last key the device stored, which the device compares by
 * code point: the hub must order and cut keys the same way, whatever the database's collation.
 */
describe.runIf(BACKENDS.includes('postgres'))('re-pulling on PostgreSQL with a language collation', () => {
  let database: TestDatabase;
  let hub: FastifyInstance;

  beforeAll(async () => {
    database = await freshDatabase('postgres', { icuLocale: 'en-US' });
    hub = buildHub({ db: database.db });
    await hub.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await hub.close();
    await database.drop();
  });

  it('still pages keys in code point order, resuming after the right key', async () => {
    const [{ collation }] = (await database.db.query<{ collation: string }>(
      `select datlocprovider::text || ':' || coalesce(daticulocale, '') as collation from pg_database where datname = current_database()`,
    )) as [{ collation: string }];
    expect(collation).toBe('i:en-US');
    const hubUrl = `http://127.0.0.1:${(hub.server.address() as AddressInfo).port}`;
    const token = await signUp(hub, 'ines@example.org');
    const transport = createHubTransport({ hubUrl, token: () => token });
    const laptop = new MemoryStore('laptop-icu');
    const keys = ['a', 'B', 'é', '中', '😀', 'ｚ', 'z', 'Z-1', 'a b', 'Zebra', 'b'];
    for (const key of keys) laptop.write('settings', key, 'put', { value: key });
    await runSyncCycle(laptop, transport);
    const answer = await transport.exchange({
      protocol: 1,
      deviceId: 'fresh-device',
      cursor: 0,
      changes: [],
      repull: { table: 'settings', after: 'Z-1' },
    });
    const expected = keys.filter((key) => compareSyncKeys(key, 'Z-1') > 0).sort(compareSyncKeys);
    expect(expected.slice(0, 3)).toEqual(['Zebra', 'a', 'a b']);
    expect(answer.repull!.records.map((record) => record.key)).toEqual(expected);
  });
});
