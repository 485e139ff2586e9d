/**
 * The wire shapes of POST /v1/sync, as JSON schemas (Fastify validates every request with them)
 * and as types. docs/sync-protocol.md explains them with an example exchange.
 */
import { HLC_PATTERN } from './mergeRules';

export const PROTOCOL_VERSION = 1;
/** Changes a device may push in one request; its outbox sends the rest in the next cycle. */
export const MAX_CHANGES_PER_REQUEST = 2000;
/** A page of pulled changes stops growing past this many compressed bytes (one change always fits). */
export const PAGE_BUDGET_BYTES = 256 * 1024;
export const MAX_ROWS_PER_PAGE = 2000;

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

export const REJECTION_CODES = ['unknown-table', 'invalid', 'unsupported-version', 'immutable'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface SyncAnswer {
  protocol: number;
  /** Every change of this device up to this sequence number is applied or rejected. */
  acked: number;
  rejected: Rejection[];
  changes: PulledChange[];
  cursor: number;
  more: boolean;
  /** Per table: `<count>:<sum of row hashes mod 2^32, hex>`; only on the last page. */
  checksums?: Record<string, string>;
  serverTime: string;
}

const DEVICE_ID = { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' } as const;

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
          key: { type: 'string', minLength: 1, maxLength: 200 },
          op: { enum: ['put', 'delete'] },
          hlc: { type: 'string', pattern: HLC_PATTERN.source },
          v: { type: 'integer', minimum: 1 },
          data: { type: 'object' },
        },
      },
    },
  },
} as const;
