import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingRecord } from '../../db/records';
import { intlLocale } from '../../i18n/format';
import { hashOf } from '../../state/view';
import { useLanguage } from '../../i18n/useLanguage';
import { FilterBar } from './FilterBar';
import { useMeetingFilters } from './filterStore';
import { formatMonth, localTimeZone, todayIn } from './formatMeetings';
import { deadlinesOf, filterMeetings } from './model/agenda';
import { addMonths, dateInZone } from './model/calendarDate';
import { dateTimeFormat } from './model/intlCache';
import { gridDays, weekBars, type Span } from './model/monthGrid';
import { meetingTitle } from './model/titles';
import { firstDayOfWeek } from './model/weekStart';
import type { MeetingsData } from './useMeetings';

/** Meetings drawn per week; the others are counted under their days. */
const LANES = 4;
/** Estimated deadlines fall at most two months before the opening; letters print earlier ones rarely. */
const DEADLINE_LOOKAHEAD_MONTHS = 4;

export function MonthView({ data }: { data: MeetingsData }) {
  const { t } = useTranslation('meetings');
  const lang = useLanguage();
  const filter = useMeetingFilters();
  const zone = localTimeZone();
  const today = todayIn(zone);
  const locale = intlLocale(lang);
  const shown = useMemo(
    () => filterMeetings(data.index, { group: filter.group, kind: filter.kind, query: filter.query }),
    [data.index, filter.group, filter.kind, filter.query],
  );
  const days = gridDays(filter.month, firstDayOfWeek(locale, navigator.languages));
  const gridStart = days[0]!;
  const gridEnd = days[days.length - 1]!;
  const lookahead = addMonths(gridEnd, DEADLINE_LOOKAHEAD_MONTHS);
  const spans: Span<MeetingRecord>[] = [];
  const deadlinesByDay = new Map<
    string,
    { key: string; short: string; label: string; official: boolean; href: string }[]
  >();
  for (const meeting of shown) {
    const from = dateInZone(new Date(meeting.start), zone);
    if (from > lookahead) break; // in start order
    const to = dateInZone(new Date(meeting.end), zone);
    if (to >= gridStart && from <= gridEnd) spans.push({ item: meeting, from, to });
    if (meeting.kind === 'personal' || to < gridStart) continue;
    for (const deadline of deadlinesOf(meeting)) {
      if (deadline.date < gridStart || deadline.date > gridEnd) continue;
      const label = t(deadline.official ? 'deadlines.summary' : 'deadlines.summaryEstimate', {
        deadline: t(`deadlines.kinds.${deadline.kind}`),
        title: meetingTitle(meeting, lang),
      });
      const list = deadlinesByDay.get(deadline.date) ?? [];
      list.push({
        key: `${meeting.id}/${deadline.kind}`,
        short: t(`deadlines.kinds.${deadline.kind}`),
        label,
        official: deadline.official,
        href: hashOf('meetings', ['meeting', meeting.id]),
      });
      deadlinesByDay.set(deadline.date, list);
    }
  }
  const monthName = formatMonth(filter.month, lang);
  const weekdayFormat = dateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const dayNumber = new Intl.NumberFormat(locale);
  const moveTo = (month: string) => useMeetingFilters.setState({ month });
  const weeks = Array.from({ length: days.length / 7 }, (_, w) => days.slice(w * 7, w * 7 + 7));

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
      <div className="month-grid" data-testid="month-grid" aria-label={monthName}>
        <div className="month-weekdays" aria-hidden="true">
          {days.slice(0, 7).map((day) => (
            <div key={day} className="month-weekday" data-testid="month-weekday">
              {weekdayFormat.format(new Date(`${day}T12:00:00Z`))}
            </div>
          ))}
        </div>
        {weeks.map((week) => {
          const bars = weekBars(week, spans);
          const drawn = bars.filter((bar) => bar.lane < LANES);
          const lanes = Math.min(LANES, Math.max(0, ...bars.map((b) => b.lane + 1)));
          return (
            <div
              className="month-week"
              key={week[0]}
              style={{ gridTemplateRows: `1.9rem ${'1.4rem '.repeat(lanes)}minmax(1.5rem, auto)` }}
            >
              {week.map((day, column) => (
                <div
                  key={day}
                  className={`month-day${day.slice(0, 7) === filter.month ? '' : ' is-other-month'}${day === today ? ' is-today' : ''}`}
                  style={{ gridColumn: column + 1 }}
                >
                  <time className="month-date" dateTime={day}>
                    {dayNumber.format(Number(day.slice(8)))}
                  </time>
                </div>
              ))}
              {drawn.map((bar) => (
                <a
                  key={bar.item.id}
                  className={`month-meeting${bar.continuesBefore ? ' continues-before' : ''}${bar.continuesAfter ? ' continues-after' : ''}`}
                  data-testid="month-meeting"
                  href={hashOf('meetings', ['meeting', bar.item.id])}
                  style={{ gridColumn: `${bar.firstColumn + 1} / ${bar.lastColumn + 2}`, gridRow: bar.lane + 2 }}
                >
                  {meetingTitle(bar.item, lang)}
                </a>
              ))}
              {week.map((day, column) => {
                const hidden = bars.filter((b) => b.lane >= LANES && b.firstColumn <= column && column <= b.lastColumn);
                const deadlines = deadlinesByDay.get(day) ?? [];
                if (hidden.length === 0 && deadlines.length === 0) return null;
                return (
                  <div key={day} className="month-day-notes" style={{ gridColumn: column + 1, gridRow: lanes + 2 }}>
                    {deadlines.map((d) => (
                      <a
                        key={d.key}
                        className={d.official ? 'month-deadline is-official' : 'month-deadline'}
                        data-testid="month-deadline"
                        href={d.href}
                        title={d.label}
                        aria-label={d.label}
                      >
                        {d.short}
                      </a>
                    ))}
                    {hidden.length > 0 && (
                      <span className="month-more">{t('month.more', { count: hidden.length })}</span>
                    )}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </>
  );
}
