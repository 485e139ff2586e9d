import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { LanguageCode } from '../../../i18n/languages';
import type { DraftStatus } from '../../../db/records';

/**
 * A draft is one Yjs document: the cover-page fields in a map and the body in an XML fragment
 * (the editor's). Two copies edited apart merge field by field and character by character.
 */
export const BODY_FIELD = 'body';
export const COVER_FIELD = 'cover';

export const PURPOSES = ['proposal', 'discussion', 'information', 'other'] as const;
export type Purpose = (typeof PURPOSES)[number];

export interface Contact {
  name: string;
  organization: string;
  country: string;
  phone: string;
  email: string;
}

export interface CoverFields {
  /** e.g. SG13, or TSAG. */
  studyGroup: string;
  /** e.g. "9/12" or "9/12, 10/12" or "All/13". */
  questions: string;
  meetingId: string | null;
  /** "Geneva, 9-17 June 2026": from the meeting, or written in. */
  placeAndDate: string;
  source: string;
  title: string;
  purpose: Purpose;
  contacts: Contact[];
  keywords: string;
  abstract: string;
  /** The draft's own language, independent of the interface language. */
  language: LanguageCode;
  /** In the document, so that co-authors' and devices' changes of it merge like any field. */
  status: DraftStatus;
}

export const EMPTY_CONTACT: Contact = { name: '', organization: '', country: '', phone: '', email: '' };

export function emptyCover(language: LanguageCode): CoverFields {
  return {
    studyGroup: '',
    questions: '',
    meetingId: null,
    placeAndDate: '',
    source: '',
    title: '',
    purpose: 'proposal',
    contacts: [{ ...EMPTY_CONTACT }],
    keywords: '',
    abstract: '',
    language,
    status: 'draft',
  };
}

function coverMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(COVER_FIELD);
}

/** The cover fields, each from the document or its default. */
export function readCover(doc: Y.Doc, fallbackLanguage: LanguageCode): CoverFields {
  const map = coverMap(doc);
  const defaults = emptyCover(fallbackLanguage);
  const read = <K extends keyof CoverFields>(key: K): CoverFields[K] =>
    map.has(key) ? (map.get(key) as CoverFields[K]) : defaults[key];
  return {
    studyGroup: read('studyGroup'),
    questions: read('questions'),
    meetingId: read('meetingId'),
    placeAndDate: read('placeAndDate'),
    source: read('source'),
    title: read('title'),
    purpose: read('purpose'),
    contacts: read('contacts'),
    keywords: read('keywords'),
    abstract: read('abstract'),
    language: read('language'),
    status: read('status'),
  };
}

/** The cover fields a draft's list entry shows, stored with each change. */
export function draftListFields(doc: Y.Doc, fallbackLanguage: LanguageCode) {
  const { title, meetingId, language, status } = readCover(doc, fallbackLanguage);
  return { title, meetingId, language, status };
}

export function writeCover(doc: Y.Doc, changes: Partial<CoverFields>): void {
  const map = coverMap(doc);
  doc.transact(() => {
    for (const [key, value] of Object.entries(changes)) map.set(key, value);
  });
}

/** The body as ProseMirror JSON (no editor needed): what export and history views read. */
export function bodyJson(doc: Y.Doc): BodyNode {
  return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY_FIELD)) as BodyNode;
}

export interface BodyNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: BodyNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** The body's plain text, paragraphs on their own lines: for search, word counts and tests. */
export function bodyText(node: BodyNode): string {
  if (node.text) return node.text;
  const inner = (node.content ?? []).map(bodyText);
  const isBlock = [
    'paragraph',
    'heading',
    'listItem',
    'tableRow',
    'doc',
    'bulletList',
    'orderedList',
    'table',
  ].includes(node.type);
  return isBlock ? inner.join(node.type === 'tableRow' ? '\t' : '\n') : inner.join('');
}

/**
 * Words as the language's own rules cut them (Intl.Segmenter): Chinese and Japanese are written
 * without spaces, so counting spaces would make a whole abstract one word.
 */
export function countWords(text: string, language?: string): number {
  let words = 0;
  for (const segment of new Intl.Segmenter(language, { granularity: 'word' }).segment(text)) {
    if (segment.isWordLike) words += 1;
  }
  return words;
}
