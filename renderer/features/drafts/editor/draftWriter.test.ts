import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftWriter, RETRY_DELAYS } from './draftWriter';

vi.mock('../../../db', () => ({ db: {} }));

function quotaError() {
  return Object.assign(new Error('Transaction aborted'), {
    name: 'AbortError',
    inner: new DOMException('Simulated: disk full', 'QuotaExceededError'),
  });
}

/** A disk that can be filled and emptied; what reaches it, in order. */
function fakeDisk() {
  const stored: Uint8Array[] = [];
  const disk = {
    isFull: false,
    stored,
    write: vi.fn(async (_id: string, update: Uint8Array) => {
      if (disk.isFull) throw quotaError();
      stored.push(update);
    }),
  };
  return disk;
}

function typing(doc: Y.Doc, writer: DraftWriter) {
  doc.on('update', (update: Uint8Array) => writer.push(update, {}));
  return (text: string) => doc.getText('t').insert(doc.getText('t').length, text);
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a draft writer on a full disk', () => {
  it('keeps every change in memory and stores them all, in order, once there is room', async () => {
    vi.useFakeTimers();
    const disk = fakeDisk();
    const writer = new DraftWriter('d1', disk.write);
    const doc = new Y.Doc();
    const type = typing(doc, writer);

    disk.isFull = true;
    for (const key of 'typed after the warning') type(key);
    await vi.advanceTimersByTimeAsync(0);
    expect(writer.state()).toMatchObject({ failure: 'disk-full', waiting: 'typed after the warning'.length });
    expect(writer.unsaved()).toHaveLength('typed after the warning'.length);

    // Retries wait longer each time while the disk stays full.
    const attempts = () => disk.write.mock.calls.length;
    const before = attempts();
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS[0]!);
    expect(attempts()).toBe(before + 1);
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS[0]!);
    expect(attempts()).toBe(before + 1);
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS[1]! - RETRY_DELAYS[0]!);
    expect(attempts()).toBe(before + 2);

    disk.isFull = false;
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS[2]!);
    expect(writer.state()).toEqual({ waiting: 0, waitingBytes: 0, failure: null });
    const reread = new Y.Doc();
    for (const update of disk.stored) Y.applyUpdate(reread, update);
    expect(reread.getText('t').toString()).toBe('typed after the warning');
  });

  it('tries again at once when asked', async () => {
    vi.useFakeTimers();
    const disk = fakeDisk();
    const writer = new DraftWriter('d2', disk.write);
    const type = typing(new Y.Doc(), writer);
    disk.isFull = true;
    type('x');
    await vi.advanceTimersByTimeAsync(0);
    disk.isFull = false;
    writer.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(writer.state().waiting).toBe(0);
    expect(disk.stored).toHaveLength(1);
  });

  it('reports a failure that is not a full disk as such', async () => {
    vi.useFakeTimers();
    const writer = new DraftWriter('d3', () => Promise.reject(new Error('Database closed')));
    typing(new Y.Doc(), writer)('x');
    await vi.advanceTimersByTimeAsync(0);
    expect(writer.state().failure).toBe('other');
  });
});
