/**
 * The wire shapes of POST /v1/sync, as JSON schemas (Fastify validates every request with them)
 * and as types. docs/sync-protocol.md explains them with an example exchange.
 */
import {
  DEVICE_ID_PATTERN,
  HLC_PATTERN,
  MAX_CHANGES_PER_REQUEST,
  PROTOCOL_VERSION,
  SYNC_TABLE_NAMES,
} from '../../../renderer/sync/wire';

export * from '../../../renderer/sync/wire';
/** Rows read for one page before the compressed budget trims it. */
export const MAX_ROWS_PER_PAGE = 2000;

const DEVICE_ID = { type: 'string', pattern: DEVICE_ID_PATTERN.source } as const;
const KEY = { type: 'string', minLength: 1, maxLength: 200 } as const;

export const syncRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['protocol', 'deviceId', 'cursor', 'changes'],
  properties: {
    protocol: { type: 'integer', const: PROTOCOL_VERSION },
    deviceId: DEVICE_ID,
    cursor: { type: 'integer', minimum: 0 },
    changes: {
      type: 'array',
      maxItems: MAX_CHANGES_PER_REQUEST,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['seq', 'table', 'key', 'op', 'hlc', 'v'],
        properties: {
          seq: { type: 'integer', minimum: 1 },
          // Any name: a table this hub does not know is rejected alone, not the whole request.
          table: { type: 'string', minLength: 1, maxLength: 64 },
          key: KEY,
          op: { enum: ['put', 'delete'] },
          hlc: { type: 'string', pattern: HLC_PATTERN.source },
          v: { type: 'integer', minimum: 1 },
          data: { type: 'object' },
        },
      },
    },
    // One table at a time, only one this hub knows; `after` is the previous page's `through`.
    repull: {
      type: 'object',
      additionalProperties: false,
      required: ['table'],
      properties: {
        table: { enum: SYNC_TABLE_NAMES },
        after: KEY,
      },
    },
  },
} as const;
