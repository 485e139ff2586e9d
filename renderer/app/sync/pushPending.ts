import type { SyncPhase, SyncStatusStore } from '../../sync/syncStatus';

export interface PushPendingOptions {
  status: SyncStatusStore;
  syncNow: () => void;
  /** Whether what must reach the hub is still in the outbox. */
  isPending: () => Promise<boolean>;
  /** Gives up after this long without the outbox emptying. */
  timeoutMs?: number;
  pollMs?: number;
}

export type PushOutcome = 'pushed' | 'offline' | 'failed' | 'signed-out' | 'timed-out';

/** A phase in which no cycle can push anything until the delegate acts. */
function stoppedOutcome(phase: SyncPhase): PushOutcome | null {
  if (phase.phase === 'signed-out' || phase.phase === 'session-ended' || phase.phase === 'question')
    return 'signed-out';
  return null;
}

/**
 * Syncs now and resolves once nothing pending is left in the outbox ('pushed'), or when the cycle
 * started for it ends short: offline, failed, or signed out. Polls the outbox as well, since
 * another window of the profile may be the one holding the sync lock.
 */
export async function pushPending({
  status,
  syncNow,
  isPending,
  timeoutMs = 60_000,
  pollMs = 250,
}: PushPendingOptions): Promise<PushOutcome> {
  const stopped = stoppedOutcome(status.getState().status);
  if (stopped) return stopped;
  if (!(await isPending())) return 'pushed';
  return new Promise<PushOutcome>((resolve) => {
    let hasStartedCycle = false;
    let isDone = false;
    const finish = (outcome: PushOutcome) => {
      if (isDone) return;
      isDone = true;
      unsubscribe();
      clearInterval(poll);
      clearTimeout(timeout);
      resolve(outcome);
    };
    const check = () =>
      void isPending().then(
        (pending) => !pending && finish('pushed'),
        () => finish('failed'),
      );
    const unsubscribe = status.subscribe(({ status: phase }) => {
      const halted = stoppedOutcome(phase);
      if (halted) return finish(halted);
      if (phase.phase === 'syncing') hasStartedCycle = true;
      else if (phase.phase === 'synced') check();
      // A failure counts only once the cycle asked for has run (not a backoff shown before it).
      else if (hasStartedCycle && phase.phase === 'offline') finish('offline');
      else if (hasStartedCycle && phase.phase === 'failed') finish(phase.failure === 'offline' ? 'offline' : 'failed');
    });
    const poll = setInterval(check, pollMs);
    const timeout = setTimeout(() => finish('timed-out'), timeoutMs);
    syncNow();
  });
}
