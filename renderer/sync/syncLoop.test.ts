import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CycleReport } from './syncCycle';
import { startSyncLoop, type SyncStatus } from './syncLoop';
import { SyncTransportError, type SyncFailure } from './transport';

const report: CycleReport = {
  requests: 1,
  pushed: 0,
  pulled: 0,
  rejected: [],
  checksums: undefined,
  serverTime: undefined,
  repulled: [],
  mismatched: [],
};

function harness(outcomes: Array<'ok' | SyncFailure>, online = () => true) {
  const statuses: SyncStatus[] = [];
  const runCycle = vi.fn(async () => {
    const next = outcomes.shift() ?? 'ok';
    if (next !== 'ok') throw new SyncTransportError(next);
    return report;
  });
  const loop = startSyncLoop({
    runCycle,
    isOnline: online,
    onStatus: (status) => statuses.push(status),
    withLock: (task) => task(),
    idleMs: 60_000,
    backoff: { firstMs: 2_000, capMs: 300_000 },
    random: () => 1,
    now: () => Date.now(),
  });
  return { loop, runCycle, statuses };
}

describe('the sync loop', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('syncs at once, then after a quiet while, or sooner when a write nudges it', async () => {
    const { loop, runCycle, statuses } = harness([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(runCycle).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)?.state).toBe('up-to-date');
    loop.nudge();
    await vi.advanceTimersByTimeAsync(0);
    expect(runCycle).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runCycle).toHaveBeenCalledTimes(3);
    loop.stop();
    await loop.done;
  });

  it('backs off after failures, honours Retry-After, and a write does not cut the wait short', async () => {
    const { loop, runCycle, statuses } = harness([
      { kind: 'offline' },
      { kind: 'stalled' },
      { kind: 'busy', retryAfterMs: 120_000 },
    ]);
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)).toMatchObject({ state: 'waiting', failure: 'offline' });
    loop.nudge();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(runCycle).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runCycle).toHaveBeenCalledTimes(2); // after 2 s
    await vi.advanceTimersByTimeAsync(4_000);
    expect(runCycle).toHaveBeenCalledTimes(3); // after 4 s more
    expect(statuses.at(-1)).toMatchObject({ state: 'waiting', failure: 'busy' });
    await vi.advanceTimersByTimeAsync(119_999);
    expect(runCycle).toHaveBeenCalledTimes(3); // the hub asked for two minutes, longer than the backoff
    await vi.advanceTimersByTimeAsync(1);
    expect(runCycle).toHaveBeenCalledTimes(4);
    expect(statuses.at(-1)?.state).toBe('up-to-date');
    loop.stop();
    await loop.done;
  });

  it('retries at once when the network comes back', async () => {
    const { loop, runCycle } = harness([{ kind: 'offline' }, { kind: 'offline' }, { kind: 'offline' }]);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runCycle).toHaveBeenCalledTimes(2);
    loop.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(runCycle).toHaveBeenCalledTimes(3);
    loop.stop();
    await loop.done;
  });

  it('waits for a connection without trying, and stops when the session is gone', async () => {
    let online = false;
    const { loop, runCycle, statuses } = harness([{ kind: 'signed-out' }], () => online);
    await vi.advanceTimersByTimeAsync(0);
    expect(runCycle).not.toHaveBeenCalled();
    expect(statuses.at(-1)?.state).toBe('offline');
    online = true;
    loop.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)?.state).toBe('signed-out');
    await loop.done;
    await vi.advanceTimersByTimeAsync(600_000);
    expect(runCycle).toHaveBeenCalledTimes(1);
  });
});
