import * as Y from 'yjs';
import { db } from '../../db';
import {
  changeDraft,
  createDraft,
  draftById,
  duplicateDraft,
  loadDraftDoc,
  mergeIntoDraft,
  moveDraftToTrash,
  readDraftLeniently,
  replaceDraftState,
  restoreDraftFromTrash,
  storedUpdatesOf,
  takeSnapshot,
} from '../../db/drafts';
import type { DraftRecord, DraftSnapshotRecord, DraftStatus } from '../../db/records';
import { isStorageFull, spaceToFree } from '../../db/storage';
import type { LanguageCode } from '../../i18n/languages';
import { bridge } from '../../platform/bridge';
import { navigate } from '../../state/view';
import { deletesMost, planMerge, restoreVersion, type DraftChange } from './model/draftChange';
import { draftListFields, emptyCover, readCover, writeCover } from './model/draftDoc';
import { decodeGapdraft, encodeRawGapdraft, GapdraftError } from './model/gapdraft';
import { draftDocProblem, validSnapshotDoc, type DraftDocProblem } from './model/validateDraft';

export async function startDraft(language: LanguageCode): Promise<void> {
  const doc = new Y.Doc();
  writeCover(doc, emptyCover(language));
  const draft = await createDraft(db, { title: '', language }, Y.encodeStateAsUpdate(doc));
  navigate('drafts', 'edit', draft.id);
}

export async function copyDraft(id: string, title: string): Promise<void> {
  await duplicateDraft(db, id, title);
}

export type ImportRefusal =
  | GapdraftError['code']
  | DraftDocProblem
  /** The copy on this device cannot be read: it must be recovered (safe mode) first. */
  | 'local-unreadable'
  | 'disk-full'
  | 'not-stored';

export type GapdraftOutcome =
  | { kind: 'created'; draftId: string }
  | { kind: 'merged'; draftId: string; title: string; beforeMerge: string; change: DraftChange }
  /** The merge would delete most of the draft: nothing is changed until the delegate confirms. */
  | { kind: 'confirm'; draftId: string; title: string; change: DraftChange; merge: () => Promise<GapdraftOutcome> }
  /** `needed`: bytes to free, when the disk is full. */
  | { kind: 'refused'; code: ImportRefusal; needed?: number };

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** A storage error as an outcome the delegate can act on; anything else is a bug and is thrown. */
function refusalOf(error: unknown, fileBytes: number): GapdraftOutcome {
  if (error instanceof GapdraftError) return { kind: 'refused', code: error.code };
  if (isStorageFull(error)) return { kind: 'refused', code: 'disk-full', needed: spaceToFree(fileBytes) };
  if (error instanceof Error && /Dexie|IDB|Database|Transaction/.test(`${error.name} ${error.constructor.name}`)) {
    return { kind: 'refused', code: 'not-stored' };
  }
  throw error;
}

async function mergeChecked(existing: DraftRecord, update: Uint8Array, confirmed: boolean): Promise<GapdraftOutcome> {
  let present: Y.Doc;
  try {
    present = await loadDraftDoc(db, existing.id);
  } catch {
    return { kind: 'refused', code: 'local-unreadable' };
  }
  const plan = planMerge(present, update);
  if (plan.problem) return { kind: 'refused', code: plan.problem };
  const title = readCover(plan.merged, existing.language).title;
  const merge = async (): Promise<GapdraftOutcome> => {
    try {
      const snapshot = await mergeIntoDraft(db, existing.id, update, draftListFields(plan.merged, existing.language));
      return { kind: 'merged', draftId: existing.id, title, beforeMerge: snapshot.id, change: plan.change };
    } catch (error) {
      return refusalOf(error, update.byteLength);
    }
  };
  if (deletesMost(plan.change) && !confirmed) {
    return { kind: 'confirm', draftId: existing.id, title: existing.title, change: plan.change, merge };
  }
  return merge();
}

