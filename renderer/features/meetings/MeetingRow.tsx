import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FollowRecord, MeetingRecord } from '../../db/records';
import type { LanguageCode } from '../../i18n/languages';
import { hashOf } from '../../state/view';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDailySessions, formatDaysFrom, formatMonth, localTimeZone } from './formatMeetings';
import { MeetingPlace, MeetingStatus } from './MeetingPlace';
import { deadlinesOf, isFollowed } from './model/agenda';
import { groupLabel } from './model/groupLabel';
import { meetingTitle } from './model/titles';

/**
 * What a row shows that costs Intl and i18next work (days, hours, the deadlines), kept per stored
 * record: the live query gives a new record object when a meeting changes, so an entry never goes
 * stale, and a filter that brings back rows already drawn formats nothing again.
 */
const rowFacts = new WeakMap<MeetingRecord, { key: string; facts: ReturnType<typeof factsOf> }>();

function factsOf(meeting: MeetingRecord, language: LanguageCode, timeZone: string, t: TFunction<'meetings'>) {
  const sessions = formatDailySessions(meeting.start, meeting.end, language, timeZone);
  return {
    // i18next's number format in the plural string is costly per call: format once per record.
    when: t('meeting.dailySessions', { days: sessions.days, hours: sessions.hours, count: sessions.dayCount }),
    deadlines: deadlinesOf(meeting),
  };
}

function cachedFacts(meeting: MeetingRecord, language: LanguageCode, timeZone: string, t: TFunction<'meetings'>) {
  const key = `${language}|${timeZone}`;
  const cached = rowFacts.get(meeting);
  if (cached?.key === key) return cached.facts;
  const facts = factsOf(meeting, language, timeZone, t);
  rowFacts.set(meeting, { key, facts });
  return facts;
}

/** One meeting in the agenda: title, days and daily hours in the delegate's zone, place, next deadline. */
export const MeetingRow = memo(function MeetingRow({
  meeting,
  follows,
  today,
}: {
  meeting: MeetingRecord;
  follows: readonly FollowRecord[];
  today: string;
}) {
  const { t } = useTranslation('meetings');
  const lang = useLanguage();
  const { when, deadlines } = cachedFacts(meeting, lang, localTimeZone(), t);
  const next = deadlines.find((d) => d.date >= today);
  return (
    <article className="meeting-row" data-testid={`meeting-${meeting.id}`}>
      <h3>
        <a href={hashOf('meetings', ['meeting', meeting.id])}>{meetingTitle(meeting, lang)}</a>
        {isFollowed(meeting, follows) && <span className="badge">{t('follow.following')}</span>}
        <MeetingStatus meeting={meeting} month={(m) => formatMonth(m, lang)} />
      </h3>
      <p className="meeting-when">{when}</p>
      <p className="meeting-where">
        {meeting.kind !== 'personal' && (
          <>
            <bdi>{groupLabel(meeting.group, lang)}</bdi> ·{' '}
          </>
        )}
        {t(`kinds.${meeting.kind}`)} · <MeetingPlace meeting={meeting} lang={lang} />
      </p>
      {next && (
        <p className="meeting-next">
          {t(next.official ? 'deadlines.next' : 'deadlines.nextEstimate', {
            deadline: t(`deadlines.kinds.${next.kind}`),
            when: formatDaysFrom(today, next.date, lang),
          })}
        </p>
      )}
    </article>
  );
});
