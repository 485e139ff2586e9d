import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { db } from '../../../db';
import { compactDraft, loadDraftDoc, takeSnapshot } from '../../../db/drafts';
import { onRemoteDraftUpdates } from '../../../db/remoteDraftUpdates';
import type { LanguageCode } from '../../../i18n/languages';
import { draftListFields, readCover, type CoverFields } from '../model/draftDoc';
import { draftDocProblem, type DraftDocProblem } from '../model/validateDraft';
import { DRAFT_CHANGE_MARK, writerOf, type WriterState } from './draftWriter';

export type SaveState = 'saved' | 'saving' | 'failed';

/** Why a draft opens in safe mode instead of the editor. */
export type UnopenableReason = 'unreadable' | DraftDocProblem | 'crashed';

export type OpenedDraft =
  { status: 'loading' } | { status: 'open'; doc: Y.Doc } | { status: 'unopenable'; reason: UnopenableReason };

/** The origin of changes pulled from the hub: stored already, so never stored or queued again. */
export const REMOTE_ORIGIN = 'remote';

/** A snapshot is taken automatically after this long of editing. */
const AUTO_SNAPSHOT_MS = 5 * 60 * 1000;

export function saveStateOf(state: WriterState): SaveState {
  return state.failure ? 'failed' : state.waiting > 0 ? 'saving' : 'saved';
}

/**
 * Opens a draft's document and stores every change as it happens (through the draft's writer,
 * which keeps what the disk refused in memory and retries). A draft whose stored state cannot be
 * read, or would not fit the editor, is reported unopenable: the page offers safe mode.
 */
export function useDraftDocument(draftId: string, fallbackLanguage: LanguageCode, opening = 0) {
  // Tagged with the opening it belongs to, so that another draft (or a reopening) shows as loading.
  const openingKey = `${draftId}#${opening}`;
  const [state, setState] = useState<{ key: string; opened: OpenedDraft }>({
    key: '',
    opened: { status: 'loading' },
  });
  const opened: OpenedDraft = state.key === openingKey ? state.opened : { status: 'loading' };
  const writer = writerOf(draftId);
  const writerState = useSyncExternalStore(
    (listener) => writer.subscribe(listener),
    () => writer.state(),
  );

  useEffect(() => {
    let isActive = true;
    let loadedDoc: Y.Doc | null = null;
    // Listening from before the load: updates pulled while it reads are applied once it is done
    // (applying one twice changes nothing).
    const pulledDuringLoad: Uint8Array[] = [];
    const applyRemote = (updates: readonly Uint8Array[]) => {
      if (!loadedDoc) return void pulledDuringLoad.push(...updates);
      const doc = loadedDoc;
      doc.transact(() => {
        for (const update of updates) Y.applyUpdate(doc, update);
      }, REMOTE_ORIGIN);
    };
    const stopRemote = onRemoteDraftUpdates((news) => {
      if (news.draftId === draftId) applyRemote(news.updates);
    });
    let lastSnapshot = Date.now();
    const setOpened = (next: OpenedDraft) => setState({ key: openingKey, opened: next });

    void (async () => {
      // Compaction only saves space: a full disk must not keep the draft from opening.
      await compactDraft(db, draftId).catch((error: unknown) => console.warn('Draft not compacted', error));
      let loaded: Y.Doc;
      try {
        loaded = await loadDraftDoc(db, draftId);
        // Changes the disk refused earlier in this session are still in memory: on top they go.
        loaded.transact(() => {
          for (const update of writer.unsaved()) Y.applyUpdate(loaded, update);
        }, 'load');
      } catch (error) {
        console.error('Draft not readable', error);
        if (isActive) setOpened({ status: 'unopenable', reason: 'unreadable' });
        return;
      }
      if (!isActive) return;
      const problem = draftDocProblem(loaded);
      if (problem) {
        setOpened({ status: 'unopenable', reason: problem });
        return;
      }
      loadedDoc = loaded;
      loaded.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === 'load' || origin === REMOTE_ORIGIN) return;
        // Marks for `npm run bench`: from a change to its commit in IndexedDB.
        performance.mark(DRAFT_CHANGE_MARK);
        writer.push(update, draftListFields(loaded, fallbackLanguage));
        if (Date.now() - lastSnapshot > AUTO_SNAPSHOT_MS) {
          lastSnapshot = Date.now();
          void takeSnapshot(db, draftId, loaded, 'auto').catch(() => undefined);
        }
      });
      applyRemote(pulledDuringLoad.splice(0));
      setOpened({ status: 'open', doc: loaded });
    })();
    return () => {
      isActive = false;
      stopRemote();
      loadedDoc?.destroy();
    };
  }, [draftId, fallbackLanguage, writer, openingKey]);

  return { opened, writer, writerState, saveState: saveStateOf(writerState) };
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
