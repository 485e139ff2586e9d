import { useTranslation } from 'react-i18next';
import { useLanguage } from '../course/useCourse';
import { formatCalendarDate, formatDaysFrom, localTimeZone, todayIn } from './formatMeetings';
import type { Deadline } from './model/deadlines';

/** A meeting's deadlines in date order: official or estimated, and how far off ("in 12 days", "passed"). */
export function DeadlineTimeline({ deadlines }: { deadlines: readonly Deadline[] }) {
  const { t } = useTranslation('meetings');
  const lang = useLanguage();
  const today = todayIn(localTimeZone());
  return (
    <section className="deadlines" aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading">{t('deadlines.heading')}</h2>
      <ol className="timeline">
        {deadlines.map((deadline) => {
          const hasPassed = deadline.date < today;
          return (
            <li
              key={deadline.kind}
              className={hasPassed ? 'has-passed' : undefined}
              data-testid={`deadline-${deadline.kind}`}
            >
              <p className="timeline-what">{t(`deadlines.kinds.${deadline.kind}`)}</p>
              <p className="timeline-when">
                <time dateTime={deadline.date}>{formatCalendarDate(deadline.date, lang)}</time>{' '}
                <span className="timeline-relative">
                  {hasPassed ? t('deadlines.passed') : formatDaysFrom(today, deadline.date, lang)}
                </span>
              </p>
              <span className={deadline.official ? 'badge badge-official' : 'badge badge-estimate'}>
                {deadline.official ? t('deadlines.official') : t('deadlines.estimate')}
              </span>
            </li>
          );
        })}
      </ol>
      {deadlines.some((d) => !d.official) && <p className="hint">{t('deadlines.estimateNote')}</p>}
    </section>
  );
}
