import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarFileActions } from './CalendarFileActions';
import { FilterBar } from './FilterBar';
import { useMeetingFilters } from './filterStore';
import { localTimeZone, todayIn } from './formatMeetings';
import { MeetingRow } from './MeetingRow';
import { filterMeetings, splitByTime } from './model/agenda';
import type { MeetingsData } from './useMeetings';

/** Rows drawn at first; thousands of meetings stay fast, and "Show more" draws the next page. */
const PAGE = 50;

export function AgendaView({ data }: { data: MeetingsData }) {
  const { t } = useTranslation('meetings');
  const filter = useMeetingFilters();
  const [limit, setLimit] = useState(PAGE);
  const shown = useMemo(
    () => filterMeetings(data.index, { group: filter.group, kind: filter.kind, query: filter.query }),
    [data.index, filter.group, filter.kind, filter.query],
  );
  const { upcoming, past } = splitByTime(shown, new Date());
  const today = todayIn(localTimeZone());
  const isFiltering = Boolean(filter.group || filter.kind || filter.query.trim());

  return (
    <>
      <FilterBar groups={data.groups} resultCount={shown.length} />
      <CalendarFileActions shown={shown} meetings={data.meetings} follows={data.follows} />
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t('agenda.upcoming')}</h2>
        {upcoming.length === 0 &&
          (isFiltering ? (
            <p>{t('agenda.noMatch')}</p>
          ) : (
            <div className="empty-state" data-testid="no-upcoming">
              <h3>{t('agenda.noUpcoming')}</h3>
              <p>{t('agenda.howToGet')}</p>
            </div>
          ))}
        <ol className="meeting-list" data-testid="upcoming">
          {upcoming.slice(0, limit).map((meeting) => (
            <li key={meeting.id}>
              <MeetingRow meeting={meeting} follows={data.follows} today={today} />
            </li>
          ))}
        </ol>
        {upcoming.length > limit && (
          <button type="button" className="button" onClick={() => setLimit(limit + PAGE)}>
            {t('agenda.showMore')}
          </button>
        )}
      </section>
      {past.length > 0 && (
        <details className="past-meetings">
          <summary>{t('agenda.past', { count: past.length })}</summary>
          <ol className="meeting-list">
            {past.slice(0, limit).map((meeting) => (
              <li key={meeting.id}>
                <MeetingRow meeting={meeting} follows={data.follows} today={today} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </>
  );
}
