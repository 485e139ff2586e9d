import { runSyncCycle, type SyncStore } from './syncCycle';
import { startSyncLoop, type SyncLoop, type SyncStatus } from './syncLoop';
import { CLOCK_WARNING_MS, type SyncStatusStore } from './syncStatus';
import type { SyncTransport } from './transport';

/** The system's word on the network: a hint only; the hub's answer is the proof. */
export interface Connectivity {
  isOnline(): boolean;
  /** Calls `onOnline` when the network comes back; returns the unsubscribe. */
  onOnline(onOnline: () => void): () => void;
}

export const browserConnectivity: Connectivity = {
  isOnline: () => navigator.onLine,
  onOnline(onOnline) {
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  },
};

export interface SyncServiceOptions {
  transport: SyncTransport;
  /** The engine's store for this profile (renderer/db/syncStore.ts in the app). */
  openStore: () => Promise<SyncStore>;
  /** Calls `listener` with the outbox count now and after every change; returns the unsubscribe. */
  watchPending: (listener: (count: number) => void) => () => void;
  /** Runs the loop under the profile's lock (webLock in the app), one loop per profile. */
  withLock: (task: () => Promise<void>) => Promise<void>;
  status: SyncStatusStore;
  connectivity?: Connectivity;
  /** A local write is pushed this long after the last one, so a burst of typing makes one request. */
  writeDebounceMs?: number;
  /** Between cycles when nothing happens. */
  idleMs?: number;
  now?: () => number;
  random?: () => number;
  /**
   * Called after each cycle that reached the hub (e.g. to look for signed pack updates). Not
   * awaited: whatever it starts runs beside the loop and never holds up the next cycle.
   */
  afterCycle?: () => void;
}

export interface SyncService {
  /** Sync now, even in a backoff (the "Sync now" button). */
  syncNow(): void;
  /** A cycle soon, unless the loop is backing off after a failure (it never hammers a failing hub). */
  syncSoon(): void;
  /** Stops the loop, releases the lock; resolves when it has stopped. */
  stop(): Promise<void>;
  /** Resolves when the loop ends by itself (the hub refused the session) or is stopped. */
  readonly done: Promise<void>;
}

export const WRITE_DEBOUNCE_MS = 3_000;

/**
 * Runs this profile's sync loop while signed in: a cycle at once, after the network comes back, a
 * few seconds after a local write, on a timer, and on demand; and keeps the status store saying
 * where it stands. Everything runs in the background: nothing here waits on the interface or
 * makes it wait.
 */
export function startSyncService(options: SyncServiceOptions): SyncService {
  const { status, connectivity = browserConnectivity, writeDebounceMs = WRITE_DEBOUNCE_MS } = options;
  const now = options.now ?? Date.now;
  let loop: SyncLoop | null = null;
  let stopped = false;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let lastCount: number | undefined;

  function showLoopStatus(loopStatus: SyncStatus) {
    if (stopped) return;
    switch (loopStatus.state) {
      case 'syncing':
        status.setState({ status: { phase: 'syncing' } });
        break;
      case 'up-to-date':
        status.setState({ status: { phase: 'synced', at: loopStatus.at }, lastSyncedAt: loopStatus.at });
        break;
      case 'offline':
        status.setState({ status: { phase: 'offline' } });
        break;
      case 'waiting':
        status.setState({
          status:
            loopStatus.failure === 'offline'
              ? { phase: 'offline' }
              : { phase: 'failed', failure: loopStatus.failure, retryAt: loopStatus.retryAt },
        });
        break;
      case 'signed-out':
        status.setState({ status: { phase: 'session-ended' } });
        break;
    }
  }

  const storePromise = options.openStore();
  // A store that fails to open fails each cycle (shown, retried); this only marks it as handled.
  storePromise.catch(() => undefined);
  // Until this window holds the lock, another one syncs the profile.
  status.setState({ status: { phase: 'other-window' } });

  const stopWatching = options.watchPending((count) => {
    status.setState({ pending: count });
    const grew = lastCount !== undefined && count > lastCount;
    lastCount = count;
    if (!grew) return;
    clearTimeout(debounce);
    debounce = setTimeout(() => loop?.nudge(), writeDebounceMs);
  });
  const stopListening = connectivity.onOnline(() => loop?.retryNow());

  loop = startSyncLoop({
    async runCycle() {
      const report = await runSyncCycle(await storePromise, options.transport);
      if (report.serverTime) {
        const skew = Date.parse(report.serverTime) - now();
        status.setState({ clockSkewMs: Math.abs(skew) > CLOCK_WARNING_MS ? skew : null });
      }
      try {
        options.afterCycle?.();
      } catch (error) {
        console.error('After a sync cycle', error);
      }
      return report;
    },
    isOnline: () => connectivity.isOnline(),
    onStatus: showLoopStatus,
    withLock: options.withLock,
    ...(options.idleMs === undefined ? {} : { idleMs: options.idleMs }),
    now,
    ...(options.random ? { random: options.random } : {}),
  });

  const done = loop.done.finally(() => {
    clearTimeout(debounce);
    stopWatching();
    stopListening();
  });

  return {
    syncNow: () => loop?.retryNow(),
    syncSoon: () => loop?.nudge(),
    async stop() {
      stopped = true;
      loop?.stop();
      await done;
    },
    done,
  };
}
