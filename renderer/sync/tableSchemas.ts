import { z } from 'zod';
import type { SyncTableName } from './wire';

/**
 * What each synced table's records hold, defined once: the hub validates pushed changes against
 * it, and the device checks pulled ones before storing them. Meetings and course content are not
 * here: they come down as signed packs, not through the sync route. Pure: no DOM, no Node.
 */

/** What a person may do with a shared draft: its owner shares it; an editor writes; a reader reads. */
export const DRAFT_ROLES = ['owner', 'editor', 'reader'] as const;
export type DraftRole = (typeof DRAFT_ROLES)[number];
/** The roles a draft's owner gives. */
export type GranteeRole = Exclude<DraftRole, 'owner'>;

/** Who has access to a shared draft, as the hub answers GET /v1/drafts/:id/access. */
export interface DraftAccessView {
  draftId: string;
  owner: string;
  yourRole: DraftRole;
  members: { email: string; role: GranteeRole }[];
  lastChangedBy: string | null;
  lastChangedAt: string | null;
}

const isoInstant = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(200);

export const SYNC_TABLES = {
  /** Finished quiz attempts: sealed on the device, never changed. The score is derived, not sent. */
  attempts: {
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
    data: z.strictObject({ moduleId: id, readAt: isoInstant }),
  },
  /** Settings that follow the person (language, reminder days), one record per key. */
  settings: {
    data: z.strictObject({
      value: z.union([z.string().max(1000), z.number(), z.boolean(), z.null(), z.array(z.string().max(200)).max(100)]),
    }),
  },
  /** Followed meetings and groups; an unfollow is a tombstone. */
  follows: {
    data: z.strictObject({ target: z.enum(['meeting', 'group']), targetId: id }),
  },
  /** Reminders already shown, on any device: never shown twice. */
  reminders: {
    data: z.strictObject({ shownAt: isoInstant }),
  },
  /** A draft's own facts that are not in its document: language, target meeting, creation. */
  drafts: {
    data: z.strictObject({
      language: z.enum(['ar', 'zh', 'en', 'fr', 'ru', 'es']),
      meetingId: id.nullable(),
      createdAt: isoInstant,
    }),
  },
  /** Whether this person has put a draft in the trash (trash is per person, not per draft). */
  draftTrash: {
    data: z.strictObject({ trashedAt: isoInstant.nullable() }),
  },
  /** One Yjs update of a draft, keyed by its change id; merged by Yjs on every device. */
  draftUpdates: {
    data: z.strictObject({
      draftId: id,
      // Base64 of the binary update; 1 MiB of update is a very large paste.
      update: z
        .string()
        .max(1_400_000)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/),
    }),
  },
  /**
   * Who may read and write a shared draft, as this person sees it (key: draft id). Written by the
   * hub into every member's records when the draft is shared, a role changes or access is
   * withdrawn; a device never writes it (the hub refuses), so it knows offline whether it may.
   */
  draftAccess: {
    data: z.strictObject({
      ownerEmail: z.string().min(3).max(254),
      role: z.enum(DRAFT_ROLES),
      members: z
        .array(z.strictObject({ email: z.string().min(3).max(254), role: z.enum(['editor', 'reader']) }))
        .max(500),
    }),
  },
} as const satisfies Record<SyncTableName, { data: z.ZodType }>;

export type { SyncTableName };

export function isSyncTable(name: string): name is SyncTableName {
  return Object.hasOwn(SYNC_TABLES, name);
}
