import { createHash } from 'node:crypto';

/**
 * The fingerprint of one stored record, as the hub's SQL and the device compute it: the first 32
 * bits of SHA-256 over `key \n hlc \n deleted`. A table's checksum is `<rows>:<sum mod 2^32 hex>`,
 * so it can be kept up to date and compared without listing the table.
 */
export function recordFingerprint(key: string, hlc: string, deleted: boolean): number {
  return createHash('sha256').update(`${key}\n${hlc}\n${deleted}`).digest().readUInt32BE(0);
}

export function tableChecksum(fingerprints: Iterable<number>): string {
  let count = 0;
  let sum = 0;
  for (const value of fingerprints) {
    count += 1;
    sum = (sum + value) % 2 ** 32;
  }
  return `${count}:${sum.toString(16)}`;
}

export const CHECKSUM_SQL = `
  select tbl, count(*)::int as n,
         coalesce(sum(('x' || substr(encode(sha256(convert_to(key || E'\\n' || hlc || E'\\n' || deleted::text, 'UTF8')), 'hex'), 1, 8))::bit(32)::bigint), 0) % 4294967296 as s
  from records where user_id = $1 group by tbl`;
