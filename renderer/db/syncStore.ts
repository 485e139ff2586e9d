import type * as Y from 'yjs';
import type { LanguageCode } from '../i18n/languages';
import { fromBase64 } from '../sync/base64';
import { checksumOf, inRepullRange } from '../sync/checksum';
import { decideMerge, TABLE_RULES, type StoredVersion } from '../sync/mergeRules';
import type { SyncStore } from '../sync/syncCycle';
import { SYNC_TABLES, isSyncTable } from '../sync/tableSchemas';
import {
  SYNC_TABLE_NAMES,
  type PulledChange,
  type PushedChange,
  type RepullPage,
  type SyncAnswer,
  type SyncTableName,
} from '../sync/wire';
import type { GapbridgeDatabase } from './database';
import { loadDraftDoc, removeWithdrawnDraft, syncedChangesOf, type DraftMetaChange } from './drafts';
import type { DraftAccessRecord, DraftRecord, QuizAttemptRecord, RejectedChangeRecord, SettingKey } from './records';
import { announceRemoteDraftUpdates } from './remoteDraftUpdates';
import { clockOf, deviceIdOf, saveClock, syncedRecordTables, syncScope } from './syncedChanges';

/**
 * How the device recomputes what it copies or derives from synced records, rather than trusting
 * the wire: supplied by the features that own the rules (renderer/app/syncDerivations.ts).
 */
export interface SyncDerivations {
  /** An attempt's score, 0 to 1, against this device's answer key (question id → right choices). */
  scoreAttempt(
    attempt: Pick<QuizAttemptRecord, 'questionIds' | 'answers'>,
    correctById: ReadonlyMap<string, readonly string[]>,
  ): number;
  /** A draft's list fields, read from its document. */
  draftListFields(doc: Y.Doc, fallbackLanguage: LanguageCode): Required<DraftMetaChange>;
  /** Whether a pulled setting's value is one this device can use. */
  isSettingValue(key: SettingKey, value: unknown): boolean;
}

/** Every table a pulled page may touch: applied in one transaction with the cursor. */
function applyScope(db: GapbridgeDatabase) {
  // The answer key (questions of the installed course packs) scores pulled attempts.
  // A withdrawn draft leaves with its snapshots.
  return [
    ...syncScope(db),
    db.syncRejections,
    db.questions,
    db.contentPacks,
    db.draftSnapshots,
    ...syncedRecordTables(db),
  ];
}

async function readCursor(db: GapbridgeDatabase): Promise<number> {
  const stored = await db.syncState.get('cursor');
  return stored ? Number(stored.value) : 0;
}

/** What one page changed that is not in IndexedDB's own notifications: open drafts to refresh. */
interface PageEffects {
  draftUpdates: Map<string, Uint8Array[]>;
  draftsToDerive: Set<string>;
}

/**
 * Merges one pulled change into this device's records: only the synced fields, by the table's
 * rule (renderer/sync/mergeRules.ts, the hub's own). A change this device cannot read is skipped,
 * never allowed to stop the queue.
 */
class PulledChangeApplier {
  constructor(
    private readonly db: GapbridgeDatabase,
    private readonly derive: SyncDerivations,
    private readonly effects: PageEffects,
  ) {}

  /** Draft id → the change ids its stored updates hold, read once per page. */
  private readonly knownChanges = new Map<string, Set<string>>();

  async apply(change: PulledChange): Promise<void> {
    const checked = this.checked(change);
    if (!checked) return;
    if (checked.table === 'draftUpdates') {
      if (await this.isKnownDraftChange(change.key, checked.data)) return;
    } else {
      const stored = await this.storedVersion(checked.table, change.key);
      if (decideMerge(TABLE_RULES[checked.table], stored, change) !== 'write') return;
    }
    await this.write(checked.table, change, checked.data);
  }

