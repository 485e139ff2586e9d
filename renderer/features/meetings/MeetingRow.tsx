import { useTranslation } from 'react-i18next';
import type { FollowRecord, MeetingRecord } from '../../db/records';
import { hashOf } from '../../state/view';
import { useLanguage } from '../course/useCourse';
import { formatDaysFrom, formatRange, localTimeZone } from './formatMeetings';
import { deadlinesOf, isFollowed } from './model/agenda';
import { meetingTitle } from './model/titles';

/** One meeting in the agenda: title, dates in the delegate's zone, place, and its next deadline. */
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
  return (
    <article className="meeting-row" data-testid={`meeting-${meeting.id}`}>
      <h3>
        <a href={hashOf('meetings', ['meeting', meeting.id])}>{meetingTitle(meeting, lang)}</a>
        {isFollowed(meeting, follows) && <span className="badge">{t('follow.following')}</span>}
      </h3>
      <p className="meeting-when">{formatRange(meeting.start, meeting.end, lang, localTimeZone(), false)}</p>
      <p className="meeting-where">
        <bdi>{meeting.group}</bdi> · {t(`kinds.${meeting.kind}`)} · {meeting.place ?? t('meeting.virtual')}
      </p>
      {next && (
        <p className="meeting-next">
          {t(`deadlines.kinds.${next.kind}`)}: {formatDaysFrom(today, next.date, lang)}
          {!next.official && <span className="estimate"> ({t('deadlines.estimate')})</span>}
        </p>
      )}
    </article>
  );
}
