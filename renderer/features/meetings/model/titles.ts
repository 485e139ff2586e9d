import type { MeetingRecord } from '../../../db/records';
import { FALLBACK_LANGUAGE, LANGUAGES, type LanguageCode } from '../../../i18n/languages';
import { groupLabel } from './groupLabel';

/** The meeting's title in the language asked for, else English, else any it has, else its group as the language writes it. */
export function meetingTitle(meeting: Pick<MeetingRecord, 'title' | 'group'>, language: LanguageCode): string {
  return (
    meeting.title[language] ??
    meeting.title[FALLBACK_LANGUAGE] ??
    LANGUAGES.map((l) => meeting.title[l.code]).find((title) => title !== undefined) ??
    groupLabel(meeting.group, language)
  );
}

function inLanguage(texts: Partial<Record<LanguageCode, string>> | undefined, language: LanguageCode) {
  return texts?.[language] ?? texts?.[FALLBACK_LANGUAGE];
}

/** The place in the language asked for (calendar pack), else as stored; null when there is none. */
export function meetingPlace(meeting: Pick<MeetingRecord, 'place' | 'placeTitle'>, language: LanguageCode) {
  return inLanguage(meeting.placeTitle, language) ?? meeting.place;
}

/** The source in the language asked for (calendar pack), else as stored. */
export function meetingSource(meeting: Pick<MeetingRecord, 'source' | 'sourceTitle'>, language: LanguageCode) {
  return inLanguage(meeting.sourceTitle, language) ?? meeting.source;
}
