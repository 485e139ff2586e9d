import * as Y from 'yjs';
import { db } from '../../../db';
import { appendDraftUpdate, ReadOnlyDraftError, type DraftMetaChange } from '../../../db/drafts';
import { isStorageFull } from '../../../db/storage';

export const DRAFT_CHANGE_MARK = 'gapbridge:draft-change';
export const DRAFT_SAVED_MARK = 'gapbridge:draft-saved';

/** Waits between automatic retries of a failed write, in ms; the last repeats. */
export const RETRY_DELAYS = [1000, 2000, 4000, 8000];

export interface WriterState {
  /** Changes kept in memory, not yet on disk. */
  waiting: number;
  waitingBytes: number;
  failure: 'disk-full' | 'other' | null;
}

type Write = (draftId: string, update: Uint8Array, meta: DraftMetaChange) => Promise<void>;

/**
 * Writes one draft's changes to IndexedDB in order, and keeps every change in memory until it is
 * on disk: a failed write (a full disk) is retried by itself, with growing waits, for as long as
 * the app runs, whether or not the draft is still open.
 */
export class DraftWriter {
  private waiting: Uint8Array[] = [];
  private meta: DraftMetaChange = {};
  private isWriting = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<() => void>();
  private snapshot: WriterState = { waiting: 0, waitingBytes: 0, failure: null };

  constructor(
    readonly draftId: string,
    private readonly write: Write = (id, update, meta) => appendDraftUpdate(db, id, update, meta),
  ) {}

  push(update: Uint8Array, meta: DraftMetaChange): void {
    this.waiting.push(update);
    this.meta = meta;
    this.publish(this.snapshot.failure);
    // After a failure, new changes wait for the scheduled retry instead of hammering a full disk.
    if (!this.isWriting && !this.retryTimer) void this.flush();
  }

  /** The changes not yet on disk: applied on top of the stored ones when the draft is reopened. */
  unsaved(): readonly Uint8Array[] {
    return this.waiting;
  }

  state(): WriterState {
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  retryNow(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (!this.isWriting) void this.flush();
  }

  private async flush(): Promise<void> {
    this.isWriting = true;
    // Changes made while a write is under way go into the next write together, so a burst of
    // typing costs one transaction, not one per key.
    while (this.waiting.length > 0) {
      const batch = this.waiting.slice();
      try {
        await this.write(this.draftId, batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch), this.meta);
      } catch (error) {
        if (error instanceof ReadOnlyDraftError) {
          // Shared to read only (perhaps since this change was typed): the hub would refuse it.
          console.warn('Change of a read-only draft not kept', error);
          this.waiting.splice(0, batch.length);
          continue;
        }
        console.error('Draft change not saved', error);
        this.isWriting = false;
        this.scheduleRetry(isStorageFull(error) ? 'disk-full' : 'other');
        return;
      }
      this.waiting.splice(0, batch.length);
      this.failures = 0;
      for (let i = 0; i < batch.length; i++) performance.mark(DRAFT_SAVED_MARK);
      this.publish(null);
    }
    this.isWriting = false;
    this.publish(null);
  }

  private scheduleRetry(failure: NonNullable<WriterState['failure']>): void {
    const delay = RETRY_DELAYS[Math.min(this.failures, RETRY_DELAYS.length - 1)]!;
    this.failures++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
    this.publish(failure);
  }

  private publish(failure: WriterState['failure']): void {
    this.snapshot = {
      waiting: this.waiting.length,
      waitingBytes: this.waiting.reduce((sum, update) => sum + update.byteLength, 0),
      failure,
    };
    for (const listener of this.listeners) listener();
  }
}

const writers = new Map<string, DraftWriter>();

/** Closing the window or reloading while changes wait in memory: the browser asks first. */
function warnBeforeUnload(event: BeforeUnloadEvent): void {
  if (!hasUnsavedDrafts()) return;
  event.preventDefault();
  // Older Chromium (and Electron's) needs returnValue set to ask.
  event.returnValue = '';
}

export function writerOf(draftId: string): DraftWriter {
  if (writers.size === 0) window.addEventListener('beforeunload', warnBeforeUnload);
  let writer = writers.get(draftId);
  if (!writer) {
    writer = new DraftWriter(draftId);
    writers.set(draftId, writer);
  }
  return writer;
}

/** Whether any draft has changes that are only in memory. */
export function hasUnsavedDrafts(): boolean {
  return [...writers.values()].some((writer) => writer.state().waiting > 0);
}
