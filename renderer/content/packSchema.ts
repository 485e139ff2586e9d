import { z } from 'zod';
import { DEADLINE_KINDS, MEETING_KINDS } from '../db/records';
import { LANGUAGES, type LanguageCode } from '../i18n/languages';

/**
 * The compiled content packs and their manifest: written by content/build, read by the app.
 * The app validates every pack against this before it touches the database.
 */
export const PACK_FORMAT = 1;

const languageCode = z.enum(LANGUAGES.map((l) => l.code) as [LanguageCode, ...LanguageCode[]]);
const text = z.string().min(1);

export const packModuleSchema = z.strictObject({ id: text, order: z.number().int(), title: text, summary: text });

export const packLessonSchema = z.strictObject({
  id: text,
  moduleId: text,
  order: z.number().int(),
  title: text,
  body: text,
  sources: z.array(text),
});

export const packQuestionSchema = z.strictObject({
  id: text,
  moduleId: text,
  lessonId: text,
  type: z.enum(['single', 'multiple', 'true-false']),
  prompt: text,
  choices: z.array(z.strictObject({ id: text, text, fixedLast: z.literal(true).optional() })).min(2),
  correctChoiceIds: z.array(text).min(1),
  explanation: text,
  /** The fact-sheet fact the question rests on (packs made before it was carried have none). */
  fact: text.optional(),
});

export const coursePackSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  kind: z.literal('course'),
  lang: languageCode,
  version: text,
  modules: z.array(packModuleSchema),
  lessons: z.array(packLessonSchema),
  questions: z.array(packQuestionSchema),
});

const localized = z.strictObject(
  Object.fromEntries(LANGUAGES.map((l) => [l.code, text])) as Record<LanguageCode, typeof text>,
);

const instant = z.iso.datetime();
const calendarDate = z.iso.date();

export const packMeetingSchema = z.strictObject({
  id: text,
  kind: z.enum(MEETING_KINDS),
  group: text,
  title: localized,
  start: instant,
  end: instant,
  timeZone: text,
  place: text.nullable(),
  remoteParticipation: z.boolean(),
  links: z.strictObject({ collectiveLetter: text.optional(), meetingPage: text.optional() }),
  deadlines: z.array(
    z.strictObject({
      kind: z.enum(DEADLINE_KINDS),
      date: calendarDate,
      official: z.boolean(),
    }),
  ),
  preparesMeetingId: text.optional(),
  source: text,
});

export const calendarPackSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  kind: z.literal('calendar'),
  lang: z.literal('all'),
  version: text,
  groups: z.array(
    z.strictObject({
      id: text,
      kind: z.enum(['study-group', 'tsag']),
      title: localized,
      isUnconfirmed: z.boolean(),
    }),
  ),
  meetings: z.array(packMeetingSchema),
});

export const manifestSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  packs: z.array(
    z.strictObject({
      id: text,
      kind: z.enum(['course', 'calendar']),
      lang: z.union([languageCode, z.literal('all')]),
      version: text,
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      file: z.string().regex(/^[\w.-]+\.json$/),
      bytes: z.number().int().positive(),
    }),
  ),
});

export type CoursePack = z.infer<typeof coursePackSchema>;
export type CalendarPack = z.infer<typeof calendarPackSchema>;
export type PackManifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = PackManifest['packs'][number];
