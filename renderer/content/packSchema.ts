import { z } from 'zod';
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
  choices: z.array(z.strictObject({ id: text, text })).min(2),
  correctChoiceIds: z.array(text).min(1),
  explanation: text,
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

export const manifestSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  packs: z.array(
    z.strictObject({
      id: text,
      kind: z.literal('course'),
      lang: languageCode,
      version: text,
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      file: z.string().regex(/^[\w.-]+\.json$/),
      bytes: z.number().int().positive(),
    }),
  ),
});

export type CoursePack = z.infer<typeof coursePackSchema>;
export type PackManifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = PackManifest['packs'][number];
