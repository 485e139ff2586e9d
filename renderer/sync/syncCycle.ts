import { EMPTY_TABLE_CHECKSUM } from './checksum';
import { SyncTransportError, type SyncTransport } from './transport';
import {
  MAX_CHANGES_PER_REQUEST,
  PROTOCOL_VERSION,
  SYNC_TABLE_NAMES,
  type PushedChange,
  type Rejection,
  type RepullRequest,
  type SyncAnswer,
  type SyncRequest,
  type SyncTableName,
} from './wire';

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
   * In one transaction, all or nothing (a failure anywhere must leave the store as it was, so the
   * engine can simply send the same request again):
   * 1. drop the outbox entries up to `answer.acked`, and keep `answer.rejected` for the delegate;
   * 2. if `answer.repull` is present (only for a store that has `checksums`), replace this
   *    device's copy of that key range of that table with the hub's: for every record of the
   *    table whose key is in the page's range (`inRepullRange` in checksum.ts; compare keys with
   *    `compareSyncKeys`, not `<` or IndexedDB order), take the hub's synced fields, hlc and
   *    deleted flag as they are, *without* the merge rules (that is the point: the local copy is
   *    wrong), and drop the synced state of records in the range that the page does not list.
   *    Two exceptions: a record with an outbox entry still waiting after step 1 keeps its local
   *    version (the hub has not seen it yet), and device-local fields (a lesson's reading
   *    position, a window's size) are kept, as in any pull. Derived copies are recomputed;
   *    3. merge `answer.changes` with the tables' merge rules (mergeRules.ts). Merging after the
   *    replacement is what keeps the two consistent whichever the hub read first;
   * 4. move the cursor to `answer.cursor`.
   */
  apply(answer: SyncAnswer): Promise<void>;
  /**
   * Optional: per synced table, the checksum of the records stored here, live and tombstones,
   * exactly as the hub computes it: `checksumOf(records)` in checksum.ts over each record's
   * wire key, hlc and deleted flag (an empty or absent table reads as `0:0`). Only synced state
   * counts; the outbox and device-local fields do not. A store that has this method gets its
   * differing tables re-pulled, so its `apply` must handle `answer.repull`.
   */
  checksums?(): Promise<Record<string, string>>;
}

export interface CycleReport {
  requests: number;
  pushed: number;
  pulled: number;
  rejected: Rejection[];
  /** Per-table checksums from the hub's last page, for the store to compare with its own. */
  checksums: Record<string, string> | undefined;
  serverTime: string | undefined;
  /** Tables whose checksum differed from the hub's and were re-pulled in this cycle. */
  repulled: string[];
  /**
   * Tables whose checksum still differs from the hub's at the end of the cycle (after at most
   * one re-pull): worth a diagnostic, and the next cycle tries again.
   */
  mismatched: string[];
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

/** The tables whose checksum here is not the hub's; a table missing on either side reads as empty. */
async function differingTables(store: SyncStore, hub: Record<string, string>): Promise<string[]> {
  const mine = await store.checksums!();
  const tables = new Set([...Object.keys(hub), ...Object.keys(mine)]);
  return [...tables]
    .filter((table) => (mine[table] ?? EMPTY_TABLE_CHECKSUM) !== (hub[table] ?? EMPTY_TABLE_CHECKSUM))
    .sort();
}

/** A table the device can ask for: one this engine knows and the hub listed (so it knows it too). */
function canRepull(table: string, hub: Record<string, string>): table is SyncTableName {
  return (SYNC_TABLE_NAMES as readonly string[]).includes(table) && Object.hasOwn(hub, table);
}

/**
 * One sync: requests until the outbox is empty and the hub has nothing more. Every request is
 * safe to repeat (the hub skips changes it has acknowledged), so a failure anywhere is simply
 * thrown to the caller, which waits and runs the cycle again.
 *
 * When the store can compute checksums and a table's differs from the hub's once everything is
 * exchanged, that table alone is re-pulled, page by page, and the checksums compared once more;
 * what still differs is reported, not re-pulled again (the next cycle will look again).
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
    repulled: [],
    mismatched: [],
  };
  let checked = false;
  let toRepull: SyncTableName[] = [];
  let repull: RepullRequest | undefined;
  for (;;) {
    const changes = withinBudget(await store.pending(MAX_CHANGES_PER_REQUEST));
    const request: SyncRequest = {
      protocol: PROTOCOL_VERSION,
      deviceId: store.deviceId,
      cursor: await store.cursor(),
      changes,
      ...(repull ? { repull } : {}),
    };
    let answer: SyncAnswer;
    try {
      answer = await transport.exchange(request);
    } catch (error) {
      // A hub that does not know re-pulls refuses the field: carry on without, and say so.
      if (!repull || !(error instanceof SyncTransportError) || error.failure.kind !== 'refused') throw error;
      report.mismatched.push(repull.table, ...toRepull);
      toRepull = [];
      repull = undefined;
      continue;
    }
    // A re-pull page must be the one asked for and must move on, or the re-pull stops here.
    const page = answer.repull;
    if (page && (!repull || page.table !== repull.table || page.after !== (repull.after ?? null)))
      throw new Error('The hub answered a re-pull page that was not asked for');
    await store.apply(answer);
    report.requests += 1;
    report.pushed += changes.filter((change) => change.seq <= answer.acked).length;
    report.pulled += answer.changes.length + (page?.records.length ?? 0);
    report.rejected.push(...answer.rejected);
    report.serverTime = answer.serverTime;
    if (answer.checksums) report.checksums = answer.checksums;
    const lastSent = changes.at(-1)?.seq ?? 0;
    // A hub that acknowledges less than it was sent would make this loop forever: stop and retry later.
    if (lastSent > answer.acked) throw new Error(`The hub acknowledged ${answer.acked} of changes up to ${lastSent}`);
    if (repull) {
      if (!page) {
        report.mismatched.push(repull.table);
        repull = undefined;
      } else if (page.through === null) {
        report.repulled.push(page.table);
        repull = undefined;
      } else {
        repull = { table: page.table, after: page.through };
      }
      if (!repull) {
        const next = toRepull.shift();
        if (next) repull = { table: next };
      }
    }
    const outboxLeft = (await store.pending(1)).length > 0;
    if (!answer.more && !outboxLeft && !repull) {
      if (!store.checksums || !answer.checksums) return report;
      const differing = (await differingTables(store, answer.checksums)).filter(
        (table) => !report.mismatched.includes(table),
      );
      if (checked) {
        report.mismatched.push(...differing);
        return report;
      }
      checked = true;
      const hubChecksums = answer.checksums;
      report.mismatched.push(...differing.filter((table) => !canRepull(table, hubChecksums)));
      toRepull = differing.filter((table) => canRepull(table, hubChecksums));
      const first = toRepull.shift();
      if (!first) return report;
      repull = { table: first };
    }
    if (report.requests >= maxRequests) throw new Error(`Sync did not settle within ${maxRequests} requests`);
  }
}