/** Files written before the status moved into the document carry it beside: it goes in. */
function withStatusInCover(update: Uint8Array, status: DraftStatus): Uint8Array {
  const doc = docOf(update);
  if (doc.getMap('cover').has('status') || status === 'draft') return update;
  writeCover(doc, { status });
  return Y.encodeStateAsUpdate(doc);
}

/**
 * Reads a .gapdraft file and adds the draft, or merges it into the copy on this device after
 * trying it on a scratch copy: a file that would not open, or a failed write, changes nothing;
 * a merge that would delete most of the draft waits for the delegate's word.
 */
export async function importGapdraft(file: Blob): Promise<GapdraftOutcome> {
  try {
    const { meta, update: fileUpdate } = decodeGapdraft(await file.arrayBuffer());
    const update = withStatusInCover(fileUpdate, meta.status);
    const existing = await draftById(db, meta.id);
    if (existing) return await mergeChecked(existing, update, false);
    const problem = draftDocProblem(docOf(update));
    if (problem) return { kind: 'refused', code: problem };
    await createDraft(db, meta, update);
    return { kind: 'created', draftId: meta.id };
  } catch (error) {
    return refusalOf(error, file.size);
  }
}

/**
 * Makes a draft read as one of its snapshots again (the present version kept as a snapshot), as
 * new changes when its stored updates can all be read, or by replacing them with what can be
 * read, restored, when some cannot (safe mode). False when the snapshot itself would not open.
 */
export async function restoreSnapshot(draftId: string, snapshotId: string, fallbackLanguage: LanguageCode) {
  const snapshot = await db.draftSnapshots.get(snapshotId);
  if (!snapshot || snapshot.draftId !== draftId) return false;
  const version = validSnapshotDoc(snapshot.state);
  if (!version) return false;
  const { doc: readable, unreadable } = await readDraftLeniently(db, draftId);
  if (unreadable === 0) {
    await changeDraft(
      db,
      draftId,
      (doc) => {
        restoreVersion(doc, version, fallbackLanguage);
        return draftListFields(doc, fallbackLanguage);
      },
      'before-restore',
    );
  } else {
    const restored = docOf(Y.encodeStateAsUpdate(readable));
    restoreVersion(restored, version, fallbackLanguage);
    await replaceDraftState(
      db,
      draftId,
      readable,
      Y.encodeStateAsUpdate(restored),
      draftListFields(restored, fallbackLanguage),
    );
  }
  return true;
}

/** Safe mode's way out when nothing else works: the raw stored state, in a .gapdraft file. */
export async function saveRawDraft(draft: DraftRecord): Promise<boolean> {
  const [{ doc }, updates] = await Promise.all([readDraftLeniently(db, draft.id), storedUpdatesOf(db, draft.id)]);
  const text = encodeRawGapdraft(
    draft,
    doc,
    updates.map((u) => u.update),
  );
  return bridge.saveFile(`${(draft.title.trim() || 'draft').slice(0, 80)} (raw)`, text, 'gapdraft');
}

export async function saveDocx(name: string, blob: Blob): Promise<boolean> {
  return bridge.saveFile(name, new Uint8Array(await blob.arrayBuffer()), 'docx');
}

/** The status is a cover field: set in the open document, it is saved and synced with it. */
export function setStatus(doc: Y.Doc, status: DraftStatus): void {
  writeCover(doc, { status });
}

export function moveToTrash(draftId: string): Promise<void> {
  return moveDraftToTrash(db, draftId);
}

export function restoreFromTrash(draftId: string): Promise<void> {
  return restoreDraftFromTrash(db, draftId);
}

/** Keeps the draft as it is now in its history. */
export function keepVersion(
  draftId: string,
  doc: Y.Doc,
  kind: DraftSnapshotRecord['kind'],
): Promise<DraftSnapshotRecord> {
  return takeSnapshot(db, draftId, doc, kind);
}
