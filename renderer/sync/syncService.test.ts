import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStore } from './syncCycle';
import { startSyncService, type Connectivity } from './syncService';
import { createSyncStatusStore, type SyncPhase } from './syncStatus';
import { SyncTransportError, type SyncFailure, type SyncTransport } from './transport';
import { PROTOCOL_VERSION, type PushedChange, type SyncAnswer, type SyncRequest } from './wire';

/** An outbox in memory and a hub that answers each request from a script (then plainly). */
function harness(
  script: Array<SyncFailure | { serverTimeOffsetMs: number }> = [],
  { online: startOnline = true, lockFreed = Promise.resolve(), afterCycle = () => {} } = {},
) {
  let outbox: PushedChange[] = [];
  let seq = 0;
  const watchers = new Set<(count: number) => void>();
  const notify = () => watchers.forEach((listener) => listener(outbox.length));
  const store: SyncStore = {
    deviceId: 'device-0001',
    cursor: async () => 0,
    pending: async (limit) => outbox.slice(0, limit),
    async apply(answer) {
      outbox = outbox.filter((change) => change.seq > answer.acked);
      notify();
    },
  };
  const requests: SyncRequest[] = [];
  const transport: SyncTransport = {
    async exchange(request) {
      requests.push(request);
      const next = script.shift();
      if (next && 'kind' in next) throw new SyncTransportError(next);
      const answer: SyncAnswer = {
        protocol: PROTOCOL_VERSION,
        acked: request.changes.at(-1)?.seq ?? 0,
        rejected: [],
        changes: [],
        cursor: 0,
        more: false,
        serverTime: new Date(Date.now() + (next?.serverTimeOffsetMs ?? 0)).toISOString(),
      };
      return answer;
    },
  };
  let online = startOnline;
  const onlineListeners = new Set<() => void>();
  const connectivity: Connectivity = {
    isOnline: () => online,
    onOnline(listener) {
      onlineListeners.add(listener);
      return () => onlineListeners.delete(listener);
    },
  };
  let lockHeld = false;
  const status = createSyncStatusStore();
  const phases: SyncPhase['phase'][] = [];
  status.subscribe((state, previous) => {
    if (state.status !== previous.status) phases.push(state.status.phase);
  });
  const service = startSyncService({
    transport,
    openStore: async () => store,
    watchPending(listener) {
      watchers.add(listener);
      listener(outbox.length);
      return () => watchers.delete(listener);
    },
    async withLock(task) {
      await lockFreed;
      lockHeld = true;
      try {
        await task();
      } finally {
        lockHeld = false;
      }
    },
    status,
    connectivity,
    idleMs: 60_000,
    random: () => 1,
    afterCycle,
  });
  return {
    service,
    status,
    phases,
    requests,
    watcherCount: () => watchers.size,
    onlineListenerCount: () => onlineListeners.size,
    lockHeld: () => lockHeld,
    write() {
      outbox.push({ seq: ++seq, table: 'settings', key: 'reminderDays', op: 'put', hlc: 'x', v: 1, data: {} });
      notify();
    },
    comeBack() {
      online = true;
      onlineListeners.forEach((listener) => listener());
    },
  };
}

describe('the sync service', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-12-07T10:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('calls afterCycle after each cycle that reached the hub, not after a failed one, and does not wait for it', async () => {
    let calls = 0;
    // What afterCycle starts (a pack download) may take long: the loop does not wait for it.
    const afterCycle = () => {
      calls += 1;
      void new Promise(() => {});
    };
    const h = harness([{ kind: 'offline' }], { afterCycle });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.requests).toHaveLength(1);
    expect(calls).toBe(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(h.status.getState().status.phase).toBe('synced');
    // Every request after the failed first one reached the hub.
    expect(calls).toBe(h.requests.length - 1);
    expect(calls).toBeGreaterThan(0);
    h.service.syncNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(h.requests.length - 1);
    await h.service.stop();
  });

  it('syncs at once and says so: syncing, then synced at the time it finished', async () => {
    let freeLock = () => {};
    const h = harness([], { lockFreed: new Promise<void>((resolve) => (freeLock = resolve)) });
    await vi.advanceTimersByTimeAsync(10_000);
    // Another window of this profile holds the lock and syncs for both.
    expect(h.status.getState().status.phase).toBe('other-window');
    expect(h.requests).toHaveLength(0);
    freeLock();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.requests).toHaveLength(1);
    expect(h.phases).toEqual(['other-window', 'syncing', 'synced']);
    const finished = Date.parse('2026-12-07T10:00:10Z');
    expect(h.status.getState().status).toEqual({ phase: 'synced', at: finished });
    expect(h.status.getState().lastSyncedAt).toBe(finished);
    await h.service.stop();
  });

  it('pushes a few seconds after the last of a burst of writes, in one request, and counts what waits', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(0);
    h.write();
    await vi.advanceTimersByTimeAsync(2_000);
    h.write();
    h.write();
    expect(h.status.getState().pending).toBe(3);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(h.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.requests).toHaveLength(2);
    expect(h.requests[1]!.changes.map((change) => change.seq)).toEqual([1, 2, 3]);
    expect(h.status.getState().pending).toBe(0);
    // The outbox emptying is not a write: no further request until the timer.
    await vi.advanceTimersByTimeAsync(59_000);
    expect(h.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.requests).toHaveLength(3);
    await h.service.stop();
  });

  it('shows offline without trying, and syncs as soon as the network comes back', async () => {
    const h = harness([], { online: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.requests).toHaveLength(0);
    expect(h.status.getState().status.phase).toBe('offline');
    h.comeBack();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.requests).toHaveLength(1);
    expect(h.status.getState().status.phase).toBe('synced');
    await h.service.stop();
  });

  it('names a failure with when it tries again, and "Sync now" cuts the wait short', async () => {
    const h = harness([{ kind: 'busy', retryAfterMs: 120_000 }, { kind: 'offline' }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.status.getState().status).toEqual({
      phase: 'failed',
      failure: 'busy',
      retryAt: Date.parse('2026-12-07T10:02:00Z'),
    });
    h.service.syncNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.requests).toHaveLength(2);
    // A connection that breaks is "offline", whatever the system says.
    expect(h.status.getState().status.phase).toBe('offline');
    h.comeBack();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.status.getState().status.phase).toBe('synced');
    await h.service.stop();
  });

  it('warns when the hub clock and the device clock are more than five minutes apart, and only then', async () => {
    const h = harness([{ serverTimeOffsetMs: -7 * 60_000 }, { serverTimeOffsetMs: 60_000 }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.status.getState().status.phase).toBe('synced');
    expect(h.status.getState().clockSkewMs).toBe(-7 * 60_000);
    h.service.syncNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.status.getState().clockSkewMs).toBeNull();
    await h.service.stop();
  });

  it('stops on its own when the hub refuses the session, and lets go of the lock and the listeners', async () => {
    const h = harness([{ kind: 'signed-out' }]);
    await vi.advanceTimersByTimeAsync(0);
    await h.service.done;
    expect(h.status.getState().status.phase).toBe('session-ended');
    expect(h.lockHeld()).toBe(false);
    expect(h.watcherCount()).toBe(0);
    expect(h.onlineListenerCount()).toBe(0);
    h.write();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(h.requests).toHaveLength(1);
  });

  it('stop ends the loop: no request after it, not even for a write made just before', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.lockHeld()).toBe(true);
    h.write();
    await h.service.stop();
    expect(h.lockHeld()).toBe(false);
    expect(h.watcherCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(h.requests).toHaveLength(1);
  });
});