  /**
   * A re-pulled record: the hub's version as it is, without the merge rules (the local copy was
   * found wrong). A draft's updates are only ever added: Yjs merges them, and none is taken away.
   */
  async replace(change: PulledChange): Promise<void> {
    const checked = this.checked(change);
    if (!checked) return;
    if (checked.table === 'draftUpdates' && (await this.isKnownDraftChange(change.key, checked.data))) return;
    await this.write(checked.table, change, checked.data);
  }

  private checked(change: PulledChange): { table: SyncTableName; data: Record<string, never> | null } | null {
    if (!isSyncTable(change.table)) return null;
    const data = change.op === 'put' ? SYNC_TABLES[change.table].data.safeParse(change.data) : null;
    if (data && !data.success) {
      console.warn(`Pulled change of ${change.table}/${change.key} not readable: skipped`);
      return null;
    }
    return { table: change.table, data: (data?.data ?? null) as Record<string, never> | null };
  }

  private async isKnownDraftChange(changeId: string, data: Record<string, never> | null): Promise<boolean> {
    const draftId = (data as { draftId?: string } | null)?.draftId;
    if (!draftId) return true;
    let known = this.knownChanges.get(draftId);
    if (!known) {
      const updates = await this.db.draftUpdates.where('draftId').equals(draftId).toArray();
      known = new Set(syncedChangesOf(updates).map((change) => change.changeId));
      this.knownChanges.set(draftId, known);
    }
    if (known.has(changeId)) return true;
    known.add(changeId);
    return false;
  }

  /**
   * Forgets that a record in a re-pulled range was ever synced, because the hub does not have
   * it: what cannot simply go (a draft, a setting's value) stays on the device, unsynced.
   */
  async dropSyncedState(table: SyncTableName, key: string): Promise<void> {
    const { db } = this;
    switch (table) {
      case 'attempts':
        return void (await db.quizAttempts.delete(key));
      case 'lessonProgress':
        return void (await db.lessonProgress.update(key, { readAt: null, readHlc: undefined }));
      case 'settings':
        return void (await db.settings.update(key as SettingKey, { hlc: undefined }));
      case 'follows':
        await db.follows.delete(key);
        return void (await db.tombstones.delete([table, key]));
      case 'reminders':
        return void (await db.reminders.delete(key));
      case 'drafts':
        return void (await db.drafts.update(key, { hlc: undefined }));
      case 'draftTrash':
        return void (await db.drafts.update(key, { trashHlc: undefined }));
      case 'draftUpdates':
        return;
      case 'draftAccess':
        await db.draftAccess.delete(key);
        return void (await db.tombstones.delete([table, key]));
    }
  }

  private async storedVersion(table: SyncTableName, key: string): Promise<StoredVersion | null> {
    const { db } = this;
    const version = (hlc: string | undefined, data: Record<string, unknown> | null = null): StoredVersion => ({
      deleted: false,
      // Written before the device had a clock: any synced version is newer.
      hlc: hlc ?? '',
      data,
    });
    switch (table) {
      case 'attempts': {
        const attempt = await db.quizAttempts.get(key);
        return attempt?.finishedAt ? version(attempt.hlc) : null;
      }
      case 'lessonProgress': {
        const progress = await db.lessonProgress.get(key);
        return progress?.readAt ? version(progress.readHlc, { readAt: progress.readAt }) : null;
      }
      case 'settings': {
        const setting = await db.settings.get(key as SettingKey);
        return setting ? version(setting.hlc) : null;
      }
      case 'follows': {
        const follow = await db.follows.get(key);
        if (follow) return version(follow.hlc);
        const tombstone = await db.tombstones.get([table, key]);
        return tombstone ? { deleted: true, hlc: tombstone.hlc, data: null } : null;
      }
      case 'reminders': {
        const reminder = await db.reminders.get(key);
        return reminder ? version(reminder.hlc) : null;
      }
      case 'drafts': {
        const draft = await db.drafts.get(key);
        return draft ? version(draft.hlc) : null;
      }
      case 'draftTrash': {
        const draft = await db.drafts.get(key);
        return draft?.trashHlc ? version(draft.trashHlc) : null;
      }
      case 'draftUpdates':
        // Never merged by clock: known change ids are skipped (see isKnownDraftChange).
        return null;
      case 'draftAccess': {
        const access = await db.draftAccess.get(key);
        if (access) return version(access.hlc);
        const tombstone = await db.tombstones.get([table, key]);
        return tombstone ? { deleted: true, hlc: tombstone.hlc, data: null } : null;
      }
    }
  }

