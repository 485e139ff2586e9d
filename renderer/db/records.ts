/**
 * The shapes of everything Gapbridge stores on the device, defined once. Times are ISO 8601
 * strings in UTC; language-dependent rows carry the language they are written in.
 */
import type { PublishedKey } from '../certificates/certificateKeys';
import type { LanguageCode } from '../i18n/languages';
import type { DraftRole } from '../sync/tableSchemas';
import type { RejectionCode, SyncTableName } from '../sync/wire';

export type IsoInstant = string;

// Meetings ---------------------------------------------------------------------------------

export const MEETING_KINDS = [
  'study-group',
  'working-party',
  'rapporteur-group',
  'regional-group',
  'tsag',
  'workshop',
  'bsg-session',
  'contribution-clinic',
  'newcomer-session',
  'personal',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const DEADLINE_KINDS = ['contribution', 'translation', 'fellowship', 'registration', 'visa'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface DeadlineRecord {
  kind: DeadlineKind;
  /** A calendar date, 'YYYY-MM-DD', as printed in the collective letter or estimated. */
  date: string;
  /** True when printed in the collective letter; false when estimated from the A.1 rules. */
  official: boolean;
}

/** How delegates take part: on site only, on site with remote participation, or online only. */
export const MEETING_FORMATS = ['in-person', 'hybrid', 'virtual'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

/** Official dates the delegate typed in from a collective letter for a shipped meeting. */
export interface LetterEntryRecord {
  /** The letter's number as printed, e.g. "Collective letter 3/13". */
  collectiveLetter: string;
  /** Printed in the letter, so official; they replace the pack's dates of the same kind. */
  deadlines: DeadlineRecord[];
  enteredAt: IsoInstant;
}

export interface MeetingRecord {
  /** Stable across updates: the iCalendar UID where one exists. */
  id: string;
  kind: MeetingKind;
  /** The group, e.g. SG13, WP1/13, SG20RG-AFR. */
  group: string;
  title: Partial<Record<LanguageCode, string>>;
  start: IsoInstant;
  end: IsoInstant;
  /** The meeting's IANA time zone, e.g. Europe/Zurich. */
  timeZone: string;
  /** Null for a virtual meeting, or when the place is not published (`placeUnpublished`). */
  place: string | null;
  /** The place in each language (calendar pack); `place` is its English form. */
  placeTitle?: Partial<Record<LanguageCode, string>> | undefined;
  /** True when the source gives the dates but not the place. */
  placeUnpublished?: boolean | undefined;
  /** True when the source does not give the place and the calendar assumes it (Geneva). */
  placeAssumed?: boolean | undefined;
  remoteParticipation: boolean;
  /** Set when the source says so; otherwise derived from `place` and `remoteParticipation`. */
  format?: MeetingFormat | undefined;
  /** Announced but not yet confirmed by a collective letter: 'planned' or 'tentative', as of a month. */
  status?: { kind: 'planned' | 'tentative'; asOf: string } | undefined;
  links: { collectiveLetter?: string | undefined; meetingPage?: string | undefined };
  /** The deadlines printed in the collective letter; the others are estimated when shown. */
  deadlines: DeadlineRecord[];
  /** For a Contribution Clinic: the meeting whose deadline it prepares. */
  preparesMeetingId?: string | undefined;
  /** Where the record came from, and what it rests on. */
  origin: 'bundled' | 'imported' | 'entered';
  source?: string | undefined;
  /** The source in each language (calendar pack); `source` is its English form. */
  sourceTitle?: Partial<Record<LanguageCode, string>> | undefined;
  /** For a shipped meeting: what the delegate typed in from its letter; kept across calendar updates. */
  letterEntry?: LetterEntryRecord | undefined;
  updatedAt: IsoInstant;
}

/** An ITU-T study group or TSAG, with its title in each language (from the calendar pack). */
export interface StudyGroupRecord {
  id: string;
  kind: 'study-group' | 'tsag';
  title: Partial<Record<LanguageCode, string>>;
  /** True while the title's current wording is not confirmed. */
  isUnconfirmed: boolean;
}

/** A meeting, or all meetings of a group, that the delegate follows. */
export interface FollowRecord {
  /** `meeting:<id>` or `group:<group>`. */
  id: string;
  target: 'meeting' | 'group';
  targetId: string;
  createdAt: IsoInstant;
  /** The clock of the change that last wrote it (absent before schema version 5). */
  hlc?: string | undefined;
}

/** A reminder already shown, so that it is never shown twice. */
export interface ReminderRecord {
  /** `<meetingId>/<deadline kind>/<date>`. */
  id: string;
  shownAt: IsoInstant;
  hlc?: string | undefined;
}

// Course content (imported from content packs) ----------------------------------------------

export interface ContentPackRecord {
  /** e.g. `course/fr`, `calendar/all`. */
  id: string;
  version: string;
  sha256: string;
  installedAt: IsoInstant;
}

/**
 * A pack from the hub being downloaded (schema version 6): the signed manifest's entry for it, the
 * ETag the first bytes came with, and how many bytes are stored in `packChunks`, from byte 0 on.
 */
export interface PackDownloadRecord {
  /** The pack's id, `calendar/all`, `course/fr`. */
  id: string;
  version: string;
  sha256: string;
  size: number;
  url: string;
  /** The hub's ETag for these bytes; a resumed request must still name it (If-Range). */
  etag: string | null;
  received: number;
  startedAt: IsoInstant;
}

/** Received bytes of a pack download, one record per request answered. */
export interface PackChunkRecord {
  packId: string;
  /** The offset of the first byte in the pack. */
  start: number;
  bytes: Uint8Array;
}

/** Why a pack from the hub was not installed (`renderer/packs/packUpdater.ts`). */
export type PackRefusalReason =
  /** The bytes are not those the signed manifest lists (size or SHA-256). */
  | 'wrong-size'
  | 'wrong-hash'
  /** The bytes are as signed, but not a pack of that kind, language and version this app can read. */
  | 'invalid-pack'
  /** The signed gzip file inflates to more than its signed size (a gzip bomb): not inflated further. */
  | 'too-large';

/**
 * A pack version refused after download: kept so that it is not downloaded again and again, and
 * shown in Settings → Hub. Cleared when a newer version of that pack is installed.
 */
export interface PackRefusalRecord {
  id: string;
  version: string;
  sha256: string;
  reason: PackRefusalReason;
  refusedAt: IsoInstant;
}

/** Why the hub's list of packs was refused (`verifyManifest`). */
export type ManifestRefusalReason = 'malformed' | 'unknown-key' | 'revoked-key' | 'bad-signature' | 'older-manifest';

/** What the device knows of the hub's signed manifests, one record under the key `manifest`. */
export interface PackStateRecord {
  key: 'manifest';
  /** The highest manifest sequence accepted: an older manifest is refused. */
  sequence: number;
  checkedAt: IsoInstant;
  /** The last manifest fetched was refused, and why; null when it was accepted. */
  refusal: ManifestRefusalReason | null;
}

export interface CourseModuleRecord {
  lang: LanguageCode;
  id: string;
  order: number;
  title: string;
  summary: string;
}

export interface LessonRecord {
  lang: LanguageCode;
  id: string;
  moduleId: string;
  order: number;
  title: string;
  /** Sanitised HTML. */
  body: string;
  /** The clauses and texts the lesson rests on, e.g. "A.1 §3.1". */
  sources: string[];
}

export type QuestionType = 'single' | 'multiple' | 'true-false';

export interface QuestionRecord {
  lang: LanguageCode;
  id: string;
  moduleId: string;
  lessonId: string;
  type: QuestionType;
  prompt: string;
  /** In authored order; `fixedLast` ("All of the above") stays last when an attempt shuffles them. */
  choices: { id: string; text: string; fixedLast?: true | undefined }[];
  correctChoiceIds: string[];
  explanation: string;
  /** The fact-sheet fact the question rests on, e.g. M2-12; absent in packs older than the field. */
  fact?: string | undefined;
}

// Learning -----------------------------------------------------------------------------------

export interface QuizAttemptRecord {
  id: string;
  kind: 'module' | 'practice';
  /** Null for a practice assessment across all modules. */
  moduleId: string | null;
  questionIds: string[];
  /**
   * The order the choices of each question are shown in, drawn when the attempt starts, so that a
   * resumed attempt and its review show the order the learner saw. Absent in older attempts:
   * they show the authored order.
   */
  choiceOrder?: Record<string, string[]> | undefined;
  /** Questions the learner flagged to come back to (practice assessment). */
  flagged?: string[] | undefined;
  answers: Record<string, string[]>;
  /** Fraction correct, 0 to 1; null while the attempt is unfinished. */
  score: number | null;
  startedAt: IsoInstant;
  finishedAt: IsoInstant | null;
  contentVersion: string;
  /** Set when the finished attempt was queued or pulled; unfinished attempts stay on the device. */
  hlc?: string | undefined;
}

export interface LessonProgressRecord {
  lessonId: string;
  moduleId: string;
  readAt: IsoInstant | null;
  /** How far the reader had scrolled, 0 to 1 (this device's own: never synced). */
  position: number;
  updatedAt: IsoInstant;
  /** The clock of the change that set `readAt`. */
  readHlc?: string | undefined;
}

/** A certificate of achievement of the Gapbridge A.1 course, as issued on the device. */
export interface CertificateRecord {
  /** Unique and short enough to read out: e.g. GB-7F3K-92QD-XM4P. */
  id: string;
  /** The learner's name as it should appear. */
  name: string;
  /** The overall score when issued, 0 to 1. */
  overallScore: number;
  issuedAt: IsoInstant;
  /** The finished module attempts whose best scores made the overall score. */
  attemptIds: string[];
  /** Provisional until the hub has re-graded the attempts and signed it. */
  status: 'provisional' | 'confirmed';
  /**
   * Once confirmed: the hub's signed code (GBC1.…), stored only after it verified against the
   * known certificate keys. Its payload (the hub's scores, date, id and key id) is read from it.
   */
  code?: string | undefined;
}

/** A hub's public certificate key this device knows beyond the shipped ones (certificate-keys.json). */
export type CertificateKeyRecord = PublishedKey;

// Drafts -------------------------------------------------------------------------------------

export type DraftStatus = 'draft' | 'ready' | 'submitted';

/**
 * A draft's entry in the list. `title` and `status` are copies of its document's cover (derived,
 * recomputed on the device, never taken from the wire); `language`, `meetingId` and `createdAt`
 * sync as the `drafts` table, `deletedAt` as `draftTrash`.
 */
export interface DraftRecord {
  id: string;
  title: string;
  status: DraftStatus;
  meetingId: string | null;
  /** The draft's own language, independent of the interface language. */
  language: LanguageCode;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
  /** Set when moved to the trash. */
  deletedAt: IsoInstant | null;
  /** The clocks of the last change to the synced facts and to the trash state. */
  hlc?: string | undefined;
  trashHlc?: string | undefined;
}

/**
 * Who may read and write a shared draft, as the hub last said (the `draftAccess` table, written
 * by the hub alone): kept so that the device knows offline whether it may change the draft.
 */
export interface DraftAccessRecord {
  draftId: string;
  ownerEmail: string;
  /** This person's own role. */
  role: DraftRole;
  /** Everyone else it is shared with (not the owner). */
  members: { email: string; role: Exclude<DraftRole, 'owner'> }[];
  hlc: string;
}

/** One Yjs update of a draft's document (cover fields and body), appended as the user types. */
export interface DraftUpdateRecord {
  seq?: number;
  /** The change's id on the wire (`draftUpdates` key) and its clock; absent on a local compaction. */
  changeId?: string | undefined;
  hlc?: string | undefined;
  /** The synced changes a compaction merged into this one (they still count in the checksum). */
  merged?: { changeId: string; hlc: string }[] | undefined;
  draftId: string;
  update: Uint8Array;
  createdAt: IsoInstant;
}

/** The whole state of a draft at one moment, taken while editing or on demand. */
export interface DraftSnapshotRecord {
  id: string;
  draftId: string;
  createdAt: IsoInstant;
  kind: 'auto' | 'manual' | 'before-restore' | 'before-merge';
  /** Y.encodeStateAsUpdate of the draft's document. */
  state: Uint8Array;
}

// Sync ---------------------------------------------------------------------------------------

/**
 * A change waiting to be sent to the hub, written in the same transaction as the change itself
 * (`recordChange` in syncedChanges.ts): the wire's PushedChange, with only the fields that sync.
 * `seq` is IndexedDB's auto-increment, so it only grows: with the device id, the change's identity.
 */
export interface OutboxEntry {
  seq?: number;
  table: SyncTableName;
  key: string;
  op: 'put' | 'delete';
  hlc: string;
  /** The version of the payload's shape. */
  v: number;
  data?: Record<string, unknown> | undefined;
}

/** A deleted synced record (an unfollow): kept so that an older copy pulled later stays deleted. */
export interface TombstoneRecord {
  table: SyncTableName;
  key: string;
  hlc: string;
}

/** A change the hub refused (it never blocks the queue): kept for the delegate to see. */
export interface RejectedChangeRecord {
  /** The change's own sequence number on this device. */
  seq: number;
  /** The synced table, as on the wire (e.g. `settings`). */
  table: string;
  key: string;
  code: RejectionCode;
  rejectedAt: IsoInstant;
}

export interface SyncStateRecord {
  /**
   * `clientId`: this database's device id, made once. `hlc`: the last clock stamp issued or
   * received. `cursor`: the last hub sequence number stored. `account`: `<hubUrl> <email>` of the
   * account this profile syncs with.
   */
  key: 'clientId' | 'hlc' | 'cursor' | 'lastSyncedAt' | 'account';
  value: string;
}

// Settings -----------------------------------------------------------------------------------

/** Device settings and their types. */
export interface SettingValues {
  language: LanguageCode;
  reminderDays: number;
}

export type SettingKey = keyof SettingValues;

export interface SettingRecord<K extends SettingKey = SettingKey> {
  key: K;
  value: SettingValues[K];
  updatedAt: IsoInstant;
  hlc?: string | undefined;
}
