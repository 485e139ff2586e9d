import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarFileActions } from './CalendarFileActions';
import { FilterBar } from './FilterBar';
import { hashOf } from '../../state/view';
import { NoUpcomingMeetings } from './NoUpcomingMeetings';
import { useMeetingFilters } from './filterStore';
import { localTimeZone, todayIn } from './formatMeetings';
import { MeetingRow } from './MeetingRow';
import { filterEntries, splitEntriesByTime } from './model/agenda';
import type { MeetingsData } from './useMeetings';

/** Rows drawn at first; thousands of meetings stay fast, and "Show more" draws the next page. */
const PAGE = 20;

export function AgendaView({ data }: { data: MeetingsData }) {
  const { t } = useTranslation('meetings');
  const filter = useMeetingFilters();
  const [limit, setLimit] = useState(PAGE);
  // Past meetings are drawn only once the delegate opens them: fewer rows per keystroke.
  const [isPastOpen, setPastOpen] = useState(false);
  const { shown, upcoming, past } = useMemo(() => {
    const entries = filterEntries(data.index, { group: filter.group, kind: filter.kind, query: filter.query });
    return { shown: entries.map((entry) => entry.meeting), ...splitEntriesByTime(entries, new Date().getTime()) };
  }, [data.index, filter.group, filter.kind, filter.query]);
  const today = todayIn(localTimeZone());
  const isFiltering = Boolean(filter.group || filter.kind || filter.query.trim());

  return (
    <>
      <FilterBar groups={data.groups} resultCount={shown.length} />
      <div className="agenda-actions">
        <a className="button primary" href={hashOf('meetings', ['add'])} data-testid="add-from-letter">
          {t('letter.add')}
        </a>
      </div>
      <CalendarFileActions shown={shown} meetings={data.meetings} follows={data.follows} />
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t('agenda.upcoming')}</h2>
        {upcoming.length === 0 &&
          (isFiltering ? <p>{t('agenda.noMatch')}</p> : <NoUpcomingMeetings headingLevel="h3" />)}
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
        <details className="past-meetings" onToggle={(event) => setPastOpen(event.currentTarget.open)}>
          <summary>{t('agenda.past', { count: past.length })}</summary>
          {isPastOpen && (
            <ol className="meeting-list">
              {past.slice(0, limit).map((meeting) => (
                <li key={meeting.id}>
                  <MeetingRow meeting={meeting} follows={data.follows} today={today} />
                </li>
              ))}
            </ol>
          )}
        </details>
      )}
    </>
  );
}
