import type { MeetingRecord } from '../../../db/records';
import { FALLBACK_LANGUAGE, LANGUAGES, type LanguageCode } from '../../../i18n/languages';

/** The meeting's title in the language asked for, else English, else any it has, else its group. */
export function meetingTitle(meeting: Pick<MeetingRecord, 'title' | 'group'>, language: LanguageCode): string {
  return (
    meeting.title[language] ??
    meeting.title[FALLBACK_LANGUAGE] ??
    LANGUAGES.map((l) => meeting.title[l.code]).find((title) => title !== undefined) ??
    meeting.group
  );
}
