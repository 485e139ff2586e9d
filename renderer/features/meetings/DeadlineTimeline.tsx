import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { formatCalendarDate, formatDaysFrom, localTimeZone, todayIn } from './formatMeetings';
import type { MeetingKind } from '../../db/records';
import type { MeetingDeadlines } from './model/deadlines';

/**
 * A meeting's deadlines in date order: official or estimated, and how far off ("in 12 days",
 * "passed"); then the deadlines that do not apply to this meeting, and why.
 */
export function DeadlineTimeline({
  deadlineSet,
  meetingKind,
  collectiveLetter,
}: {
  deadlineSet: MeetingDeadlines;
  meetingKind: MeetingKind;
  collectiveLetter?: string | undefined;
}) {
  const deadlines = deadlineSet.shown;
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
      {collectiveLetter && deadlines.some((d) => d.official) && (
        <p className="hint">{t('deadlines.officialFrom', { letter: collectiveLetter })}</p>
      )}
      {deadlines.some((d) => !d.official) && <p className="hint">{t('deadlines.estimateNote')}</p>}
      {meetingKind === 'personal' ? (
        <p className="hint" data-testid="deadlines-not-applicable">
          {t('deadlines.personal')}
        </p>
      ) : (
        deadlineSet.notApplicable.length > 0 && (
          <div className="not-applicable" data-testid="deadlines-not-applicable">
            <h3>{t('deadlines.notApplicableHeading')}</h3>
            <ul>
              {deadlineSet.notApplicable.map(({ kind, reason }) => (
                <li key={kind} data-testid={`not-applicable-${kind}`}>
                  {reason === 'kind'
                    ? t('deadlines.notApplicable.kind', {
                        deadline: t(`deadlines.kinds.${kind}`),
                        kind: t(`kinds.${meetingKind}`),
                      })
                    : t('deadlines.notApplicable.format', { deadline: t(`deadlines.kinds.${kind}`) })}
                </li>
              ))}
            </ul>
          </div>
        )
      )}
    </section>
  );
}
