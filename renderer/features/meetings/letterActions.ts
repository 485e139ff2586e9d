import { db } from '../../db';
import { meetingById, saveLetterEntry, saveOwnMeeting } from '../../db/meetings';
import type { LanguageCode } from '../../i18n/languages';
import { dateInZone } from './model/calendarDate';
import {
  readLetterEntry,
  readLetterForm,
  type LetterEntryForm,
  type LetterForm,
  type LetterFormErrors,
} from './model/letterForm';

export type LetterOutcome =
  { kind: 'saved'; meetingId: string } | { kind: 'invalid'; errors: LetterFormErrors } | { kind: 'not-saved' };

/**
 * Stores a meeting typed in from its collective letter (new, or an edit of one the delegate
 * imported or typed in): the dates the letter prints are official. One transaction; nothing is
 * stored when a field is wrong.
 */
export async function saveMeetingFromLetter(
  form: LetterForm,
  language: LanguageCode,
  existingId?: string,
): Promise<LetterOutcome> {
  try {
    const previous = existingId ? await meetingById(db, existingId) : undefined;
    if (previous?.origin === 'bundled') return { kind: 'not-saved' };
    const id = previous?.id ?? `entered-${crypto.randomUUID()}`;
    const read = readLetterForm(form, { id, language, now: new Date(), previous });
    if (!read.ok) return { kind: 'invalid', errors: read.errors };
    await saveOwnMeeting(db, read.meeting);
    return { kind: 'saved', meetingId: id };
  } catch (error) {
    console.error('Meeting not saved', error);
    return { kind: 'not-saved' };
  }
}

/** Records the official dates of a shipped meeting from its letter; they outlive calendar updates. */
export async function saveOfficialDates(meetingId: string, form: LetterEntryForm): Promise<LetterOutcome> {
  try {
    const meeting = await meetingById(db, meetingId);
    if (!meeting) return { kind: 'not-saved' };
    const read = readLetterEntry(form, dateInZone(new Date(meeting.start), meeting.timeZone));
    if (!read.ok) return { kind: 'invalid', errors: read.errors };
    const saved = await saveLetterEntry(db, meetingId, {
      collectiveLetter: read.collectiveLetter,
      deadlines: read.deadlines,
      enteredAt: new Date().toISOString(),
    });
    return saved ? { kind: 'saved', meetingId } : { kind: 'not-saved' };
  } catch (error) {
    console.error('Official dates not saved', error);
    return { kind: 'not-saved' };
  }
}

/** Removes what the delegate typed in for a shipped meeting: the estimates show again. */
export async function removeOfficialDates(meetingId: string): Promise<boolean> {
  try {
    return await saveLetterEntry(db, meetingId, null);
  } catch (error) {
    console.error('Official dates not removed', error);
    return false;
  }
}
