import { z } from 'zod';
import { HLC_PATTERN, PROTOCOL_VERSION, REJECTION_CODES, SYNC_TABLE_NAMES, type SyncAnswer } from './wire';

const sequence = z.number().int().nonnegative();

const pulledChange = z.object({
  table: z.string().min(1),
  key: z.string().min(1),
  op: z.enum(['put', 'delete']),
  hlc: z.string().regex(HLC_PATTERN),
  v: z.number().int().positive(),
  data: z.record(z.string(), z.unknown()).nullable(),
});

/**
 * What a hub's answer must be before the device stores any of it: a proxy's error page, a
 * truncated body or a hub speaking another protocol is refused whole, and nothing changes.
 * Fields a newer hub adds are dropped, not refused.
 */
export const syncAnswerSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  acked: sequence,
  rejected: z.array(z.object({ seq: sequence, table: z.string(), key: z.string(), code: z.enum(REJECTION_CODES) })),
  changes: z.array(pulledChange),
  cursor: sequence,
  more: z.boolean(),
  checksums: z.record(z.string(), z.string()).optional(),
  repull: z
    .object({
      table: z.enum(SYNC_TABLE_NAMES),
      after: z.string().min(1).nullable(),
      through: z.string().min(1).nullable(),
      // Every record of a re-pulled page belongs to the table asked for.
      records: z.array(pulledChange),
    })
    .refine((page) => page.records.every((record) => record.table === page.table))
    .optional(),
  serverTime: z.string(),
}) satisfies z.ZodType<SyncAnswer>;
