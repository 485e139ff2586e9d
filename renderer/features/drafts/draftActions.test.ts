import * as Y from 'yjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.stubGlobal('window', { location: { hash: '' }, addEventListener: vi.fn(), removeEventListener: vi.fn() });
const { db } = await import('../../db');
const { createDraft, loadDraftDoc, snapshotsOf } = await import('../../db/drafts');
const { importGapdraft, restoreSnapshot } = await import('./draftActions');
const { BODY_FIELD, bodyJson, bodyText, readCover, writeCover } = await import('./model/draftDoc');
const { encodeGapdraft } = await import('./model/gapdraft');

const TEXT = 'Mobile money is now a main payment channel in many developing countries';

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** A draft stored on this device, and a copy of it "on a colleague's laptop" to edit. */
async function draftAndCopy() {
  const seed = new Y.Doc();
  writeCover(seed, { title: 'QoE of mobile money', language: 'en' });
  seed.getXmlFragment(BODY_FIELD).push([paragraph(TEXT)]);
  const draft = await createDraft(db, { title: 'QoE of mobile money', language: 'en' }, Y.encodeStateAsUpdate(seed));
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(seed));
  return { draft, copy };
}

function fileOf(draft: Awaited<ReturnType<typeof draftAndCopy>>['draft'], doc: Y.Doc): Blob {
  return new Blob([encodeGapdraft(draft, doc)]);
}

async function storedText(id: string): Promise<string> {
  return bodyText(bodyJson(await loadDraftDoc(db, id)));
}

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe('merging a .gapdraft file', () => {
  it('says what the merge changed, and undoes it in one step', async () => {
    const { draft, copy } = await draftAndCopy();
    copy.getXmlFragment(BODY_FIELD).push([paragraph('Define QoE indicators')]);
    const text = copy.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement;
    (text.get(0) as Y.XmlText).delete(0, 'Mobile money '.length);

    const outcome = await importGapdraft(fileOf(draft, copy));
    expect(outcome).toMatchObject({ kind: 'merged', change: { wordsAdded: 3, wordsRemoved: 2 } });
    expect(await storedText(draft.id)).toBe(`${TEXT.slice('Mobile money '.length)}\nDefine QoE indicators`);

    if (outcome.kind !== 'merged') throw new Error('not merged');
    expect(await restoreSnapshot(draft.id, outcome.beforeMerge, 'en')).toBe(true);
    expect(await storedText(draft.id)).toBe(TEXT);
    const kinds = (await snapshotsOf(db, draft.id)).map((s) => s.kind).sort();
    expect(kinds).toEqual(['before-merge', 'before-restore']);
  });

  it('asks before a merge that deletes all the text, and changes nothing until confirmed', async () => {
    const { draft, copy } = await draftAndCopy();
    const body = copy.getXmlFragment(BODY_FIELD);
    body.delete(0, body.length);
    writeCover(copy, { title: '' });

    const outcome = await importGapdraft(fileOf(draft, copy));
    expect(outcome).toMatchObject({ kind: 'confirm', change: { wordsRemoved: 16, wordsBefore: 16 } });
    expect(await storedText(draft.id)).toBe(TEXT);
    expect(await snapshotsOf(db, draft.id)).toEqual([]);

    if (outcome.kind !== 'confirm') throw new Error('no confirmation asked');
    const merged = await outcome.merge();
    expect(merged.kind).toBe('merged');
    expect(await storedText(draft.id)).toBe('');
    if (merged.kind !== 'merged') throw new Error('not merged');
    await restoreSnapshot(draft.id, merged.beforeMerge, 'en');
    expect(await storedText(draft.id)).toBe(TEXT);
    expect(readCover(await loadDraftDoc(db, draft.id), 'en').title).toBe('QoE of mobile money');
  });

  it.each([
    ['a number for the title', (doc: Y.Doc) => doc.getMap('cover').set('title', 42)],
    ['a string for the contacts', (doc: Y.Doc) => doc.getMap('cover').set('contacts', 'Amina')],
    ['an unknown purpose', (doc: Y.Doc) => doc.getMap('cover').set('purpose', 'phishing')],
    ['a Y.Text for the abstract', (doc: Y.Doc) => doc.getMap('cover').set('abstract', new Y.Text('x'))],
  ])('refuses a cover with %s, leaving the draft as it was', async (_, spoil) => {
    const { draft, copy } = await draftAndCopy();
    spoil(copy);
    const updates = await db.draftUpdates.count();
    expect(await importGapdraft(fileOf(draft, copy))).toEqual({ kind: 'refused', code: 'cover' });
    expect(await db.draftUpdates.count()).toBe(updates);
    expect(readCover(await loadDraftDoc(db, draft.id), 'en').title).toBe('QoE of mobile money');
  });

  it.each([
    ['an element the editor does not know', () => new Y.XmlElement('script')],
    [
      'a paragraph inside a paragraph',
      () => {
        const outer = new Y.XmlElement('paragraph');
        outer.insert(0, [paragraph('nested')]);
        return outer;
      },
    ],
    ['text outside any paragraph', () => new Y.XmlText('loose')],
    [
      'a list with a paragraph for an item',
      () => {
        const list = new Y.XmlElement('bulletList');
        list.insert(0, [paragraph('not an item')]);
        return list;
      },
    ],
  ])('refuses a body with %s, leaving the draft as it was', async (_, node) => {
    const { draft, copy } = await draftAndCopy();
    copy.getXmlFragment(BODY_FIELD).push([node()]);
    expect(await importGapdraft(fileOf(draft, copy))).toEqual({ kind: 'refused', code: 'body' });
    expect(await storedText(draft.id)).toBe(TEXT);
  });

  it('refuses a new draft whose body would not open, adding nothing', async () => {
    const { draft, copy } = await draftAndCopy();
    copy.getXmlFragment(BODY_FIELD).push([new Y.XmlElement('iframe')]);
    const file = fileOf({ ...draft, id: 'from-elsewhere' }, copy);
    expect(await importGapdraft(file)).toEqual({ kind: 'refused', code: 'body' });
    expect(await db.drafts.get('from-elsewhere')).toBeUndefined();
  });

  it('says the disk is full, and how much to free, instead of nothing', async () => {
    const { draft, copy } = await draftAndCopy();
    copy.getXmlFragment(BODY_FIELD).push([paragraph('More.')]);
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('Simulated: disk full', 'QuotaExceededError');
    });
    const outcome = await importGapdraft(fileOf(draft, copy));
    add.mockRestore();
    expect(outcome).toMatchObject({ kind: 'refused', code: 'disk-full', needed: 10_000_000 });
    expect(await storedText(draft.id)).toBe(TEXT);
    expect(await snapshotsOf(db, draft.id)).toEqual([]);
  });

  it('refuses to merge into a copy that cannot be read', async () => {
    const { draft, copy } = await draftAndCopy();
    await db.draftUpdates.add({ draftId: draft.id, update: new Uint8Array([255, 255, 255, 255, 1]), createdAt: '' });
    expect(await importGapdraft(fileOf(draft, copy))).toEqual({ kind: 'refused', code: 'local-unreadable' });
  });
});

