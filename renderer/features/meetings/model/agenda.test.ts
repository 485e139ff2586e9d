import { describe, expect, it } from 'vitest';
import type { FollowRecord, MeetingRecord } from '../../../db/records';
import {
  belongsToGroup,
  deadlinesOf,
  dueReminders,
  filterEntries,
  filterMeetings,
  indexMeetings,
  meetingFormat,
  normalizeForSearch,
  reminderId,
  splitByTime,
  splitEntriesByTime,
  upcomingDeadlines,
} from './agenda';
import { daysBetween } from './calendarDate';

function meeting(id: string, group: string, start: string, overrides: Partial<MeetingRecord> = {}): MeetingRecord {
  return {
    id,
    kind: 'study-group',
    group,
    title: { en: `${group} meeting`, fr: `Réunion de la ${group}` },
    start: `${start}T08:30:00.000Z`,
    end: `${start}T16:30:00.000Z`,
    timeZone: 'Europe/Zurich',
    place: 'Geneva',
    remoteParticipation: true,
    links: {},
    deadlines: [],
    origin: 'bundled',
    updatedAt: '2030-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const meetings = [
  meeting('a', 'SG13', '2031-03-10'),
  meeting('b', 'WP1/13', '2031-06-02', { kind: 'working-party', place: null }),
  meeting('c', 'SG17', '2031-04-08', { place: 'Tachkent' }),
  meeting('d', 'SG20RG-AFR', '2030-11-03', { kind: 'regional-group', place: 'Nairobi' }),
];
const index = indexMeetings(meetings);
const ids = (list: MeetingRecord[]) => list.map((m) => m.id);

describe('filterMeetings', () => {
  it('filters by group, including its working parties and regional groups', () => {
    expect(ids(filterMeetings(index, { group: 'SG13', kind: null, query: '' }))).toEqual(['a', 'b']);
    expect(ids(filterMeetings(index, { group: 'SG20', kind: null, query: '' }))).toEqual(['d']);
    expect(belongsToGroup('WP1/13', 'SG1')).toBe(false);
  });

  it('filters by kind', () => {
    expect(ids(filterMeetings(index, { group: null, kind: 'working-party', query: '' }))).toEqual(['b']);
  });

  it('searches every title, group and place, ignoring case and accents', () => {
    expect(ids(filterMeetings(index, { group: null, kind: null, query: 'reunion sg17' }))).toEqual(['c']);
    expect(ids(filterMeetings(index, { group: null, kind: null, query: 'TACHKENT' }))).toEqual(['c']);
    expect(ids(filterMeetings(index, { group: null, kind: null, query: 'nairobi regional' }))).toEqual(['d']);
    expect(filterMeetings(index, { group: null, kind: null, query: 'zzz' })).toEqual([]);
    expect(normalizeForSearch('  Réunion   ÉTÉ ')).toBe('reunion ete');
  });
});

describe('splitByTime', () => {
  it('puts coming meetings soonest first and past ones latest first', () => {
    const { upcoming, past } = splitByTime(meetings, new Date('2031-01-01T00:00:00Z'));
    expect(ids(upcoming)).toEqual(['a', 'c', 'b']);
    expect(ids(past)).toEqual(['d']);
  });

  it('gives the same split from the index in one pass, also for one group', () => {
    const index = indexMeetings(meetings);
    const now = Date.parse('2031-01-01T00:00:00Z');
    const all = splitEntriesByTime(filterEntries(index, { group: null, kind: null, query: '' }), now);
    expect(ids(all.upcoming)).toEqual(['a', 'c', 'b']);
    expect(ids(all.past)).toEqual(['d']);
    const sg13 = splitEntriesByTime(filterEntries(index, { group: 'SG13', kind: null, query: '' }), now);
    expect(ids(sg13.upcoming)).toEqual(['a', 'b']);
  });
});

describe('followed deadlines and reminders', () => {
  const follows: FollowRecord[] = [
    { id: 'meeting:c', target: 'meeting', targetId: 'c', createdAt: '' },
    { id: 'group:SG13', target: 'group', targetId: 'SG13', createdAt: '' },
  ];

  it('lists the deadlines of followed meetings and groups from today on, soonest first', () => {
    const next = upcomingDeadlines(meetings, follows, '2031-02-20', 'fr');
    expect(next[0]).toMatchObject({
      deadline: { kind: 'contribution', date: '2031-02-25' },
      title: 'Réunion de la SG13',
    });
    expect(new Set(next.map((n) => n.meeting.id))).toEqual(new Set(['a', 'b', 'c']));
    expect(next.every((n) => n.deadline.date >= '2031-02-20')).toBe(true);
  });

  it('reminds N days ahead, once', () => {
    const next = upcomingDeadlines(meetings, follows, '2031-02-20', 'en');
    const due = dueReminders(next, '2031-02-20', 5, new Set(), daysBetween);
    expect(due.map(reminderId).sort()).toEqual(['a/contribution/2031-02-25', 'c/fellowship/2031-02-25']);
    expect(dueReminders(next, '2031-02-20', 5, new Set(due.map(reminderId)), daysBetween)).toEqual([]);
  });

  it('estimates no ITU deadline for a followed personal event, so Home never shows it as a meeting to prepare', () => {
    const call = meeting('p', '', '2031-03-10', { kind: 'personal', origin: 'imported' });
    const followsCall: FollowRecord[] = [{ id: 'meeting:p', target: 'meeting', targetId: 'p', createdAt: '' }];
    expect(upcomingDeadlines([call], followsCall, '2031-01-01', 'en')).toEqual([]);
    expect(upcomingDeadlines([{ ...call, kind: 'study-group' }], followsCall, '2031-01-01', 'en')).not.toEqual([]);
  });
});

describe('a meeting’s deadlines as the screens show them', () => {
  it('takes the format from the source, else from the place and remote participation', () => {
    expect(meetingFormat(meeting('x', 'SG13', '2031-03-10'))).toBe('hybrid');
    expect(meetingFormat(meeting('x', 'SG13', '2031-03-10', { remoteParticipation: false }))).toBe('in-person');
    expect(meetingFormat(meeting('x', 'SG13', '2031-03-10', { place: null }))).toBe('virtual');
    expect(meetingFormat(meeting('x', 'SG13', '2031-03-10', { place: null, placeUnpublished: true }))).toBeNull();
    expect(meetingFormat(meeting('x', 'SG13', '2031-03-10', { format: 'virtual' }))).toBe('virtual');
  });

  it('shows the official dates typed in from the letter over the calendar’s and over estimates', () => {
    const shipped = meeting('x', 'SG13', '2031-03-10', {
      deadlines: [{ kind: 'contribution', date: '2031-02-25', official: true }],
      letterEntry: {
        collectiveLetter: 'Collective letter 4/13',
        deadlines: [
          { kind: 'contribution', date: '2031-02-24', official: true },
          { kind: 'fellowship', date: '2031-01-20', official: true },
        ],
        enteredAt: '2030-12-01T00:00:00Z',
      },
    });
    const byKind = Object.fromEntries(deadlinesOf(shipped).map((d) => [d.kind, d]));
    expect(byKind.contribution).toEqual({ kind: 'contribution', date: '2031-02-24', official: true });
    expect(byKind.fellowship).toEqual({ kind: 'fellowship', date: '2031-01-20', official: true });
    expect(byKind.translation?.official).toBe(false);
  });

  it('keeps a followed personal event out of the study-group deadlines of What’s next', () => {
    const personal = meeting('p', 'SG13', '2031-03-10', { kind: 'personal', title: { en: 'National call' } });
    const follows: FollowRecord[] = [{ id: 'group:SG13', target: 'group', targetId: 'SG13', createdAt: '' }];
    expect(deadlinesOf(personal)).toEqual([]);
    expect(upcomingDeadlines([personal], follows, '2031-01-01', 'en')).toEqual([]);
  });
});
