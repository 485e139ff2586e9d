import { backoffDelayMs, SYNC_BACKOFF, type BackoffPolicy } from './backoff';
import type { CycleReport } from './syncCycle';
import { SyncTransportError, type SyncFailure } from './transport';

/** What the status bar shows about sync. */
export type SyncStatus =
  | { state: 'syncing' }
  | { state: 'up-to-date'; at: number }
  | { state: 'offline' }
  | { state: 'waiting'; failure: SyncFailure['kind'] | 'error'; retryAt: number }
  | { state: 'signed-out' };

export interface SyncLoopOptions {
  runCycle: () => Promise<CycleReport>;
  isOnline: () => boolean;
  onStatus: (status: SyncStatus) => void;
  /** Runs `task` while holding the profile's sync lock (Web Locks in the app), so one loop runs per profile. */
  withLock: (task: () => Promise<void>) => Promise<void>;
  /** Between successful cycles when nothing is written; a local write nudges the loop sooner. */
  idleMs?: number;
  backoff?: BackoffPolicy;
  now?: () => number;
  random?: () => number;
}

export interface SyncLoop {
  /** Something was written: sync soon, unless the loop is backing off after a failure. */
  nudge(): void;
  /** The network came back or the delegate asked: try now, even in a backoff. */
  retryNow(): void;
  stop(): void;
  /** Resolves when the loop has stopped (and released its lock). */
  readonly done: Promise<void>;
}

/**
 * Keeps the device in step with the hub: a cycle now, then again after a quiet while or a nudge;
 * after a failure, again after a jittered backoff (or the hub's Retry-After, if longer). A
 * signed-out session stops the loop until the delegate signs in again.
 */
export function startSyncLoop(options: SyncLoopOptions): SyncLoop {
  const { runCycle, isOnline, onStatus, withLock, idleMs = 5 * 60_000, backoff = SYNC_BACKOFF } = options;
  const now = options.now ?? Date.now;
  let stopped = false;
  let wake: (() => void) | null = null;
  let nudged = false;
  let backingOff = false;

  function pause(ms: number): Promise<void> {
    if (nudged || stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(finish, ms);
      function finish() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = finish;
    });
  }

  async function loop() {
    let failures = 0;
    while (!stopped) {
      nudged = false;
      if (!isOnline()) {
        onStatus({ state: 'offline' });
        await pause(idleMs);
        continue;
      }
      onStatus({ state: 'syncing' });
      try {
        await runCycle();
        failures = 0;
        onStatus({ state: 'up-to-date', at: now() });
        await pause(idleMs);
      } catch (error) {
        const failure = error instanceof SyncTransportError ? error.failure : null;
        if (failure?.kind === 'signed-out') {
          onStatus({ state: 'signed-out' });
          return;
        }
        const asked = failure && 'retryAfterMs' in failure ? (failure.retryAfterMs ?? 0) : 0;
        const delay = Math.max(asked, backoffDelayMs(failures, backoff, options.random));
        failures += 1;
        onStatus({ state: 'waiting', failure: failure?.kind ?? 'error', retryAt: now() + delay });
        // A write does not cut a backoff short: a flood of writes must not hammer a failing hub.
        nudged = false;
        backingOff = true;
        await pause(delay);
        backingOff = false;
      }
    }
  }

  const done = withLock(loop);
  return {
    nudge() {
      if (backingOff) return;
      nudged = true;
      wake?.();
    },
    retryNow() {
      nudged = true;
      wake?.();
    },
    stop() {
      stopped = true;
      wake?.();
    },
    done,
  };
}

/** One loop per profile across windows and tabs: the others wait and take over when it ends. */
export function webLock(profile: string): (task: () => Promise<void>) => Promise<void> {
  return async (task) => {
    await navigator.locks.request(`gapbridge-sync:${profile}`, task);
  };
}
