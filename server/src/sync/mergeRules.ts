import type { MergeRule } from './tables';

/** A record as the hub stores it: the synced fields and the clock of the change that wrote them. */
export interface StoredVersion {
  deleted: boolean;
  hlc: string;
  data: Record<string, unknown> | null;
}

export interface IncomingChange {
  op: 'put' | 'delete';
  hlc: string;
  data: Record<string, unknown> | null;
}

export type MergeDecision = 'write' | 'keep' | 'reject-delete';

/**
 * Whether an incoming change replaces what is stored. Pure, so that every rule has its test and
 * the device can apply the same rules to what it pulls.
 */
export function decideMerge(rule: MergeRule, stored: StoredVersion | null, incoming: IncomingChange): MergeDecision {
  if (incoming.op === 'delete' && rule !== 'last-writer-wins') return 'reject-delete';
  if (!stored) return 'write';
  switch (rule) {
    // The same record written on two devices (a reminder shown on both before either synced)
    // keeps the earliest stamp everywhere, whatever order the copies arrive in.
    case 'immutable':
    case 'grow-only':
      return compareHlc(incoming.hlc, stored.hlc) < 0 ? 'write' : 'keep';
    case 'earliest-read': {
      const order = readAtOf(incoming).localeCompare(readAtOf(stored)) || compareHlc(incoming.hlc, stored.hlc);
      return order < 0 ? 'write' : 'keep';
    }
    case 'last-writer-wins':
      return compareHlc(incoming.hlc, stored.hlc) > 0 ? 'write' : 'keep';
  }
}

function readAtOf(version: { data: Record<string, unknown> | null }): string {
  const readAt = version.data?.['readAt'];
  return typeof readAt === 'string' ? new Date(readAt).toISOString() : '9999';
}

/**
 * Hybrid logical clock stamps are `<wall ms, 15 digits>-<counter, 4 hex>-<device id>`, so they
 * compare as strings; the device id breaks ties between two devices.
 */
export const HLC_PATTERN = /^\d{15}-[0-9a-f]{4}-[A-Za-z0-9_-]{8,64}$/;

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
