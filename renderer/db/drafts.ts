import * as Y from 'yjs';
import type { GapbridgeDatabase } from './database';
import type { DraftRecord, DraftSnapshotRecord, DraftUpdateRecord } from './records';
import { recordChange, syncScope } from './syncedChanges';
import { syncedFields } from './syncedFields';

/** Updates beyond this are merged into one on opening a draft, keeping storage small. */
const COMPACT_AFTER = 200;

export function allDrafts(db: GapbridgeDatabase): Promise<DraftRecord[]> {
  return db.drafts.orderBy('updatedAt').reverse().toArray();
}

export function draftById(db: GapbridgeDatabase, id: string) {
  return db.drafts.get(id);
}

/** The draft's document, rebuilt from its stored updates in the order they were written. */
export async function loadDraftDoc(db: GapbridgeDatabase, draftId: string): Promise<Y.Doc> {
  const updates = await db.draftUpdates.where('draftId').equals(draftId).sortBy('seq');
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const { update } of updates) Y.applyUpdate(doc, update);
  }, 'load');
  return doc;
}

/** The list fields copied from a draft's document with each change. */
export type DraftMetaChange = Partial<Pick<DraftRecord, 'title' | 'meetingId' | 'language' | 'status'>>;

/** The tables a change of a draft touches. */
function draftScope(db: GapbridgeDatabase) {
  return [db.draftUpdates, db.drafts, db.draftAccess, ...syncScope(db)];
}

/** A change of a draft shared with this person as a reader: refused before anything is stored. */
export class ReadOnlyDraftError extends Error {
  constructor(readonly draftId: string) {
    super(`Draft ${draftId} is shared with you to read only`);
    this.name = 'ReadOnlyDraftError';
  }
}

/** Whether this person may only read the draft (the hub's last word on it, kept offline). */
export async function isReadOnlyDraft(db: GapbridgeDatabase, draftId: string): Promise<boolean> {
  return (await db.draftAccess.get(draftId))?.role === 'reader';
}

/**
 * Stores one change of a draft's document with the draft's list fields, queued for the hub, in
 * one transaction: when this resolves, the keystroke is on disk. A changed language or meeting is
 * queued too (the `drafts` table); title and status are copies of the document, never sent.
 */
export async function appendDraftUpdate(
  db: GapbridgeDatabase,
  draftId: string,
  update: Uint8Array,
  meta: DraftMetaChange = {},
): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction('rw', draftScope(db), async () => {
    // The hub would refuse it; a reader's device never queues it (nor stores it as if saved).
    if (await isReadOnlyDraft(db, draftId)) throw new ReadOnlyDraftError(draftId);
    const changeId = crypto.randomUUID();
    const hlc = await recordChange(db, syncedFields.draftUpdate(changeId, draftId, update));
    await db.draftUpdates.add({ changeId, hlc, draftId, update, createdAt: now });
    const draft = await db.drafts.get(draftId);
    if (!draft) throw new Error(`No draft ${draftId}`);
    const updated: DraftRecord = { ...draft, ...meta, updatedAt: now };
    if (updated.language !== draft.language || updated.meetingId !== draft.meetingId) {
      updated.hlc = await recordChange(db, syncedFields.draft(updated));
    }
    await db.drafts.put(updated);
  });
}

/** Puts a draft in the trash or takes it out (trash is per person: it syncs). */
async function setTrashed(db: GapbridgeDatabase, id: string, deletedAt: string | null): Promise<void> {
  const draft = await db.drafts.get(id);
  if (!draft || draft.deletedAt === deletedAt) return;
  const trashHlc = await recordChange(db, syncedFields.draftTrash({ id, deletedAt }));
  await db.drafts.put({ ...draft, deletedAt, trashHlc });
}

