import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { db } from '../../../db';
import { appendDraftUpdate, compactDraft, loadDraftDoc, takeSnapshot } from '../../../db/drafts';
import type { LanguageCode } from '../../../i18n/languages';
import { readCover, type CoverFields } from '../model/draftDoc';

export type SaveState = 'saved' | 'saving' | 'failed';

export const DRAFT_CHANGE_MARK = 'gapbridge:draft-change';
export const DRAFT_SAVED_MARK = 'gapbridge:draft-saved';

/** A snapshot is taken automatically after this long of editing. */
const AUTO_SNAPSHOT_MS = 5 * 60 * 1000;

/**
 * Opens a draft's document and stores every change as it happens: each Yjs update is written to
 * IndexedDB (with the draft's list fields) in its own transaction, so a crash loses nothing that
 * was on screen a moment before.
 */
export function useDraftDocument(draftId: string, fallbackLanguage: LanguageCode) {
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');

  useEffect(() => {
    let isActive = true;
    let opened: Y.Doc | null = null;
    let lastSnapshot = Date.now();
    // Changes made while a write is under way are merged into the next write, so a burst of
    // typing costs one transaction, not one per key, and the delay to disk stays short.
    let waiting: Uint8Array[] = [];
    let isWriting = false;

    async function writeWaiting(loaded: Y.Doc) {
      isWriting = true;
      while (waiting.length > 0) {
        const batch = waiting;
        waiting = [];
        const cover = readCover(loaded, fallbackLanguage);
        try {
          await appendDraftUpdate(db, draftId, batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch), {
            title: cover.title,
            meetingId: cover.meetingId,
            language: cover.language,
          });
          for (let i = 0; i < batch.length; i++) performance.mark(DRAFT_SAVED_MARK);
        } catch (error) {
          console.error('Draft change not saved', error);
          waiting = [...batch, ...waiting];
          isWriting = false;
          if (isActive) setSaveState('failed');
          return;
        }
      }
      isWriting = false;
      if (isActive) setSaveState('saved');
    }

    void (async () => {
      await compactDraft(db, draftId);
      const loaded = await loadDraftDoc(db, draftId);
      if (!isActive) return;
      opened = loaded;
      loaded.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === 'load') return;
        // Marks for `npm run bench`: from a change to its commit in IndexedDB.
        performance.mark(DRAFT_CHANGE_MARK);
        waiting.push(update);
        setSaveState('saving');
        if (!isWriting) void writeWaiting(loaded);
        if (Date.now() - lastSnapshot > AUTO_SNAPSHOT_MS) {
          lastSnapshot = Date.now();
          void takeSnapshot(db, draftId, loaded, 'auto');
        }
      });
      setDoc(loaded);
    })();
    return () => {
      isActive = false;
      opened?.destroy();
    };
  }, [draftId, fallbackLanguage]);

  return { doc, saveState };
}

/** A store of a document's cover fields, refreshed whenever its cover map changes. */
function coverStore(doc: Y.Doc, fallbackLanguage: LanguageCode) {
  let cover = readCover(doc, fallbackLanguage);
  return {
    subscribe(onChange: () => void) {
      const map = doc.getMap('cover');
      const refresh = () => {
        cover = readCover(doc, fallbackLanguage);
        onChange();
      };
      map.observeDeep(refresh);
      return () => map.unobserveDeep(refresh);
    },
    read: () => cover,
  };
}

/** The cover fields, re-read whenever the document's cover map changes (here or by a merge). */
export function useCover(doc: Y.Doc, fallbackLanguage: LanguageCode): CoverFields {
  const store = useMemo(() => coverStore(doc, fallbackLanguage), [doc, fallbackLanguage]);
  return useSyncExternalStore(store.subscribe, store.read);
}