describe('restoring in safe mode', () => {
  it('restores a snapshot of a draft with a corrupt stored update, keeping what could be read', async () => {
    const { draft } = await draftAndCopy();
    const doc = await loadDraftDoc(db, draft.id);
    const { takeSnapshot } = await import('../../db/drafts');
    const snapshot = await takeSnapshot(db, draft.id, doc, 'manual');
    await db.draftUpdates.add({ draftId: draft.id, update: new Uint8Array([255, 255, 255, 255, 1]), createdAt: '' });
    await expect(loadDraftDoc(db, draft.id)).rejects.toThrow();

    expect(await restoreSnapshot(draft.id, snapshot.id, 'en')).toBe(true);
    expect(await storedText(draft.id)).toBe(TEXT);
    expect((await snapshotsOf(db, draft.id)).map((s) => s.kind).sort()).toEqual(['before-restore', 'manual']);
  });

  it('refuses to restore a snapshot that would not open either', async () => {
    const { draft, copy } = await draftAndCopy();
    copy.getMap('cover').set('title', 7);
    const bad = await db.draftSnapshots.add({
      id: 'bad',
      draftId: draft.id,
      createdAt: new Date().toISOString(),
      kind: 'auto',
      state: Y.encodeStateAsUpdate(copy),
    });
    expect(await restoreSnapshot(draft.id, bad, 'en')).toBe(false);
    expect(await storedText(draft.id)).toBe(TEXT);
  });
});