export async function createDraft(
  db: GapbridgeDatabase,
  draft: Pick<DraftRecord, 'title' | 'language'> &
    Partial<Pick<DraftRecord, 'id' | 'status' | 'meetingId' | 'createdAt'>>,
  initialState: Uint8Array,
): Promise<DraftRecord> {
  const now = new Date().toISOString();
  const record: DraftRecord = {
    id: draft.id ?? crypto.randomUUID(),
    title: draft.title,
    status: draft.status ?? 'draft',
    meetingId: draft.meetingId ?? null,
    language: draft.language,
    createdAt: draft.createdAt ?? now,
    updatedAt: now,
    deletedAt: null,
  };
  await db.transaction('rw', draftScope(db), async () => {
    record.hlc = await recordChange(db, syncedFields.draft(record));
    await db.drafts.add(record);
    await appendDraftUpdate(db, record.id, initialState);
  });
  return record;
}

export async function moveDraftToTrash(db: GapbridgeDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.drafts, ...syncScope(db)], () => setTrashed(db, id, new Date().toISOString()));
}

export async function restoreDraftFromTrash(db: GapbridgeDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.drafts, ...syncScope(db)], () => setTrashed(db, id, null));
}

export async function duplicateDraft(db: GapbridgeDatabase, id: string, titleOfCopy: string): Promise<DraftRecord> {
  const [source, doc] = await Promise.all([db.drafts.get(id), loadDraftDoc(db, id)]);
  if (!source) throw new Error(`No draft ${id}`);
  return createDraft(
    db,
    { title: titleOfCopy, language: source.language, meetingId: source.meetingId },
    Y.encodeStateAsUpdate(doc),
  );
}

/** Replaces many small updates with the one state they add up to (same document, less storage). */
export async function compactDraft(db: GapbridgeDatabase, draftId: string): Promise<void> {
  await db.transaction('rw', db.draftUpdates, async () => {
    const updates = await db.draftUpdates.where('draftId').equals(draftId).sortBy('seq');
    if (updates.length <= COMPACT_AFTER) return;
    const merged = Y.mergeUpdates(updates.map((u) => u.update));
    await db.draftUpdates.bulkDelete(updates.map((u) => u.seq!));
    await db.draftUpdates.add({
      draftId,
      update: merged,
      createdAt: new Date().toISOString(),
      merged: syncedChangesOf(updates),
    });
  });
}

export async function takeSnapshot(
  db: GapbridgeDatabase,
  draftId: string,
  doc: Y.Doc,
  kind: DraftSnapshotRecord['kind'],
): Promise<DraftSnapshotRecord> {
  const snapshot: DraftSnapshotRecord = {
    id: crypto.randomUUID(),
    draftId,
    createdAt: new Date().toISOString(),
    kind,
    state: Y.encodeStateAsUpdate(doc),
  };
  await db.draftSnapshots.add(snapshot);
  return snapshot;
}

export function snapshotsOf(db: GapbridgeDatabase, draftId: string): Promise<DraftSnapshotRecord[]> {
  return db.draftSnapshots.where('draftId').equals(draftId).reverse().sortBy('createdAt');
}

/**
 * Merges a carried-in state into a draft (the caller has tried it on a copy), keeping the present
 * version as a snapshot first, in one transaction: restoring that snapshot undoes the merge.
 */
export async function mergeIntoDraft(
  db: GapbridgeDatabase,
  draftId: string,
  update: Uint8Array,
  meta: DraftMetaChange,
): Promise<DraftSnapshotRecord> {
  return db.transaction('rw', [...draftScope(db), db.draftSnapshots], async () => {
    const present = await loadDraftDoc(db, draftId);
    const snapshot = await takeSnapshot(db, draftId, present, 'before-merge');
    await appendDraftUpdate(db, draftId, update, meta);
    await setTrashed(db, draftId, null);
    return snapshot;
  });
}

/**
 * Changes a draft that is not open in the editor (a restore from the list, or from safe mode):
 * the present version is kept as a snapshot, and the change is stored as one more update.
 */
