import 'fake-indexeddb/auto';
import type { AddressInfo } from 'node:net';
import Dexie from 'dexie';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncDerivations } from '../../../renderer/app/syncDerivations';
import { GapbridgeDatabase } from '../../../renderer/db/database';
import {
  appendDraftUpdate,
  createDraft,
  loadDraftDoc,
  moveDraftToTrash,
  ReadOnlyDraftError,
} from '../../../renderer/db/drafts';
import { linkAccount } from '../../../renderer/db/syncAccount';
import { openSyncStore } from '../../../renderer/db/syncStore';
import { runSyncCycle } from '../../../renderer/sync/syncCycle';
import { createHubTransport } from '../../../renderer/sync/transport';
import { buildHub } from '../app';
import { BACKENDS, emptyDatabase, freshDatabase, type TestDatabase } from '../../test/databases';
import { signUp } from '../../test/hubClient';

/**
 * Two accounts' devices, each with the app's real IndexedDB store and engine, writing one shared
 * draft through a real hub over HTTP: every copy ends with the same Yjs document, and checksums
 * agree, so nothing is re-pulled.
 */
describe.each(BACKENDS)('co-authors on two accounts, on %s', (backend) => {
  let database: TestDatabase;
  let hub: FastifyInstance;
  let hubUrl: string;
  const tokens = new Map<string, string>();
  const opened: GapbridgeDatabase[] = [];

  beforeAll(async () => {
    database = await freshDatabase(backend);
    await emptyDatabase(database.db);
    hub = buildHub({ db: database.db });
    await hub.listen({ host: '127.0.0.1', port: 0 });
    hubUrl = `http://127.0.0.1:${(hub.server.address() as AddressInfo).port}`;
    for (const email of ['aya@example.org', 'bruno@example.org', 'chen@example.org']) {
      tokens.set(email, await signUp(hub, email));
    }
  });
  afterAll(async () => {
    for (const db of opened) {
      db.close();
      await Dexie.delete(db.name);
    }
    await hub.close();
    await database.drop();
  });

  async function device(email: string, name: string) {
    const db = new GapbridgeDatabase(`${backend}-${name}-${Date.now()}`);
    opened.push(db);
    await linkAccount(db, { hubUrl, email, bringLocalWork: true });
    const store = await openSyncStore(db, syncDerivations);
    const transport = createHubTransport({ hubUrl, token: () => tokens.get(email)! });
    return { db, sync: () => runSyncCycle(store, transport) };
  }

  const shareRequest = (owner: string, draftId: string, method: 'POST' | 'DELETE', email: string, role?: string) =>
    hub.inject({
      method,
      url: method === 'POST' ? `/v1/drafts/${draftId}/shares` : `/v1/drafts/${draftId}/shares/${email}`,
      headers: { authorization: `Bearer ${tokens.get(owner)}` },
      ...(role ? { payload: { email, role } } : {}),
    });

  async function write(db: GapbridgeDatabase, draftId: string, text: string) {
    const doc = await loadDraftDoc(db, draftId);
    const before = Y.encodeStateVector(doc);
    const body = doc.getXmlFragment('body');
    body.insert(body.length, [new Y.XmlText(text)]);
    await appendDraftUpdate(db, draftId, Y.encodeStateAsUpdate(doc, before));
  }
  const bodyOf = async (db: GapbridgeDatabase, draftId: string) =>
    (await loadDraftDoc(db, draftId)).getXmlFragment('body').toString();

  it('merges two accounts’ edits, one made offline, into the same document everywhere; withdrawal removes it', async () => {
    const aya = await device('aya@example.org', 'aya-laptop');
    const ayaDesktop = await device('aya@example.org', 'aya-desktop');
    const bruno = await device('bruno@example.org', 'bruno-laptop');
    const chen = await device('chen@example.org', 'chen-laptop');

    const doc = new Y.Doc();
    doc.getMap('cover').set('title', 'Proposal on Q4/17');
    doc.getXmlFragment('body').insert(0, [new Y.XmlText('Aya opens.')]);
    const draft = await createDraft(aya.db, { title: 'Proposal on Q4/17', language: 'en' }, Y.encodeStateAsUpdate(doc));
    await aya.sync();
    expect((await shareRequest('aya@example.org', draft.id, 'POST', 'bruno@example.org', 'editor')).statusCode).toBe(
      201,
    );
    expect((await shareRequest('aya@example.org', draft.id, 'POST', 'chen@example.org', 'reader')).statusCode).toBe(
      201,
    );

    await bruno.sync();
    expect(await bruno.db.drafts.get(draft.id)).toMatchObject({ title: 'Proposal on Q4/17', language: 'en' });
    expect(await bruno.db.draftAccess.get(draft.id)).toMatchObject({ ownerEmail: 'aya@example.org', role: 'editor' });
    await write(bruno.db, draft.id, 'Bruno adds.');
    await bruno.sync();

    // Bruno goes offline and writes on; Aya writes meanwhile, online.
    await aya.sync();
    await write(bruno.db, draft.id, 'Bruno offline.');
    await write(aya.db, draft.id, 'Aya meanwhile.');
    await aya.sync();
    // Bruno reconnects.
    await bruno.sync();
    await aya.sync();
    await ayaDesktop.sync();
    await chen.sync();

    const text = await bodyOf(aya.db, draft.id);
    for (const word of ['Aya opens.', 'Bruno adds.', 'Bruno offline.', 'Aya meanwhile.']) expect(text).toContain(word);
    for (const other of [bruno, ayaDesktop, chen]) expect(await bodyOf(other.db, draft.id)).toBe(text);
    const state = async (db: GapbridgeDatabase) => Y.encodeStateVector(await loadDraftDoc(db, draft.id));
    expect(await state(bruno.db)).toEqual(await state(aya.db));

    // A reader's device refuses to store a change at all (and queues none).
    const pending = await chen.db.outbox.count();
    await expect(write(chen.db, draft.id, 'Chen tries.')).rejects.toBeInstanceOf(ReadOnlyDraftError);
    expect(await chen.db.outbox.count()).toBe(pending);
    await moveDraftToTrash(chen.db, draft.id);

    // Level, and every table's checksum agrees with the hub's: nothing to re-pull.
    const quiet = [await aya.sync(), await bruno.sync(), await chen.sync()];
    expect(quiet.flatMap((report) => [...report.repulled, ...report.mismatched])).toEqual([]);
    expect((await aya.db.drafts.get(draft.id))?.deletedAt).toBeNull();

    // Bruno writes offline, then Aya withdraws his access: his device drops the draft and the
    // change the hub would refuse, and stays level.
    await write(bruno.db, draft.id, 'Bruno too late.');
    expect((await shareRequest('aya@example.org', draft.id, 'DELETE', 'bruno@example.org')).statusCode).toBe(204);
    const afterWithdrawal = await bruno.sync();
    expect(await bruno.db.drafts.get(draft.id)).toBeUndefined();
    expect(await bruno.db.draftUpdates.where('draftId').equals(draft.id).count()).toBe(0);
    expect(await bruno.db.draftAccess.get(draft.id)).toBeUndefined();
    expect(await bruno.db.outbox.count()).toBe(0);
    expect([...afterWithdrawal.repulled, ...afterWithdrawal.mismatched]).toEqual([]);
    const again = await bruno.sync();
    expect([again.pushed, again.pulled, ...again.repulled, ...again.mismatched]).toEqual([0, 0]);
    // Aya keeps the draft with all that reached the hub.
    await aya.sync();
    expect(await bodyOf(aya.db, draft.id)).toBe(text);
    expect((await aya.db.draftAccess.get(draft.id))?.members).toEqual([{ email: 'chen@example.org', role: 'reader' }]);
  });
});