  private async write(table: SyncTableName, change: PulledChange, data: Record<string, never> | null): Promise<void> {
    const { db } = this;
    const { key, hlc } = change;
    const now = new Date().toISOString();
    switch (table) {
      case 'attempts': {
        const attempt = data as unknown as Omit<QuizAttemptRecord, 'id' | 'score' | 'hlc'>;
        const local = await db.quizAttempts.get(key);
        await db.quizAttempts.put({
          ...attempt,
          id: key,
          flagged: local?.flagged,
          score: this.derive.scoreAttempt(attempt, await this.answerKey(attempt.questionIds)),
          hlc,
        });
        return;
      }
      case 'lessonProgress': {
        const { moduleId, readAt } = data as unknown as { moduleId: string; readAt: string };
        const local = await db.lessonProgress.get(key);
        // The reading position is this device's own.
        await db.lessonProgress.put({
          lessonId: key,
          moduleId,
          readAt,
          readHlc: hlc,
          position: local?.position ?? 0,
          updatedAt: local?.updatedAt ?? now,
        });
        return;
      }
      case 'settings': {
        const { value } = data as unknown as { value: unknown };
        if (!this.derive.isSettingValue(key as SettingKey, value)) return;
        await db.settings.put({ key: key as SettingKey, value: value as never, updatedAt: now, hlc });
        return;
      }
      case 'follows': {
        if (change.op === 'delete') {
          await db.follows.delete(key);
          await db.tombstones.put({ table, key, hlc });
          return;
        }
        const { target, targetId } = data as unknown as { target: 'meeting' | 'group'; targetId: string };
        await db.follows.put({ id: key, target, targetId, createdAt: now, hlc });
        await db.tombstones.delete([table, key]);
        return;
      }
      case 'reminders': {
        const { shownAt } = data as unknown as { shownAt: string };
        await db.reminders.put({ id: key, shownAt, hlc });
        return;
      }
      case 'drafts': {
        const { language, meetingId, createdAt } = data as unknown as Pick<
          DraftRecord,
          'language' | 'meetingId' | 'createdAt'
        >;
        const local = await this.draftOrPlaceholder(key, language);
        await db.drafts.put({ ...local, language, meetingId, createdAt, hlc });
        return;
      }
      case 'draftTrash': {
        const { trashedAt } = data as unknown as { trashedAt: string | null };
        const local = await this.draftOrPlaceholder(key, 'en');
        await db.drafts.put({ ...local, deletedAt: trashedAt, trashHlc: hlc });
        return;
      }
      case 'draftUpdates': {
        const { draftId, update } = data as unknown as { draftId: string; update: string };
        const bytes = fromBase64(update);
        await db.draftUpdates.add({ changeId: key, hlc, draftId, update: bytes, createdAt: now });
        const pending = this.effects.draftUpdates.get(draftId) ?? [];
        pending.push(bytes);
        this.effects.draftUpdates.set(draftId, pending);
        this.effects.draftsToDerive.add(draftId);
        return;
      }
      case 'draftAccess': {
        if (change.op === 'delete') {
          await removeWithdrawnDraft(db, key);
          this.effects.draftsToDerive.delete(key);
          this.effects.draftUpdates.delete(key);
          await db.tombstones.put({ table, key, hlc });
          return;
        }
        const access = data as unknown as Pick<DraftAccessRecord, 'ownerEmail' | 'role' | 'members'>;
        await db.draftAccess.put({ draftId: key, ...access, hlc });
        await db.tombstones.delete([table, key]);
        return;
      }
    }
  }

