import { z } from 'zod';
import {
  DEVICE_ID_PATTERN,
  HLC_PATTERN,
  MAX_CHANGES_PER_REQUEST,
  PROTOCOL_VERSION,
  type SyncRequest,
} from '../../renderer/sync/wire';

/** The hub inflates a request body to at most this (server/src/web/compressedJson.ts); more is refused here already. */
export const MAX_SYNC_REQUEST_JSON_BYTES = 8 * 1024 * 1024;

/**
 * A sync request as the renderer hands it to the main process: the hub's own rules
 * (server/src/sync/protocol.ts), strict, so an unknown field or a wrong type is refused.
 */
export const syncRequestSchema = z.strictObject({
  protocol: z.literal(PROTOCOL_VERSION),
  deviceId: z.string().regex(DEVICE_ID_PATTERN),
  cursor: z.number().int().nonnegative(),
  changes: z
    .array(
      z.strictObject({
        seq: z.number().int().positive(),
        table: z.string().min(1).max(64),
        key: z.string().min(1).max(200),
        op: z.enum(['put', 'delete']),
        hlc: z.string().regex(HLC_PATTERN),
        v: z.number().int().positive(),
        data: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .max(MAX_CHANGES_PER_REQUEST),
}) satisfies z.ZodType<SyncRequest>;

/** The request, checked; null when it is not one. */
export function toSyncRequest(value: unknown): SyncRequest | null {
  const parsed = syncRequestSchema.safeParse(value);
  if (!parsed.success) return null;
  return JSON.stringify(parsed.data).length <= MAX_SYNC_REQUEST_JSON_BYTES ? parsed.data : null;
}
