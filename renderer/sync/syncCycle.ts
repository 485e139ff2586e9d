import type { SyncTransport } from './transport';
import { MAX_CHANGES_PER_REQUEST, PROTOCOL_VERSION, type PushedChange, type Rejection, type SyncAnswer } from './wire';

/**
 * What the engine needs from the device's storage. The IndexedDB implementation keeps each call
 * to one transaction, which is what makes a cut at any moment harmless.
 */
export interface SyncStore {
  readonly deviceId: string;
  /** The last hub sequence number stored here; 0 at first. */
  cursor(): Promise<number>;
  /** The oldest outbox entries, in order, at most `limit`. */
  pending(limit: number): Promise<PushedChange[]>;
  /**
   * In one transaction: drop the outbox entries up to `answer.acked`, keep the rejections for the
   * delegate to see, merge the pulled changes, and move the cursor.
   */
  apply(answer: SyncAnswer): Promise<void>;
}

export interface CycleReport {
  requests: number;
  pushed: number;
  pulled: number;
  rejected: Rejection[];
  /** Per-table checksums from the hub's last page, for the store to compare with its own. */
  checksums: Record<string, string> | undefined;
  serverTime: string | undefined;
}

/** Pushed bytes per request, before compression: small enough to finish on a 2G link between drops. */
export const PUSH_BUDGET_CHARS = 512 * 1024;

function withinBudget(changes: PushedChange[]): PushedChange[] {
  let size = 0;
  const batch: PushedChange[] = [];
  for (const change of changes) {
    size += JSON.stringify(change).length;
    // One change larger than the budget still goes, alone.
    if (batch.length > 0 && size > PUSH_BUDGET_CHARS) break;
    batch.push(change);
  }
  return batch;
}

/**
 * One sync: requests until the outbox is empty and the hub has nothing more. Every request is
 * safe to repeat (the hub skips changes it has acknowledged), so a failure anywhere is simply
 * thrown to the caller, which waits and runs the cycle again.
 */
export async function runSyncCycle(
  store: SyncStore,
  transport: SyncTransport,
  maxRequests = 10_000,
): Promise<CycleReport> {
  const report: CycleReport = {
    requests: 0,
    pushed: 0,
    pulled: 0,
    rejected: [],
    checksums: undefined,
    serverTime: undefined,
  };
  for (;;) {
    const changes = withinBudget(await store.pending(MAX_CHANGES_PER_REQUEST));
    const answer = await transport.exchange({
      protocol: PROTOCOL_VERSION,
      deviceId: store.deviceId,
      cursor: await store.cursor(),
      changes,
    });
    await store.apply(answer);
    report.requests += 1;
    report.pushed += changes.filter((change) => change.seq <= answer.acked).length;
    report.pulled += answer.changes.length;
    report.rejected.push(...answer.rejected);
    report.serverTime = answer.serverTime;
    if (answer.checksums) report.checksums = answer.checksums;
    const lastSent = changes.at(-1)?.seq ?? 0;
    // A hub that acknowledges less than it was sent would make this loop forever: stop and retry later.
    if (lastSent > answer.acked) throw new Error(`The hub acknowledged ${answer.acked} of changes up to ${lastSent}`);
    const outboxLeft = (await store.pending(1)).length > 0;
    if (!answer.more && !outboxLeft) return report;
    if (report.requests >= maxRequests) throw new Error(`Sync did not settle within ${maxRequests} requests`);
  }
}
