/**
 * The wire shapes of POST /v1/sync, defined once: the hub (server/src/sync/) validates requests
 * against them and the device's engine builds requests and checks answers with them.
 * docs/sync-protocol.md explains them with an example exchange. Pure: no DOM, no Node.
 */
export const PROTOCOL_VERSION = 1;
/** Changes a device may push in one request; the rest go in the next cycle. */
export const MAX_CHANGES_PER_REQUEST = 2000;
/** A page of pulled changes (and a pushed batch) stays within this many compressed bytes. */
export const PAGE_BUDGET_BYTES = 256 * 1024;

export const SYNC_TABLE_NAMES = [
  'attempts',
  'lessonProgress',
  'settings',
  'follows',
  'reminders',
  'drafts',
  'draftTrash',
  'draftUpdates',
  'draftAccess',
] as const;
export type SyncTableName = (typeof SYNC_TABLE_NAMES)[number];

/**
 * `read-only`: a reader's change of a shared draft, or any change of a table only the hub writes
 * (`draftAccess`); `no-access`: a change of a draft shared by someone else with no access to it
 * (withdrawn, or never given).
 */
export const REJECTION_CODES = [
  'unknown-table',
  'invalid',
  'unsupported-version',
  'immutable',
  'read-only',
  'no-access',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/**
 * Hybrid logical clock stamps: `<wall ms, 15 digits>-<counter, 4 hex>-<device id>`. They compare
 * as strings; the device id breaks ties between devices.
 */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
export const HLC_PATTERN = /^\d{15}-[0-9a-f]{4}-[A-Za-z0-9_-]{8,64}$/;

export interface PushedChange {
  /** The device's own sequence number for this change: with the device id, its identity. */
  seq: number;
  table: string;
  key: string;
  op: 'put' | 'delete';
  hlc: string;
  /** The version of the payload's shape. */
  v: number;
  data?: Record<string, unknown> | undefined;
}

export interface SyncRequest {
  protocol: number;
  deviceId: string;
  /** The last hub sequence number this device has stored; 0 at first. */
  cursor: number;
  changes: PushedChange[];
  /**
   * Asks for one table's full current state on the hub, a page at a time: sent when the device's
   * checksum of that table differs from the hub's. Omitted by devices that do not re-pull.
   */
  repull?: RepullRequest | undefined;
}

export interface RepullRequest {
  table: SyncTableName;
  /** The page's `through` from the previous answer; omitted for the first page. */
  after?: string | undefined;
}

/**
 * One page of a re-pulled table: every record the hub holds (live rows and tombstones) with a key
 * after `after` and up to `through`, in `compareSyncKeys` order (checksum.ts). The device replaces
 * its copy of that key range with these records; `through: null` means the range runs to the end
 * of the table, so the re-pull is complete.
 */
export interface RepullPage {
  table: SyncTableName;
  after: string | null;
  through: string | null;
  records: PulledChange[];
}

export interface PulledChange {
  table: string;
  key: string;
  op: 'put' | 'delete';
  hlc: string;
  v: number;
  data: Record<string, unknown> | null;
}

export interface Rejection {
  seq: number;
  table: string;
  key: string;
  code: RejectionCode;
}

export interface SyncAnswer {
  protocol: number;
  /** Every change of this device up to this sequence number is applied or rejected. */
  acked: number;
  rejected: Rejection[];
  changes: PulledChange[];
  cursor: number;
  more: boolean;
  /**
   * Per table the hub knows, `<count>:<sum of row fingerprints mod 2^32, hex>` (checksum.ts; `0:0`
   * for an empty table); only on the last page.
   */
  checksums?: Record<string, string> | undefined;
  /** Present when the request asked for a re-pull. */
  repull?: RepullPage | undefined;
  serverTime: string;
}
