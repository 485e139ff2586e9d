import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  CertificateKeyRecord,
  CertificateRecord,
  DraftAccessRecord,
  DraftSnapshotRecord,
  FollowRecord,
  ReminderRecord,
  StudyGroupRecord,
  ContentPackRecord,
  CourseModuleRecord,
  DraftRecord,
  DraftUpdateRecord,
  LessonProgressRecord,
  LessonRecord,
  MeetingRecord,
  OutboxEntry,
  QuestionRecord,
  QuizAttemptRecord,
  SettingRecord,
  SyncStateRecord,
  RejectedChangeRecord,
  TombstoneRecord,
  PackDownloadRecord,
  PackChunkRecord,
  PackRefusalRecord,
  PackStateRecord,
} from './records';
import { strictDurability } from './durability';
import { SCHEMA_VERSIONS, type SchemaVersion } from './schema';

export const DATABASE_NAME = 'gapbridge';

type LanguageKey = [lang: string, id: string];

export class GapbridgeDatabase extends Dexie {
  meetings!: EntityTable<MeetingRecord, 'id'>;
  studyGroups!: EntityTable<StudyGroupRecord, 'id'>;
  follows!: EntityTable<FollowRecord, 'id'>;
  reminders!: EntityTable<ReminderRecord, 'id'>;
  contentPacks!: EntityTable<ContentPackRecord, 'id'>;
  courseModules!: Table<CourseModuleRecord, LanguageKey>;
  lessons!: Table<LessonRecord, LanguageKey>;
  questions!: Table<QuestionRecord, LanguageKey>;
  quizAttempts!: EntityTable<QuizAttemptRecord, 'id'>;
  lessonProgress!: EntityTable<LessonProgressRecord, 'lessonId'>;
  certificates!: EntityTable<CertificateRecord, 'id'>;
  certificateKeys!: EntityTable<CertificateKeyRecord, 'keyId'>;
  drafts!: EntityTable<DraftRecord, 'id'>;
  draftUpdates!: EntityTable<DraftUpdateRecord, 'seq'>;
  draftSnapshots!: EntityTable<DraftSnapshotRecord, 'id'>;
  draftAccess!: EntityTable<DraftAccessRecord, 'draftId'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  syncState!: EntityTable<SyncStateRecord, 'key'>;
  tombstones!: Table<TombstoneRecord, [string, string]>;
  syncRejections!: EntityTable<RejectedChangeRecord, 'seq'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  packDownloads!: EntityTable<PackDownloadRecord, 'id'>;
  packChunks!: Table<PackChunkRecord, [string, number]>;
  packRefusals!: EntityTable<PackRefusalRecord, 'id'>;
  packState!: EntityTable<PackStateRecord, 'key'>;

  constructor(name = DATABASE_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    for (const { version, stores, upgrade } of versions) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    this.use(strictDurability);
  }
}
