import { z } from 'zod';

/**
 * What each synced table holds and how two versions of one of its records merge. Meetings and
 * course content are not here: they come down as signed packs, not through the sync route.
 */
export const MERGE_RULES = ['immutable', 'grow-only', 'earliest-read', 'last-writer-wins'] as const;
export type MergeRule = (typeof MERGE_RULES)[number];

const isoInstant = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(200);

export const SYNC_TABLES = {
  /** Finished quiz attempts: sealed on the device, never changed. The score is derived, not sent. */
  attempts: {
    rule: 'immutable',
    data: z.strictObject({
      kind: z.enum(['module', 'practice']),
      moduleId: id.nullable(),
      questionIds: z.array(id).max(200),
      answers: z.record(id, z.array(id).max(20)),
      choiceOrder: z.record(id, z.array(id).max(20)).optional(),
      startedAt: isoInstant,
      finishedAt: isoInstant,
      contentVersion: z.string().max(100),
    }),
  },
  /** When a lesson was first read; the reading position stays on each device. */
  lessonProgress: {
    rule: 'earliest-read',
    data: z.strictObject({ moduleId: id, readAt: isoInstant }),
  },
  /** Settings that follow the person (language, reminder days), one record per key. */
  settings: {
    rule: 'last-writer-wins',
    data: z.strictObject({
      value: z.union([z.string().max(1000), z.number(), z.boolean(), z.null(), z.array(z.string().max(200)).max(100)]),
    }),
  },
  /** Followed meetings and groups; an unfollow is a tombstone. */
  follows: {
    rule: 'last-writer-wins',
    data: z.strictObject({ target: z.enum(['meeting', 'group']), targetId: id }),
  },
  /** Reminders already shown, on any device: never shown twice. */
  reminders: {
    rule: 'grow-only',
    data: z.strictObject({ shownAt: isoInstant }),
  },
  /** A draft's own facts that are not in its document: language, target meeting, creation. */
  drafts: {
    rule: 'last-writer-wins',
    data: z.strictObject({
      language: z.enum(['ar', 'zh', 'en', 'fr', 'ru', 'es']),
      meetingId: id.nullable(),
      createdAt: isoInstant,
    }),
  },
  /** Whether this person has put a draft in the trash (trash is per person, not per draft). */
  draftTrash: {
    rule: 'last-writer-wins',
    data: z.strictObject({ trashedAt: isoInstant.nullable() }),
  },
  /** One Yjs update of a draft, keyed by its change id; merged by Yjs on every device. */
  draftUpdates: {
    rule: 'immutable',
    data: z.strictObject({
      draftId: id,
      // Base64 of the binary update; 1 MiB of update is a very large paste.
      update: z
        .string()
        .max(1_400_000)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/),
    }),
  },
} as const satisfies Record<string, { rule: MergeRule; data: z.ZodType }>;

export type SyncTableName = keyof typeof SYNC_TABLES;
export const SYNC_TABLE_NAMES = Object.keys(SYNC_TABLES) as SyncTableName[];

export function isSyncTable(name: string): name is SyncTableName {
  return Object.hasOwn(SYNC_TABLES, name);
}
