import { HLC_PATTERN, type SyncTableName } from './wire';

export const MERGE_RULES = ['immutable', 'grow-only', 'earliest-read', 'last-writer-wins'] as const;
export type MergeRule = (typeof MERGE_RULES)[number];

/** How two versions of a record of each synced table merge, on the hub and on every device. */
export const TABLE_RULES: Record<SyncTableName, MergeRule> = {
  attempts: 'immutable',
  lessonProgress: 'earliest-read',
  settings: 'last-writer-wins',
  follows: 'last-writer-wins',
  reminders: 'grow-only',
  drafts: 'last-writer-wins',
  draftTrash: 'last-writer-wins',
  draftUpdates: 'immutable',
  // Written by the hub alone (devices' changes are refused), stamped with the hub's clock.
  draftAccess: 'last-writer-wins',
};

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

export function isWellFormedHlc(stamp: string): boolean {
  return HLC_PATTERN.test(stamp);
}

/** Stamps compare as strings (see wire.ts). */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
