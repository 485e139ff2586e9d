import { toBase64 } from '../sync/base64';
import type {
  DraftRecord,
  FollowRecord,
  LessonProgressRecord,
  QuizAttemptRecord,
  ReminderRecord,
  SettingRecord,
} from './records';
import type { SyncedChange } from './syncedChanges';

/**
 * The fields of each local record that sync, as the hub's tables expect them
 * (server/src/sync/tables.ts). Everything else on a record belongs to this device: the reading
 * position, an attempt's flags and score, a draft's title and status copied from its document.
 */
export const syncedFields = {
  attempt(attempt: QuizAttemptRecord): SyncedChange {
    const { kind, moduleId, questionIds, answers, choiceOrder, startedAt, finishedAt, contentVersion } = attempt;
    if (!finishedAt) throw new Error(`Attempt ${attempt.id} is not finished: unfinished attempts stay on the device`);
    return {
      table: 'attempts',
      key: attempt.id,
      op: 'put',
      data: {
        kind,
        moduleId,
        questionIds,
        answers,
        ...(choiceOrder ? { choiceOrder } : {}),
        startedAt,
        finishedAt,
        contentVersion,
      },
    };
  },
  lessonRead(progress: LessonProgressRecord): SyncedChange {
    if (!progress.readAt) throw new Error(`Lesson ${progress.lessonId} is not read`);
    return {
      table: 'lessonProgress',
      key: progress.lessonId,
      op: 'put',
      data: { moduleId: progress.moduleId, readAt: progress.readAt },
    };
  },
  setting(setting: SettingRecord): SyncedChange {
    return { table: 'settings', key: setting.key, op: 'put', data: { value: setting.value } };
  },
  follow(follow: FollowRecord): SyncedChange {
    return { table: 'follows', key: follow.id, op: 'put', data: { target: follow.target, targetId: follow.targetId } };
  },
  unfollow(id: string): SyncedChange {
    return { table: 'follows', key: id, op: 'delete' };
  },
  reminder(reminder: ReminderRecord): SyncedChange {
    return { table: 'reminders', key: reminder.id, op: 'put', data: { shownAt: reminder.shownAt } };
  },
  draft(draft: DraftRecord): SyncedChange {
    return {
      table: 'drafts',
      key: draft.id,
      op: 'put',
      data: { language: draft.language, meetingId: draft.meetingId, createdAt: draft.createdAt },
    };
  },
  draftTrash(draft: Pick<DraftRecord, 'id' | 'deletedAt'>): SyncedChange {
    return { table: 'draftTrash', key: draft.id, op: 'put', data: { trashedAt: draft.deletedAt } };
  },
  draftUpdate(changeId: string, draftId: string, update: Uint8Array): SyncedChange {
    return { table: 'draftUpdates', key: changeId, op: 'put', data: { draftId, update: toBase64(update) } };
  },
};
