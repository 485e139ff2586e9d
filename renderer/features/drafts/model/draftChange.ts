import * as Y from 'yjs';
import type { LanguageCode } from '../../../i18n/languages';
import { BODY_FIELD, bodyJson, bodyText, readCover, writeCover, type CoverFields } from './draftDoc';
import { draftDocProblem, scratchCopy, type DraftDocProblem } from './validateDraft';

const COVER_TEXT_FIELDS = ['title', 'source', 'keywords', 'abstract'] as const satisfies (keyof CoverFields)[];

/** The words a delegate wrote: the body and the cover's prose fields. */
function draftWords(doc: Y.Doc): string[] {
  const cover = readCover(doc, 'en');
  return [bodyText(bodyJson(doc)), ...COVER_TEXT_FIELDS.map((field) => cover[field])]
    .join('\n')
    .split(/\s+/)
    .filter(Boolean);
}

function tally(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** What a change did to a draft, in words: as a delegate would judge a merge. */
export interface DraftChange {
  wordsBefore: number;
  wordsAdded: number;
  wordsRemoved: number;
}

export function compareDrafts(before: Y.Doc, after: Y.Doc): DraftChange {
  const old = tally(draftWords(before));
  const now = tally(draftWords(after));
  let wordsAdded = 0;
  let wordsRemoved = 0;
  for (const [word, count] of now) wordsAdded += Math.max(0, count - (old.get(word) ?? 0));
  for (const [word, count] of old) wordsRemoved += Math.max(0, count - (now.get(word) ?? 0));
  return { wordsBefore: [...old.values()].reduce((a, b) => a + b, 0), wordsAdded, wordsRemoved };
}

/** A change that removes more than half of what was written asks the delegate first. */
export function deletesMost(change: DraftChange): boolean {
  return change.wordsBefore > 0 && change.wordsRemoved * 2 > change.wordsBefore;
}

export type MergePlan =
  { problem: DraftDocProblem | 'damaged' } | { problem: null; change: DraftChange; merged: Y.Doc };

/**
 * Tries a carried-in state on a copy of the draft: refused when the result would not open in the
 * editor, else what it would change. The draft itself is not touched.
 */
export function planMerge(current: Y.Doc, update: Uint8Array): MergePlan {
  const merged = scratchCopy(current);
  try {
    Y.applyUpdate(merged, update);
  } catch {
    return { problem: 'damaged' };
  }
  const problem = draftDocProblem(merged);
  if (problem) return { problem };
  return { problem: null, change: compareDrafts(current, merged), merged };
}

/**
 * Makes a document read as an earlier version, as new changes on top of the present (so the
 * restore itself is in the history, syncs, and can be undone).
 */
export function restoreVersion(doc: Y.Doc, version: Y.Doc, fallbackLanguage: LanguageCode): void {
  const body = doc.getXmlFragment(BODY_FIELD);
  const oldBody = version.getXmlFragment(BODY_FIELD);
  doc.transact(() => {
    writeCover(doc, readCover(version, readCover(doc, fallbackLanguage).language));
    body.delete(0, body.length);
    body.insert(
      0,
      oldBody
        .toArray()
        .filter((node): node is Y.XmlElement | Y.XmlText => !(node instanceof Y.XmlHook))
        .map((node) => node.clone()),
    );
  });
}
