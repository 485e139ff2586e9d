/**
 * Table checksums on the hub: the same fingerprint as the device's (renderer/sync/checksum.ts),
 * computed in SQL so that a table is never listed to check it.
 */
export { recordFingerprint, tableChecksum, EMPTY_TABLE_CHECKSUM } from '../../../renderer/sync/checksum';

export const CHECKSUM_SQL = `
  select tbl, count(*)::int as n,
         coalesce(sum(('x' || substr(encode(sha256(convert_to(key || E'\\n' || hlc || E'\\n' || deleted::text, 'UTF8')), 'hex'), 1, 8))::bit(32)::bigint), 0) % 4294967296 as s
  from records where user_id = $1 group by tbl`;
