import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { bodyJson, bodyText, BODY_FIELD, readCover, writeCover } from '../features/drafts/model/draftDoc';
import { useTestDatabases } from './databases.testing';
import {
  appendDraftUpdate,
  compactDraft,
  createDraft,
  duplicateDraft,
  mergeIntoDraft,
  readDraftLeniently,
  replaceDraftState,
  loadDraftDoc,
  moveDraftToTrash,
  restoreDraftFromTrash,
} from './drafts';

const fresh = useTestDatabases('drafts');

/** Edits a document and stores each change as the editor does. */
function recordUpdates(doc: Y.Doc, store: (update: Uint8Array) => Promise<void>): Promise<void>[] {
  const writes: Promise<void>[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'load') writes.push(store(update));
  });
  return writes;
}

function type(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(BODY_FIELD).push([paragraph]);
}

describe('drafts in IndexedDB', () => {
  it('rebuilds a draft from its stored updates, each with an outbox entry', async () => {
    const db = fresh();
    const seed = new Y.Doc();
    writeCover(seed, { title: 'QoE', questions: '9/12' });
    const draft = await createDraft(db, { title: 'QoE', language: 'fr' }, Y.encodeStateAsUpdate(seed));
    const doc = await loadDraftDoc(db, draft.id);
    const writes = recordUpdates(doc, (update) => appendDraftUpdate(db, draft.id, update, { title: 'QoE v2' }));
    writeCover(doc, { title: 'QoE v2' });
    for (const word of ['Un', 'deux', 'trois']) type(doc, word);
    await Promise.all(writes);

    const reopened = await loadDraftDoc(db, draft.id);
    expect(readCover(reopened, 'en')).toMatchObject({ title: 'QoE v2', questions: '9/12' });
    expect(bodyText(bodyJson(reopened))).toBe('Un\ndeux\ntrois');
    expect(await db.outbox.filter((entry) => entry.table === 'draftUpdates').count()).toBe(5);
    expect((await db.drafts.get(draft.id))?.title).toBe('QoE v2');
  });

  it('compacts many small updates into one state, the document unchanged', async () => {
    const db = fresh();
    const draft = await createDraft(db, { title: 'Long', language: 'en' }, Y.encodeStateAsUpdate(new Y.Doc()));
    const doc = await loadDraftDoc(db, draft.id);
    const writes = recordUpdates(doc, (update) => appendDraftUpdate(db, draft.id, update));
    for (let i = 0; i < 250; i++) type(doc, `line ${i}`);
    await Promise.all(writes);
    await compactDraft(db, draft.id);
    expect(await db.draftUpdates.where('draftId').equals(draft.id).count()).toBe(1);
    expect(bodyJson(await loadDraftDoc(db, draft.id))).toEqual(bodyJson(doc));
  });

  it('merges a carried-in copy after keeping the present version as a snapshot', async () => {
    const db = fresh();
    const original = new Y.Doc();
    type(original, 'Shared start.');
    const draft = await createDraft(db, { title: 'Shared', language: 'en' }, Y.encodeStateAsUpdate(original));
    await moveDraftToTrash(db, draft.id);
    const away = new Y.Doc();
    Y.applyUpdate(away, Y.encodeStateAsUpdate(original));
    type(away, 'Written elsewhere.');

    const before = await mergeIntoDraft(db, draft.id, Y.encodeStateAsUpdate(away), { title: 'Shared v2' });
    expect(await db.drafts.get(draft.id)).toMatchObject({ title: 'Shared v2', deletedAt: null });
    expect(bodyText(bodyJson(await loadDraftDoc(db, draft.id)))).toBe('Shared start.\nWritten elsewhere.');
    const kept = new Y.Doc();
    Y.applyUpdate(kept, (await db.draftSnapshots.get(before.id))!.state);
    expect(before.kind).toBe('before-merge');
    expect(bodyText(bodyJson(kept))).toBe('Shared start.');
  });

  it('reads what it can of a draft with an unreadable update, and replaces its state', async () => {
    const db = fresh();
    const seed = new Y.Doc();
    type(seed, 'Readable.');
    const draft = await createDraft(db, { title: 'Hurt', language: 'en' }, Y.encodeStateAsUpdate(seed));
    await db.draftUpdates.add({ draftId: draft.id, update: new Uint8Array([255, 255, 255, 255, 1]), createdAt: '' });
    await expect(loadDraftDoc(db, draft.id)).rejects.toThrow();

    const { doc, unreadable } = await readDraftLeniently(db, draft.id);
    expect(unreadable).toBe(1);
    expect(bodyText(bodyJson(doc))).toBe('Readable.');
    await replaceDraftState(db, draft.id, doc, Y.encodeStateAsUpdate(doc), {});
    expect(bodyText(bodyJson(await loadDraftDoc(db, draft.id)))).toBe('Readable.');
    expect((await db.draftSnapshots.where('draftId').equals(draft.id).first())?.kind).toBe('before-restore');
  });

  it('duplicates, and moves to the trash and back', async () => {
    const db = fresh();
    const seed = new Y.Doc();
    type(seed, 'Body');
    const draft = await createDraft(db, { title: 'Original', language: 'ar' }, Y.encodeStateAsUpdate(seed));
    const copy = await duplicateDraft(db, draft.id, 'Copy of Original');
    expect(copy).toMatchObject({ title: 'Copy of Original', language: 'ar', status: 'draft' });
    expect(bodyText(bodyJson(await loadDraftDoc(db, copy.id)))).toBe('Body');
    await moveDraftToTrash(db, draft.id);
    expect((await db.drafts.get(draft.id))?.deletedAt).not.toBeNull();
    await restoreDraftFromTrash(db, draft.id);
    expect((await db.drafts.get(draft.id))?.deletedAt).toBeNull();
  });
});