  /** A draft's updates may arrive before its own record: a placeholder holds them until it does. */
  private async draftOrPlaceholder(id: string, language: LanguageCode): Promise<DraftRecord> {
    const local = await this.db.drafts.get(id);
    if (local) return local;
    this.effects.draftsToDerive.add(id);
    const now = new Date().toISOString();
    return {
      id,
      title: '',
      status: 'draft',
      meetingId: null,
      language,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
  }

  /** The right choices of these questions, from whichever installed language has them. */
  private async answerKey(questionIds: string[]): Promise<Map<string, readonly string[]>> {
    const key = new Map<string, readonly string[]>();
    const packs = await this.db.contentPacks.where('id').startsWith('course/').primaryKeys();
    for (const lang of packs.map((id) => id.slice('course/'.length) as LanguageCode)) {
      const missing = questionIds.filter((id) => !key.has(id));
      if (missing.length === 0) break;
      const found = await this.db.questions.bulkGet(missing.map((id): [string, string] => [lang, id]));
      for (const question of found) if (question) key.set(question.id, question.correctChoiceIds);
    }
    return key;
  }

  /** Title, status and the rest of a draft's list entry, read again from its merged document. */
  async deriveDrafts(): Promise<void> {
    for (const draftId of this.effects.draftsToDerive) {
      const draft = await this.db.drafts.get(draftId);
      const placeholderLanguage: LanguageCode = draft?.language ?? 'en';
      const fields = this.derive.draftListFields(await loadDraftDoc(this.db, draftId), placeholderLanguage);
      const now = new Date().toISOString();
      const base: DraftRecord = draft ?? {
        id: draftId,
        title: '',
        status: 'draft',
        meetingId: null,
        language: placeholderLanguage,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      };
      // A placeholder takes its language and meeting from the document until its record arrives.
      const synced = base.hlc ? {} : { language: fields.language, meetingId: fields.meetingId };
      await this.db.drafts.put({ ...base, title: fields.title, status: fields.status, ...synced, updatedAt: now });
    }
  }
}

/** The records of a synced table as the hub counts them: key, clock, and whether a tombstone. */
export async function syncedRecordsOf(
  db: GapbridgeDatabase,
  table: SyncTableName,
): Promise<{ key: string; hlc: string; deleted: boolean }[]> {
  const live = (key: string, hlc: string | undefined) => (hlc ? [{ key, hlc, deleted: false }] : []);
  switch (table) {
    case 'attempts':
      return (await db.quizAttempts.toArray()).flatMap((attempt) =>
        attempt.finishedAt ? live(attempt.id, attempt.hlc) : [],
      );
    case 'lessonProgress':
      return (await db.lessonProgress.toArray()).flatMap((progress) =>
        progress.readAt ? live(progress.lessonId, progress.readHlc) : [],
      );
    case 'settings':
      return (await db.settings.toArray()).flatMap((setting) => live(setting.key, setting.hlc));
    case 'follows': {
      const tombstones = await db.tombstones.where('[table+key]').between([table, ''], [table, '\uffff']).toArray();
      return [
        ...(await db.follows.toArray()).flatMap((follow) => live(follow.id, follow.hlc)),
        ...tombstones.map(({ key, hlc }) => ({ key, hlc, deleted: true })),
      ];
    }
    case 'reminders':
      return (await db.reminders.toArray()).flatMap((reminder) => live(reminder.id, reminder.hlc));
    case 'drafts':
      return (await db.drafts.toArray()).flatMap((draft) => live(draft.id, draft.hlc));
    case 'draftTrash':
      return (await db.drafts.toArray()).flatMap((draft) => live(draft.id, draft.trashHlc));
    case 'draftUpdates':
      return syncedChangesOf(await db.draftUpdates.toArray()).map(({ changeId, hlc }) => ({
        key: changeId,
        hlc,
        deleted: false,
      }));
    case 'draftAccess': {
      const tombstones = await db.tombstones.where('[table+key]').between([table, ''], [table, '\uffff']).toArray();
      return [
        ...(await db.draftAccess.toArray()).map(({ draftId, hlc }) => ({ key: draftId, hlc, deleted: false })),
        ...tombstones.map(({ key, hlc }) => ({ key, hlc, deleted: true })),
      ];
    }
  }
}

/** Replaces this device's synced state of a re-pulled key range with the hub's (see SyncStore.apply). */
async function applyRepullPage(
  db: GapbridgeDatabase,
  applier: PulledChangeApplier,
  page: RepullPage,
  waiting: Set<string>,
): Promise<void> {
  const listed = new Set(page.records.map((record) => record.key));
  for (const { key } of await syncedRecordsOf(db, page.table)) {
    if (inRepullRange(key, page.after, page.through) && !listed.has(key) && !waiting.has(key)) {
      await applier.dropSyncedState(page.table, key);
    }
  }
  for (const record of page.records) {
    if (!waiting.has(record.key)) await applier.replace(record);
  }
}

/** The engine's store for this profile (renderer/sync/syncCycle.ts), on IndexedDB. */
export async function openSyncStore(db: GapbridgeDatabase, derive: SyncDerivations): Promise<SyncStore> {
  const deviceId = await db.transaction('rw', db.syncState, () => deviceIdOf(db));
  return {
    deviceId,
    cursor: () => readCursor(db),
    async pending(limit) {
      const entries = await db.outbox.orderBy('seq').limit(limit).toArray();
      return entries.map(({ seq, table, key, op, hlc, v, data }): PushedChange => ({
        seq: seq!,
        table,
        key,
        op,
        hlc,
        v,
        ...(data ? { data } : {}),
      }));
    },
    async checksums() {
      return db.transaction('r', applyScope(db), async () => {
        const sums: Record<string, string> = {};
        for (const table of SYNC_TABLE_NAMES) sums[table] = checksumOf(await syncedRecordsOf(db, table));
        return sums;
      });
    },
    async apply(answer: SyncAnswer) {
      const effects: PageEffects = { draftUpdates: new Map(), draftsToDerive: new Set() };
      await db.transaction('rw', applyScope(db), async () => {
        await db.outbox.where('seq').belowOrEqual(answer.acked).delete();
        const rejectedAt = new Date().toISOString();
        await db.syncRejections.bulkPut(
          answer.rejected.map(({ seq, table, key, code }): RejectedChangeRecord => ({
            seq,
            table,
            key,
            code,
            rejectedAt,
          })),
        );
        const clock = await clockOf(db);
        const applier = new PulledChangeApplier(db, derive, effects);
        if (answer.repull) {
          const page = answer.repull;
          const waiting = new Set(
            (await db.outbox.toArray()).filter((entry) => entry.table === page.table).map((entry) => entry.key),
          );
          for (const record of page.records) clock.receive(record.hlc);
          await applyRepullPage(db, applier, page, waiting);
        }
        for (const change of answer.changes) {
          clock.receive(change.hlc);
          await applier.apply(change);
        }
        await applier.deriveDrafts();
        await saveClock(db, clock);
        await db.syncState.put({ key: 'cursor', value: String(answer.cursor) });
        await db.syncState.put({ key: 'lastSyncedAt', value: new Date().toISOString() });
      });
      for (const [draftId, updates] of effects.draftUpdates) announceRemoteDraftUpdates({ draftId, updates });
    },
  };
}

export function rejectedChanges(db: GapbridgeDatabase): Promise<RejectedChangeRecord[]> {
  return db.syncRejections.orderBy('seq').toArray();
}

export async function dismissRejectedChange(db: GapbridgeDatabase, seq: number): Promise<void> {
  await db.syncRejections.delete(seq);
}
