import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n/format';
import { hashOf } from '../../state/view';
import { useLanguage } from '../course/useCourse';
import { FilterBar } from './FilterBar';
import { useMeetingFilters } from './filterStore';
import { localTimeZone, todayIn } from './formatMeetings';
import { filterMeetings } from './model/agenda';
import { addDays, addMonths, dateInZone } from './model/calendarDate';
import { meetingTitle } from './model/titles';
import type { MeetingsData } from './useMeetings';

const SHOWN_PER_DAY = 3;

/** The days of the grid: whole weeks, Monday first, around the month. */
function gridDays(month: string): string[] {
  const first = `${month}-01`;
  const weekday = (new Date(`${first}T12:00:00Z`).getUTCDay() + 6) % 7;
  const start = addDays(first, -weekday);
  const last = addDays(addMonths(first, 1), -1);
  const days: string[] = [];
  for (let day = start; day <= last || days.length % 7 !== 0; day = addDays(day, 1)) days.push(day);
  return days;
}

export function MonthView({ data }: { data: MeetingsData }) {
  const { t } = useTranslation('meetings');
  const lang = useLanguage();
  const filter = useMeetingFilters();
  const zone = localTimeZone();
  const today = todayIn(zone);
  const shown = useMemo(
    () => filterMeetings(data.index, { group: filter.group, kind: filter.kind, query: filter.query }),
    [data.index, filter.group, filter.kind, filter.query],
  );
  const days = gridDays(filter.month);
  const spans = shown.map((m) => ({
    meeting: m,
    from: dateInZone(new Date(m.start), zone),
    to: dateInZone(new Date(m.end), zone),
  }));
  const locale = intlLocale(lang);
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${filter.month}-15T12:00:00Z`),
  );
  const weekdays = days
    .slice(0, 7)
    .map((day) =>
      new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`)),
    );
  const moveTo = (month: string) => useMeetingFilters.setState({ month });

  return (
    <>
      <FilterBar groups={data.groups} resultCount={shown.length} />
      <div className="month-header">
        <button
          type="button"
          className="button"
          onClick={() => moveTo(addMonths(`${filter.month}-01`, -1).slice(0, 7))}
        >
          <span className="mirror-rtl" aria-hidden="true">
            ‹
          </span>{' '}
          {t('month.previous')}
        </button>
        <h2 aria-live="polite" data-testid="month-name">
          {monthName}
        </h2>
        <button type="button" className="button" onClick={() => moveTo(addMonths(`${filter.month}-01`, 1).slice(0, 7))}>
          {t('month.next')}{' '}
          <span className="mirror-rtl" aria-hidden="true">
            ›
          </span>
        </button>
        <button type="button" className="button subtle" onClick={() => moveTo(today.slice(0, 7))}>
          {t('month.today')}
        </button>
      </div>
      <div className="month-grid" role="grid" aria-label={monthName}>
        <div role="row" className="month-row">
          {weekdays.map((name) => (
            <div role="columnheader" key={name} className="month-weekday">
              {name}
            </div>
          ))}
        </div>
        {Array.from({ length: days.length / 7 }, (_, week) => (
          <div role="row" className="month-row" key={week}>
            {days.slice(week * 7, week * 7 + 7).map((day) => {
              const onDay = spans.filter((s) => s.from <= day && day <= s.to);
              return (
                <div
                  role="gridcell"
                  key={day}
                  className={`month-day${day.slice(0, 7) === filter.month ? '' : ' is-other-month'}${day === today ? ' is-today' : ''}`}
                >
                  <span className="month-date">{new Intl.NumberFormat(locale).format(Number(day.slice(8)))}</span>
                  {onDay.slice(0, SHOWN_PER_DAY).map(({ meeting }) => (
                    <a key={meeting.id} className="month-meeting" href={hashOf('meetings', ['meeting', meeting.id])}>
                      {meetingTitle(meeting, lang)}
                    </a>
                  ))}
                  {onDay.length > SHOWN_PER_DAY && (
                    <span className="month-more">{t('month.more', { count: onDay.length - SHOWN_PER_DAY })}</span>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </>
  );
}
