import './meetings.css';
import { useTranslation } from 'react-i18next';
import { hashOf } from '../../state/view';
import { useLanguage } from '../../i18n/useLanguage';
import { formatCalendarDate, formatDaysFrom, localTimeZone, todayIn } from './formatMeetings';
import { upcomingDeadlines } from './model/agenda';
import { dateInZone } from './model/calendarDate';
import { NoUpcomingMeetings } from './NoUpcomingMeetings';
import { useMeetings } from './useMeetings';

const SHOWN = 6;

/** The next deadlines of followed meetings and groups, soonest first. */
export function WhatsNext() {
  const { t } = useTranslation('meetings');
  const lang = useLanguage();
  const data = useMeetings();
  if (!data) return null;
  const today = todayIn(localTimeZone());
  const next = upcomingDeadlines(data.meetings, data.follows, today, lang).slice(0, SHOWN);
  const isAnyAhead = data.meetings.some(
    (m) => m.kind !== 'personal' && dateInZone(new Date(m.end), localTimeZone()) >= today,
  );
  return (
    <section className="card" aria-labelledby="whats-next-heading" data-testid="whats-next">
      <h2 id="whats-next-heading">{t('whatsNext.heading')}</h2>
      {!isAnyAhead ? (
        <NoUpcomingMeetings headingLevel="h3" />
      ) : next.length === 0 ? (
        <p>{t('whatsNext.empty')}</p>
      ) : (
        <ol className="whats-next">
          {next.map(({ meeting, deadline, title }) => (
            <li key={`${meeting.id}/${deadline.kind}`}>
              <span className="when">{formatDaysFrom(today, deadline.date, lang)}</span>
              <a href={hashOf('meetings', ['meeting', meeting.id])}>
                {t('whatsNext.item', { deadline: t(`deadlines.kinds.${deadline.kind}`), title })}
              </a>
              <span className="hint">
                {formatCalendarDate(deadline.date, lang, 'medium')}
                {` · ${deadline.official ? t('deadlines.official') : t('deadlines.estimate')}`}
              </span>
            </li>
          ))}
        </ol>
      )}
      <a className="button" href={hashOf('meetings')}>
        {t('whatsNext.toMeetings')}
      </a>
    </section>
  );
}
