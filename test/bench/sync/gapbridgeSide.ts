import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import { runSyncCycle } from '../../../renderer/sync/syncCycle';
import { createHubTransport } from '../../../renderer/sync/transport';
import { buildHub } from '../../../server/src/app';
import { migrate } from '../../../server/src/db/migrations';
import { openPgliteDatabase } from '../../../server/src/db/pgliteDatabase';
import { signUp } from '../../../server/test/hubClient';
import { MemoryStore } from '../../../server/test/memoryStore';
import { startLinkProxy, type LinkShape } from '../../support/linkProxy';
import { bytesToBase64, slices, type Dataset, type Operation } from './dataset';
import type { SideResult } from './sideResult';

function write(device: MemoryStore, operation: Operation): void {
  if (operation.kind === 'attempt') device.write('attempts', operation.id, 'put', { ...operation.data });
  else if (operation.kind === 'setting') device.write('settings', operation.key, 'put', { value: operation.value });
  else if (operation.kind === 'draft-created')
    device.write('drafts', operation.draftId, 'put', {
      language: operation.language,
      meetingId: null,
      createdAt: operation.createdAt,
    });
  else
    device.write('draftUpdates', operation.changeId, 'put', {
      draftId: operation.draftId,
      update: bytesToBase64(operation.update),
    });
}

/** Throws unless device B holds all of D1: every record, and every draft's text rebuilt from its updates. */
function checkComplete(device: MemoryStore, dataset: Dataset): void {
  const count = (table: string) => [...device.records.keys()].filter((id) => id.startsWith(`${table}/`)).length;
  const expected = { attempts: dataset.attempts, settings: dataset.settings.size, draftUpdates: dataset.draftEdits };
  for (const [table, n] of Object.entries(expected))
    if (count(table) !== n) throw new Error(`Gapbridge device B has ${count(table)} ${table}, expected ${n}`);
  for (const [key, value] of dataset.settings)
    if (device.records.get(`settings/${key}`)?.data?.['value'] !== value) throw new Error(`setting ${key} differs`);
  for (const [draftId, text] of dataset.drafts) {
    const doc = new Y.Doc();
    for (const record of device.records.values()) {
      const data = record.data as { draftId?: string; update?: string } | null;
      if (data?.draftId === draftId && data.update) Y.applyUpdate(doc, Buffer.from(data.update, 'base64'));
    }
    if (doc.getText('body').toString() !== text) throw new Error(`Gapbridge draft ${draftId} differs on device B`);
  }
}

/**
 * Gapbridge: the device engine (runSyncCycle + createHubTransport, as the app runs it) on device A
 * pushes D1 through the emulated link to a real hub (Fastify, PGlite); device B, on the same
 * account, then pulls until it has everything.
 */
export async function measureGapbridge(dataset: Dataset, pushes: number, link: LinkShape): Promise<SideResult> {
  const db = await openPgliteDatabase();
  await migrate(db);
  const hub = buildHub({ db });
  await hub.listen({ host: '127.0.0.1', port: 0 });
  const proxy = await startLinkProxy({ target: { port: (hub.server.address() as AddressInfo).port }, shape: link });
  try {
    const token = await signUp(hub, `bench-${pushes}@example.org`);
    const transport = createHubTransport({ hubUrl: proxy.origin, token: () => token });
    const deviceA = new MemoryStore('bench-device-a', Date.now);
    const deviceB = new MemoryStore('bench-device-b', Date.now);
    let elapsedMs = 0;
    for (const slice of slices(dataset.operations, pushes)) {
      for (const operation of slice) write(deviceA, operation);
      const started = performance.now();
      await runSyncCycle(deviceA, transport);
      elapsedMs += performance.now() - started;
    }
    const started = performance.now();
    await runSyncCycle(deviceB, transport);
    elapsedMs += performance.now() - started;
    checkComplete(deviceB, dataset);
    return { ...proxy.counts(), elapsedMs };
  } finally {
    await proxy.close();
    await hub.close();
    await db.close();
  }
}
