import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateKeysSchema, type CertificateKeys } from '../../../renderer/certificates/certificateKeys';
import { knownCertificateKeys, storeCertificateKeys } from '../../../renderer/db/certificateKeys';
import { GapbridgeDatabase } from '../../../renderer/db/database';
import { createPackUpdateStore } from '../../../renderer/packs/packUpdateStatus';
import { createPackUpdater } from '../../../renderer/packs/packUpdater';
import { encodePack, shippedCalendar, WEEK_MS } from '../../../renderer/packs/packHub.testing';
import type { SignedManifest } from '../../../renderer/packs/signedManifest';
import { pinnedKeys } from '../../../renderer/packs/trustedKeys';
import { verifyManifest } from '../../../renderer/packs/verifyManifest';
import { createWebHubClient } from '../../../renderer/sync/webHubClient';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../test/databases';
import { buildHub } from '../app';
import { createSigningKeys } from '../certificates/signingKeys';
import { runPackKey, runPublish, runPublishCertificateKeys } from './packCommands';

const NOW = new Date('2026-12-07T12:00:00Z');

/**
 * A device's pack updates against a real hub: the web hub client (the browser's), the updater,
 * IndexedDB through Dexie (fake-indexeddb in Node). Packs are published as an operator would.
 */
describe.each(BACKENDS)('a device takes signed updates from a real hub on %s', (backend) => {
  const work = mkdtempSync(path.join(tmpdir(), 'gapbridge-device-packs-'));
  const packsDir = path.join(work, 'hub-packs');
  let database: TestDatabase;
  let hub: FastifyInstance;
  let origin: string;
  let serial = 0;
  const devices: GapbridgeDatabase[] = [];

  /** A device with its own database; `cutAfter` answers, then the network is gone. */
  function device(options: { cutAfter?: number; db?: GapbridgeDatabase; chunkBytes?: number } = {}) {
    const db = options.db ?? new GapbridgeDatabase(`device-${backend}-${serial++}`);
    devices.push(db);
    let answers = 0;
    let bytes = 0;
    const fetchCounted: typeof fetch = async (input, init) => {
      if (options.cutAfter !== undefined && answers >= options.cutAfter) throw new TypeError('network down');
      answers += 1;
      const response = await fetch(input, init);
      const body = new Uint8Array(await response.arrayBuffer());
      bytes += body.length;
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const client = createWebHubClient({ origin, fetch: fetchCounted, storage: null });
    const status = createPackUpdateStore();
    const received: CertificateKeys[] = [];
    const updater = createPackUpdater({
      db,
      send: (request) => client.request(request),
      keys: pinnedKeys({ keys: [JSON.parse(runPackKey(packsDir))] }),
      languages: () => ['fr'],
      // As the app wires it (renderer/app/sync/appSync.ts): into the device's key store.
      onCertificateKeys: async (keys) => {
        received.push(keys);
        await storeCertificateKeys(db, keys);
      },
      status,
      ...(options.chunkBytes ? { chunkBytes: options.chunkBytes } : {}),
    });
    return { db, updater, status, received, downloaded: () => bytes };
  }

  beforeAll(async () => {
    database = await freshDatabase(backend);
    hub = buildHub({ db: database.db, packsDir });
    origin = await hub.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    for (const db of devices) {
      db.close();
      await db.delete();
    }
    await hub.close();
    await database.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('installs a published calendar, resuming after a cut, and only what changed afterwards', async () => {
    const base = shippedCalendar();
    runPublish(packsDir, ['calendar', writeJson('calendar.json', { ...base, version: '2026.12.1' })], NOW);

    // In pieces of 2 kB (the gzip-compressed calendar is about 9 kB): the manifest and two pieces
    // arrive, then the network is gone.
    const cut = device({ cutAfter: 3, chunkBytes: 2048 });
    await cut.updater.update();
    expect(await cut.db.contentPacks.get('calendar/all')).toBeUndefined();
    expect((await cut.db.packDownloads.get('calendar/all'))?.received).toBe(2 * 2048);
    const manifestBytes = (await (await fetch(`${origin}/v1/packs/manifest`)).arrayBuffer()).byteLength;
    const size = (await cut.db.packDownloads.get('calendar/all'))!.size;
    // Back online (a restart: a new updater on the same database), it asks only for the rest.
    const resumed = device({ db: cut.db, chunkBytes: 2048 });
    await resumed.updater.update();
    expect((await cut.db.contentPacks.get('calendar/all'))?.version).toBe('2026.12.1');
    expect(size).toBeGreaterThan(3 * 2048);
    expect(resumed.downloaded()).toBe(manifestBytes + size - 2 * 2048);
    expect(await cut.db.meetings.count()).toBe(base.meetings.length);

    // A secretariat moves five meetings by a week: the device downloads the new calendar.
    const moved = structuredClone(base);
    for (const meeting of moved.meetings.slice(0, 5)) {
      meeting.start = new Date(Date.parse(meeting.start) + WEEK_MS).toISOString();
      meeting.end = new Date(Date.parse(meeting.end) + WEEK_MS).toISOString();
    }
    runPublish(packsDir, ['calendar', writeJson('moved.json', { ...moved, version: '2026.12.2' })], NOW);
    const next = device({ db: cut.db });
    await next.updater.update();
    const first = moved.meetings[0]!;
    expect((await cut.db.meetings.get(first.id))?.start).toBe(first.start);
    const manifest = (await (await fetch(`${origin}/v1/packs/manifest`)).json()) as SignedManifest;
    const entry = manifest.manifest.packs.find((each) => each.id === 'calendar/all')!;
    const changed = encodePack(moved.meetings.slice(0, 5)).length;
    // What the device really downloaded for this update: the manifest and the whole pack, gzip-compressed.
    console.log(
      `device download for a calendar update of 5 meetings: ${next.downloaded()} bytes (pack ${entry.size} gzip-compressed, ${entry.inflatedSize} inflated, + manifest); the 5 changed meetings are ${changed} bytes of JSON`,
    );
    expect(entry.size).toBeLessThan(entry.inflatedSize / 3);
    expect(next.downloaded()).toBeGreaterThanOrEqual(entry.size);
    expect(next.downloaded()).toBeLessThan(entry.size + 4096);
  });

  it('publishes the certificate keys as a signed pack, and the device hands them to its store', async () => {
    const keys = createSigningKeys(database.db, () => NOW);
    const published = await keys.published();
    expect(runPublishCertificateKeys(packsDir, published, NOW)).toMatch(/Published certificate-keys\/all/);
    // The same keys again: nothing new is signed.
    expect(runPublishCertificateKeys(packsDir, await keys.published(), NOW)).toContain('Nothing new to publish');

    const manifest = (await (await fetch(`${origin}/v1/packs/manifest`)).json()) as SignedManifest;
    const check = verifyManifest(manifest, pinnedKeys({ keys: [JSON.parse(runPackKey(packsDir))] }));
    expect(check.ok).toBe(true);
    const entry = manifest.manifest.packs.find((each) => each.id === 'certificate-keys/all')!;
    expect(entry).toMatchObject({ kind: 'certificate-keys', lang: 'all', version: '1' });
    const served = JSON.parse(
      gunzipSync(new Uint8Array(await (await fetch(`${origin}${entry.url}`)).arrayBuffer())).toString(),
    );
    expect(certificateKeysSchema.parse(served)).toEqual(published);

    const phone = device();
    await phone.updater.update();
    expect(phone.received).toEqual([published]);

    // A rotated key is a new version, with both keys: the old certificates stay verifiable.
    await keys.rotate();
    expect(runPublishCertificateKeys(packsDir, await keys.published(), NOW)).toMatch(/manifest \d+/);
    await phone.updater.update();
    expect(phone.received).toHaveLength(2);
    expect(phone.received[1]!.keys).toHaveLength(2);
    expect((await phone.db.contentPacks.get('certificate-keys/all'))?.version).toBe('2');
    const known = await knownCertificateKeys(phone.db);
    for (const key of phone.received[1]!.keys)
      expect(known.keys).toContainEqual(expect.objectContaining({ keyId: key.keyId, publicKey: key.publicKey }));
  });

  function writeJson(name: string, value: unknown): string {
    const file = path.join(work, name);
    writeFileSync(file, JSON.stringify(value));
    return file;
  }
});