export async function changeDraft(
  db: GapbridgeDatabase,
  draftId: string,
  change: (doc: Y.Doc) => DraftMetaChange,
  kind: DraftSnapshotRecord['kind'],
): Promise<void> {
  await db.transaction('rw', [...draftScope(db), db.draftSnapshots], async () => {
    const doc = await loadDraftDoc(db, draftId);
    await takeSnapshot(db, draftId, doc, kind);
    const before = Y.encodeStateVector(doc);
    const meta = change(doc);
    await appendDraftUpdate(db, draftId, Y.encodeStateAsUpdate(doc, before), meta);
  });
}

/** The synced changes that stored updates hold: their own, and those a compaction merged in. */
export function syncedChangesOf(updates: readonly DraftUpdateRecord[]): { changeId: string; hlc: string }[] {
  return updates.flatMap((update) => [
    ...(update.changeId && update.hlc ? [{ changeId: update.changeId, hlc: update.hlc }] : []),
    ...(update.merged ?? []),
  ]);
}

export function storedUpdatesOf(db: GapbridgeDatabase, draftId: string): Promise<DraftUpdateRecord[]> {
  return db.draftUpdates.where('draftId').equals(draftId).sortBy('seq');
}

/**
 * What can still be read of a draft whose stored updates do not all apply: each update on its
 * own, the unreadable ones left out (and counted).
 */
export async function readDraftLeniently(
  db: GapbridgeDatabase,
  draftId: string,
): Promise<{ doc: Y.Doc; unreadable: number }> {
  const doc = new Y.Doc();
  let unreadable = 0;
  for (const { update } of await storedUpdatesOf(db, draftId)) {
    try {
      Y.applyUpdate(doc, update, 'load');
    } catch {
      unreadable++;
    }
  }
  return { doc, unreadable };
}

/**
 * Replaces all of a draft's stored updates with one state (safe mode, when some could not be
 * read): the present readable version is kept as a snapshot first.
 */
export async function replaceDraftState(
  db: GapbridgeDatabase,
  draftId: string,
  present: Y.Doc,
  state: Uint8Array,
  meta: DraftMetaChange,
): Promise<void> {
  await db.transaction('rw', [...draftScope(db), db.draftSnapshots], async () => {
    await takeSnapshot(db, draftId, present, 'before-restore');
    // Only this device's copy: the hub keeps what it has, and the new state merges over it. The
    // changes removed here stay counted as received, so a re-pull does not bring them back.
    const removed = await db.draftUpdates.where('draftId').equals(draftId).toArray();
    await db.draftUpdates.where('draftId').equals(draftId).delete();
    await appendDraftUpdate(db, draftId, state, meta);
    const [latest] = await db.draftUpdates.where('draftId').equals(draftId).toArray();
    await db.draftUpdates.put({ ...latest!, merged: syncedChangesOf(removed) });
  });
}

/**
 * Removes a draft someone else shared with this person, once the hub says their access was
 * withdrawn (a `draftAccess` tombstone): the draft, its updates and snapshots, and the changes of
 * it still waiting to be sent (the hub would refuse them). Runs inside the pull's transaction.
 */
export async function removeWithdrawnDraft(db: GapbridgeDatabase, draftId: string): Promise<void> {
  await db.drafts.delete(draftId);
  await db.draftUpdates.where('draftId').equals(draftId).delete();
  await db.draftSnapshots.where('draftId').equals(draftId).delete();
  await db.draftAccess.delete(draftId);
  await db.outbox
    .filter((entry) =>
      entry.table === 'draftUpdates'
        ? entry.data?.['draftId'] === draftId
        : entry.table.startsWith('draft') && entry.key === draftId,
    )
    .delete();
}

/** Who may read and write a shared draft, as the hub last said; undefined for a draft never shared. */
export function draftAccessOf(db: GapbridgeDatabase, draftId: string) {
  return db.draftAccess.get(draftId);
}
