import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  /** Dexie store definitions: primary key first, then indexes. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every schema version the app has ever shipped, oldest first. Append, never edit: a delegate's
 * database may be at any of them, and Dexie upgrades it step by step.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      meetings: 'id, start, group, kind, followed',
      contentPacks: 'id',
      courseModules: '[lang+id], lang',
      lessons: '[lang+id], [lang+moduleId], moduleId',
      questions: '[lang+id], [lang+moduleId], moduleId, lessonId',
      quizAttempts: 'id, moduleId, kind, startedAt, finishedAt',
      lessonProgress: 'lessonId, moduleId',
      drafts: 'id, status, meetingId, updatedAt, deletedAt',
      draftUpdates: '++seq, draftId',
      outbox: '++seq, &mutationId, entity',
      syncState: 'key',
      settings: 'key',
    },
  },
  {
    version: 2,
    stores: { certificates: 'id, issuedAt' },
  },
  {
    // Following moves out of the meeting record, so a calendar update never unfollows.
    version: 3,
    stores: {
      meetings: 'id, start, group, kind, origin',
      studyGroups: 'id',
      follows: 'id, target, targetId',
      reminders: 'id',
    },
  },
  {
    version: 4,
    stores: { draftSnapshots: 'id, draftId, createdAt' },
  },
];
