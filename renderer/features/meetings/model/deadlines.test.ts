import { describe, expect, it } from 'vitest';
import { addMonths, dateInZone, daysBetween, isCalendarDate } from './calendarDate';
import type { DeadlineKind, MeetingFormat, MeetingKind } from '../../../db/records';
import { DEADLINE_RULES, meetingDeadlines, meetingDeadlinesFor, whyNotApplicable } from './deadlines';

describe('deadline rules, on the examples of real collective letters', () => {
  it('sets translation two months before the opening: 9 April 2018 → 9 February 2018', () => {
    expect(DEADLINE_RULES.translation('2018-04-09')).toBe('2018-02-09');
  });

  it('prints the contribution deadline as the opening minus 13 days: Monday 29 Aug 2016 → Tuesday 16 Aug', () => {
    expect(DEADLINE_RULES.contribution('2016-08-29')).toBe('2016-08-16');
    expect(daysBetween('2016-08-16', '2016-08-29') - 1).toBe(12);
  });

  it.each([
    ['2017-11-06', '2017-09-25'],
    ['2018-04-09', '2018-02-26'],
    ['2018-06-19', '2018-05-08'],
  ])('asks for fellowships six weeks ahead: %s → %s', (opening, deadline) => {
    expect(DEADLINE_RULES.fellowship(opening)).toBe(deadline);
  });

  it('asks for pre-registration and visa letters a month ahead', () => {
    expect(DEADLINE_RULES.registration('2026-02-02')).toBe('2026-01-02');
    expect(DEADLINE_RULES.visa('2026-02-02')).toBe('2026-01-02');
  });
});

describe('meetingDeadlines', () => {
  it('estimates every deadline in date order when no letter is known', () => {
    expect(meetingDeadlines('2026-03-04')).toEqual([
      { kind: 'translation', date: '2026-01-04', official: false },
      { kind: 'fellowship', date: '2026-01-21', official: false },
      { kind: 'registration', date: '2026-02-04', official: false },
      { kind: 'visa', date: '2026-02-04', official: false },
      { kind: 'contribution', date: '2026-02-19', official: false },
    ]);
  });

  it('keeps the dates printed in the letter, estimating only the others', () => {
    const printed = [{ kind: 'translation' as const, date: '2017-12-22', official: true }];
    const deadlines = meetingDeadlines('2018-02-26', printed);
    expect(deadlines[0]).toEqual({ kind: 'translation', date: '2017-12-22', official: true });
    expect(deadlines.find((d) => d.kind === 'contribution')).toEqual({
      kind: 'contribution',
      date: '2018-02-13',
      official: false,
    });
  });
});

describe('which deadlines fit which meeting', () => {
  const kindsShown = (kind: MeetingKind, format: MeetingFormat | null) =>
    meetingDeadlinesFor('2031-03-10', { kind, format })
      .shown.map((d) => d.kind)
      .sort();

  it('gives a study group, working party or TSAG meeting on site all five deadlines', () => {
    const all: DeadlineKind[] = ['contribution', 'fellowship', 'registration', 'translation', 'visa'];
    for (const kind of ['study-group', 'working-party', 'tsag'] as const) {
      expect(kindsShown(kind, 'in-person')).toEqual(all);
      expect(kindsShown(kind, 'hybrid')).toEqual(all);
    }
  });

  it('gives a fully virtual meeting no visa, pre-registration or fellowship deadline', () => {
    expect(kindsShown('study-group', 'virtual')).toEqual(['contribution', 'translation']);
    expect(kindsShown('working-party', 'virtual')).toEqual(['contribution', 'translation']);
    expect(whyNotApplicable('visa', 'study-group', 'virtual')).toBe('format');
    expect(whyNotApplicable('registration', 'tsag', 'virtual')).toBe('format');
  });

  it('gives a workshop or a rapporteur group no translation, fellowship or contribution deadline', () => {
    expect(kindsShown('workshop', 'in-person')).toEqual(['registration', 'visa']);
    expect(kindsShown('rapporteur-group', 'hybrid')).toEqual(['registration', 'visa']);
    expect(kindsShown('rapporteur-group', 'virtual')).toEqual([]);
    expect(whyNotApplicable('translation', 'workshop', 'in-person')).toBe('kind');
    expect(whyNotApplicable('fellowship', 'rapporteur-group', 'in-person')).toBe('kind');
  });

  it('gives a regional group contributions and fellowships but no translation', () => {
    expect(kindsShown('regional-group', 'in-person')).toEqual(['contribution', 'fellowship', 'registration', 'visa']);
  });

  it('gives a personal event, and sessions held with a meeting, no ITU deadline of their own', () => {
    for (const kind of ['personal', 'bsg-session', 'contribution-clinic', 'newcomer-session'] as const) {
      const { shown, notApplicable } = meetingDeadlinesFor('2031-03-10', { kind, format: 'in-person' });
      expect(shown).toEqual([]);
      expect(notApplicable.every((n) => n.reason === 'kind')).toBe(true);
    }
  });

  it('keeps every deadline of its kind when the place, so the format, is not published', () => {
    expect(kindsShown('study-group', null)).toHaveLength(5);
  });

  it('lets an official date win over the estimate, even for a deadline the rules would leave out', () => {
    const printed = [
      { kind: 'contribution' as const, date: '2031-02-20', official: true },
      { kind: 'registration' as const, date: '2031-02-01', official: true },
    ];
    const { shown, notApplicable } = meetingDeadlinesFor(
      '2031-03-10',
      { kind: 'study-group', format: 'virtual' },
      printed,
    );
    expect(shown).toEqual([
      { kind: 'translation', date: '2031-01-10', official: false },
      { kind: 'registration', date: '2031-02-01', official: true },
      { kind: 'contribution', date: '2031-02-20', official: true },
    ]);
    expect(notApplicable).toEqual([
      { kind: 'fellowship', reason: 'format' },
      { kind: 'visa', reason: 'format' },
    ]);
  });
});

describe('calendar dates', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
    expect(addMonths('2028-04-30', -2)).toBe('2028-02-29');
  });

  it('takes the opening day in the meeting’s own time zone', () => {
    const instant = new Date('2025-10-27T20:30:00Z');
    expect(dateInZone(instant, 'Asia/Tashkent')).toBe('2025-10-28');
    expect(dateInZone(instant, 'Europe/Zurich')).toBe('2025-10-27');
  });

  it('refuses impossible dates', () => {
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-2-3')).toBe(false);
    expect(isCalendarDate('2026-02-03')).toBe(true);
  });
});
