import type { Transaction } from 'dexie';
import * as Y from 'yjs';

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
  {
    // Sync (issue 8): outbox entries become the wire's changes; pulled draft updates keep their
    // change id; unfollows leave tombstones; refused changes are kept for the delegate.
    version: 5,
    stores: {
      outbox: '++seq, [table+key]',
      draftUpdates: '++seq, draftId, changeId',
      tombstones: '[table+key]',
      syncRejections: 'seq',
    },
    upgrade: upgradeToVersion5,
  },
  {
    // Packs from a hub (issue 9): downloads in progress and their bytes, so a cut download
    // resumes; refused versions; the newest signed manifest accepted.
    version: 6,
    stores: {
      packDownloads: 'id',
      packChunks: '[packId+start]',
      packRefusals: 'id',
      packState: 'key',
    },
  },
  {
    // Drafts written together (issue 9): who may read and write each shared draft.
    version: 7,
    stores: { draftAccess: 'draftId' },
  },
  {
    // Issue 9: the hubs' public certificate keys this device has learned (beyond the shipped ones).
    version: 8,
    stores: { certificateKeys: 'keyId' },
  },
];

/**
 * Nothing was ever sent before version 5, and the old entries have another shape: they go. The
 * device's work is queued for an account when the delegate first signs in. A draft's status moves
 * into its document's cover, where co-authors' changes merge.
 */
async function upgradeToVersion5(tx: Transaction): Promise<void> {
  await tx.table('outbox').clear();
  const drafts = await tx.table<{ id: string; status: string }>('drafts').toArray();
  for (const draft of drafts) {
    if (draft.status === 'draft') continue;
    const doc = new Y.Doc();
    doc.getMap('cover').set('status', draft.status);
    await tx.table('draftUpdates').add({
      draftId: draft.id,
      update: Y.encodeStateAsUpdate(doc),
      createdAt: new Date().toISOString(),
    });
  }
}
