import * as Y from 'yjs';
import { z } from 'zod';
import { LANGUAGES, type LanguageCode } from '../../../i18n/languages';
import { bodySchema } from './bodySchema';
import { BODY_FIELD, COVER_FIELD, PURPOSES, bodyJson } from './draftDoc';

const text = z.string().max(20_000);

/** What each cover field may hold; a field may be missing (its default is used). */
const coverSchema = z
  .object({
    studyGroup: text,
    questions: text,
    meetingId: z.string().max(500).nullable(),
    placeAndDate: text,
    source: text,
    title: text,
    purpose: z.enum(PURPOSES),
    contacts: z
      .array(
        z.object({ name: text, organization: text, country: text, phone: text, email: text }).catchall(z.unknown()),
      )
      .max(200),
    keywords: text,
    abstract: text,
    language: z.enum(LANGUAGES.map((l) => l.code) as [LanguageCode, ...LanguageCode[]]),
  })
  .partial();

export type DraftDocProblem = 'cover' | 'body';

/**
 * Why a draft's document cannot be edited safely, or null when it can: every cover field of the
 * type the form expects, and a body that is a valid document of the editor's schema (the editor
 * would otherwise silently drop what does not fit, or fail to open).
 */
export function draftDocProblem(doc: Y.Doc): DraftDocProblem | null {
  // Raw values, not toJSON(): a Y.Text where a string belongs must be refused, not stringified.
  const cover = Object.fromEntries(doc.getMap(COVER_FIELD).entries());
  if (!coverSchema.safeParse(cover).success) return 'cover';
  const body = doc.getXmlFragment(BODY_FIELD);
  // An empty body is what a new draft has: the editor adds its first paragraph.
  if (body.length === 0) return null;
  try {
    bodySchema().nodeFromJSON(bodyJson(doc)).check();
  } catch {
    return 'body';
  }
  return null;
}

/** A copy of a document, to try changes on without touching the original. */
export function scratchCopy(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** A snapshot's document, or null when it cannot be read or would not open in the editor. */
export function validSnapshotDoc(state: Uint8Array): Y.Doc | null {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
  } catch {
    return null;
  }
  return draftDocProblem(doc) ? null : doc;
}
