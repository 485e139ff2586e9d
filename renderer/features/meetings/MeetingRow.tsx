import { useTranslation } from 'react-i18next';
import type { FollowRecord, MeetingRecord } from '../../db/records';
import { hashOf } from '../../state/view';
import { useLanguage } from '../course/useCourse';
import { formatDailySessions, formatDaysFrom, formatMonth, localTimeZone } from './formatMeetings';
import { MeetingPlace, MeetingStatus } from './MeetingPlace';
import { deadlinesOf, isFollowed } from './model/agenda';
import { groupLabel } from './model/groupLabel';
import { meetingTitle } from './model/titles';

/** One meeting in the agenda: title, days and daily hours in the delegate's zone, place, next deadline. */
export function MeetingRow({
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
  const next = deadlinesOf(meeting).find((d) => d.date >= today);
  const sessions = formatDailySessions(meeting.start, meeting.end, lang, localTimeZone());
  return (
    <article className="meeting-row" data-testid={`meeting-${meeting.id}`}>
      <h3>
        <a href={hashOf('meetings', ['meeting', meeting.id])}>{meetingTitle(meeting, lang)}</a>
        {isFollowed(meeting, follows) && <span className="badge">{t('follow.following')}</span>}
        <MeetingStatus meeting={meeting} month={(m) => formatMonth(m, lang)} />
      </h3>
      <p className="meeting-when">
        {t('meeting.dailySessions', { days: sessions.days, hours: sessions.hours, count: sessions.dayCount })}
      </p>
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
}
