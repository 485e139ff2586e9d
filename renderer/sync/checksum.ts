import { sha256 } from '@noble/hashes/sha2';

/**
 * Table checksums, computed the same way by the hub (in SQL, server/src/sync/checksum.ts) and by
 * the device's store, so each side can tell whether its copy of a table matches the other's
 * without listing it. Pure: no DOM, no Node.
 */

const encoder = new TextEncoder();

/**
 * The fingerprint of one stored record (live or tombstone): the first 32 bits of SHA-256 over
 * `key \n hlc \n deleted`.
 */
export function recordFingerprint(key: string, hlc: string, deleted: boolean): number {
  const digest = sha256(encoder.encode(`${key}\n${hlc}\n${deleted}`));
  return ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
}

/** A table's checksum: `<rows>:<sum of fingerprints mod 2^32, hex>`; an empty table is `0:0`. */
export function tableChecksum(fingerprints: Iterable<number>): string {
  let count = 0;
  let sum = 0;
  for (const value of fingerprints) {
    count += 1;
    sum = (sum + value) % 2 ** 32;
  }
  return `${count}:${sum.toString(16)}`;
}

export const EMPTY_TABLE_CHECKSUM = '0:0';

/** The checksum of a table's records as a store holds them (only `key`, `hlc` and `deleted` count). */
export function checksumOf(records: Iterable<{ key: string; hlc: string; deleted: boolean }>): string {
  const fingerprints = function* () {
    for (const record of records) yield recordFingerprint(record.key, record.hlc, record.deleted);
  };
  return tableChecksum(fingerprints());
}

/**
 * Record keys in the order the hub pages a re-pull (`order by key collate "C"`: UTF-8 bytes,
 * which is Unicode code point order). Not JavaScript's `<` nor IndexedDB's key order, which
 * compare UTF-16 code units and differ for characters beyond U+FFFF.
 */
export function compareSyncKeys(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const difference = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
}

/** Whether a key falls in a re-pulled page's range: after `after` (exclusive) up to `through` (inclusive). */
export function inRepullRange(key: string, after: string | null, through: string | null): boolean {
  return (
    (after === null || compareSyncKeys(key, after) > 0) && (through === null || compareSyncKeys(key, through) <= 0)
  );
}
