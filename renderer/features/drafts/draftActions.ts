import * as Y from 'yjs';
import { db } from '../../db';
import { createDraft, duplicateDraft, importDraftState } from '../../db/drafts';
import type { LanguageCode } from '../../i18n/languages';
import { bridge } from '../../platform/bridge';
import { navigate } from '../../state/view';
import { emptyCover, writeCover } from './model/draftDoc';
import { decodeGapdraft, GapdraftError } from './model/gapdraft';

export async function startDraft(language: LanguageCode): Promise<void> {
  const doc = new Y.Doc();
  writeCover(doc, emptyCover(language));
  const draft = await createDraft(db, { title: '', language }, Y.encodeStateAsUpdate(doc));
  navigate('drafts', 'edit', draft.id);
}

export async function copyDraft(id: string, title: string): Promise<void> {
  await duplicateDraft(db, id, title);
}

export type GapdraftOutcome = { kind: 'created' | 'merged' } | { kind: 'refused'; code: GapdraftError['code'] };

/** Reads a .gapdraft file and merges or adds the draft; a bad file changes nothing. */
export async function importGapdraft(file: Blob): Promise<GapdraftOutcome> {
  try {
    const { meta, update } = decodeGapdraft(await file.arrayBuffer());
    return { kind: await importDraftState(db, meta, update) };
  } catch (error) {
    if (error instanceof GapdraftError) return { kind: 'refused', code: error.code };
    throw error;
  }
}

export async function saveDocx(name: string, blob: Blob): Promise<boolean> {
  return bridge.saveFile(name, new Uint8Array(await blob.arrayBuffer()), 'docx');
}
