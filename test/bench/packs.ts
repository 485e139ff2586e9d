import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { CalendarPack } from '../../renderer/content/packSchema';
import { GapbridgeDatabase } from '../../renderer/db/database';
import { CALENDAR_DIR, fiveMeetingsMoved, shippedCalendar } from '../../renderer/packs/packHub.testing';
import { createPackUpdateStore } from '../../renderer/packs/packUpdateStatus';
import { createPackUpdater } from '../../renderer/packs/packUpdater';
import { pinnedKeys } from '../../renderer/packs/trustedKeys';
import { createWebHubClient } from '../../renderer/sync/webHubClient';
import { buildHub } from '../../server/src/app';
import { migrate } from '../../server/src/db/migrations';
import { openPgliteDatabase } from '../../server/src/db/pgliteDatabase';
import { runPackKey, runPublish } from '../../server/src/packs/packCommands';
import type { Figure } from './shell';

/**
 * What a device downloads for a calendar update that moves five meetings: a real hub publishes
 * the shipped calendar, then the secretariat's .ics; the app's updater (web hub client, Dexie on
 * fake-indexeddb) takes both, and every byte of every answer it reads is counted.
 */
export async function packFigures(): Promise<Figure[]> {
  const work = mkdtempSync(path.join(tmpdir(), 'gapbridge-bench-packs-'));
  const packsDir = path.join(work, 'hub-packs');
  const hubDb = await openPgliteDatabase();
  await migrate(hubDb);
  const hub = buildHub({ db: hubDb, packsDir });
  const device = new GapbridgeDatabase('bench-packs');
  try {
    const origin = await hub.listen({ port: 0, host: '127.0.0.1' });
    let bytes = 0;
    let requests = 0;
    const counting: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const body = new Uint8Array(await response.arrayBuffer());
      bytes += body.length;
      requests += 1;
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const client = createWebHubClient({ origin, fetch: counting, storage: null });
    const updater = createPackUpdater({
      db: device,
      send: (request) => client.request(request),
      keys: pinnedKeys({ keys: [JSON.parse(runPackKey(packsDir))] }),
      languages: () => ['en'],
      onCertificateKeys: () => undefined,
      status: createPackUpdateStore(),
    });

    runPublish(packsDir, ['calendar', CALENDAR_DIR]);
    await updater.update();
    const base = shippedCalendar();
    const ics = path.join(work, 'update.ics');
    writeFileSync(ics, fiveMeetingsMoved(base));
    runPublish(packsDir, ['calendar', ics, '--version', '2026.12.1']);

    bytes = 0;
    requests = 0;
    await updater.update();
    const installed = await device.contentPacks.get('calendar/all');
    if (installed?.version !== '2026.12.1') throw new Error('the update was not installed');
    const manifest = (await (await fetch(`${origin}/v1/packs/manifest`)).json()) as {
      manifest: { packs: { id: string; size: number; inflatedSize: number; url: string }[] };
    };
    const entry = manifest.manifest.packs.find((each) => each.id === 'calendar/all')!;
    const pack = new Uint8Array(await (await fetch(`${origin}${entry.url}`)).arrayBuffer());
    // The five meetings as the new pack carries them: what a delta would have to send.
    const published = JSON.parse(gunzipSync(pack).toString('utf8')) as CalendarPack;
    const ids = new Set(base.meetings.slice(0, 5).map((m) => m.id));
    const changed = new TextEncoder().encode(JSON.stringify(published.meetings.filter((m) => ids.has(m.id)))).length;
    return [
      {
        name: 'calendar update moving 5 meetings: downloaded by the device',
        value: `${bytes.toLocaleString('en')} B in ${requests} requests (manifest + whole pack gzip-compressed ${entry.size.toLocaleString('en')} B; as plain JSON it was ${entry.inflatedSize.toLocaleString('en')} B)`,
      },
      {
        name: 'calendar update moving 5 meetings: the 5 meetings alone',
        value: `${changed.toLocaleString('en')} B of JSON`,
      },
    ];
  } finally {
    device.close();
    await device.delete();
    await hub.close();
    await hubDb.close();
    rmSync(work, { recursive: true, force: true });
  }
}
