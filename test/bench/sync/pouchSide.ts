import { Agent, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { startLinkProxy, type LinkShape } from '../../support/linkProxy';
import { slices, type Dataset } from './dataset';
import type { SideResult } from './sideResult';

PouchDB.plugin(memoryAdapter);
/** Both devices and the server keep their databases in memory, as Gapbridge's side of the bench does. */
const MemoryPouch = PouchDB.defaults({ adapter: 'memory' });

let run = 0;

/**
 * PouchDB as an app built on it would sync D1: one document per attempt, one per setting (each
 * change a new revision), and one per draft holding its whole text, each edit saved as a new
 * revision (PouchDB has no way to send a text's changes; a CRDT stored as separate update
 * documents is not what a PouchDB app does). Device A replicates to an express-pouchdb server
 * through the emulated link after each slice; device B then replicates from it.
 */
export async function measurePouchDB(dataset: Dataset, pushes: number, link: LinkShape): Promise<SideResult> {
  run += 1;
  const server = createServer(expressPouchDB(MemoryPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const proxy = await startLinkProxy({ target: { port }, shape: link });
  const name = `d1-${run}`;
  const deviceA = new MemoryPouch(`device-a-${run}`);
  const deviceB = new MemoryPouch(`device-b-${run}`);
  const agents: Agent[] = [];
  try {
    // The account's database exists before the first sync, as the Gapbridge account does.
    const created = await fetch(`http://127.0.0.1:${port}/${name}`, { method: 'PUT' });
    if (!created.ok) throw new Error(`express-pouchdb could not create ${name}: ${created.status}`);
    const revisions = new Map<string, string>();
    const put = async (doc: { _id: string; [field: string]: unknown }) => {
      const previous = revisions.get(doc._id);
      const { rev } = await deviceA.put(previous ? { ...doc, _rev: previous } : doc);
      revisions.set(doc._id, rev);
    };
    const drafts = new Map<string, { language: string; createdAt: string }>();
    // PouchDB's Node client closes each connection (node-fetch sends Connection: close); a browser
    // keeps them open, so the remote gets a keep-alive agent rather than paying a handshake per request.
    const agent = new Agent({ keepAlive: true });
    agents.push(agent);
    const remote = new PouchDB(`${proxy.origin}/${name}`, {
      fetch: (url, options) => PouchDB.fetch(url, { ...options, agent }),
    });
    let elapsedMs = 0;
    for (const slice of slices(dataset.operations, pushes)) {
      for (const operation of slice) {
        if (operation.kind === 'attempt') await put({ _id: `attempt:${operation.id}`, ...operation.data });
        else if (operation.kind === 'setting') await put({ _id: `setting:${operation.key}`, value: operation.value });
        else if (operation.kind === 'draft-created') {
          drafts.set(operation.draftId, operation);
          await put({
            _id: `draft:${operation.draftId}`,
            language: operation.language,
            meetingId: null,
            createdAt: operation.createdAt,
            text: '',
          });
        } else {
          const meta = drafts.get(operation.draftId)!;
          await put({
            _id: `draft:${operation.draftId}`,
            language: meta.language,
            meetingId: null,
            createdAt: meta.createdAt,
            text: operation.text,
          });
        }
      }
      const started = performance.now();
      await PouchDB.replicate(deviceA, remote);
      elapsedMs += performance.now() - started;
    }
    const started = performance.now();
    await PouchDB.replicate(remote, deviceB);
    elapsedMs += performance.now() - started;
    await checkComplete(deviceB, dataset);
    return { ...proxy.counts(), elapsedMs };
  } finally {
    for (const agent of agents) agent.destroy();
    await proxy.close();
    await Promise.all([deviceA.destroy(), deviceB.destroy()]);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

async function checkComplete(device: PouchDB, dataset: Dataset): Promise<void> {
  const { rows } = await device.allDocs({ include_docs: true });
  const docs = new Map(rows.map((row) => [row.id, row.doc!]));
  const attempts = rows.filter((row) => row.id.startsWith('attempt:')).length;
  if (attempts !== dataset.attempts) throw new Error(`PouchDB device B has ${attempts} attempts`);
  for (const [key, value] of dataset.settings)
    if (docs.get(`setting:${key}`)?.['value'] !== value) throw new Error(`PouchDB setting ${key} differs`);
  for (const [draftId, text] of dataset.drafts)
    if (docs.get(`draft:${draftId}`)?.['text'] !== text) throw new Error(`PouchDB draft ${draftId} differs`);
}
