import type { FollowRecord, MeetingKind, MeetingRecord } from '../../../db/records';
import type { LanguageCode } from '../../../i18n/languages';
import { dateInZone } from './calendarDate';
import { meetingDeadlines, type Deadline } from './deadlines';
import { meetingTitle } from './titles';

export interface AgendaFilter {
  group: string | null;
  kind: MeetingKind | null;
  query: string;
}

/** Lower case, no accents, one space: so "réunion" finds "Reunion" and "SG 13" finds "sg 13". */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLocaleLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface IndexedMeeting {
  meeting: MeetingRecord;
  /** Every title, the group, kind and place, normalised, for text search. */
  haystack: string;
}

/** Prepared once per change of the stored meetings, so that each keystroke only scans strings. */
export function indexMeetings(meetings: readonly MeetingRecord[]): IndexedMeeting[] {
  return meetings.map((meeting) => ({
    meeting,
    haystack: normalizeForSearch(
      [...Object.values(meeting.title), meeting.group, meeting.place ?? '', meeting.kind].join(' '),
    ),
  }));
}

/** SG13's own meetings and those of its parts: WP1/13, Q9/13, SG13RG-AFR. */
export function belongsToGroup(meetingGroup: string, group: string): boolean {
  if (meetingGroup === group) return true;
  const number = /^SG(\d+)$/.exec(group)?.[1];
  if (!number) return false;
  return meetingGroup.endsWith(`/${number}`) || meetingGroup.startsWith(`${group}RG-`);
}

export function filterMeetings(indexed: readonly IndexedMeeting[], filter: AgendaFilter): MeetingRecord[] {
  const words = normalizeForSearch(filter.query).split(' ').filter(Boolean);
  const result: MeetingRecord[] = [];
  for (const { meeting, haystack } of indexed) {
    if (filter.group && !belongsToGroup(meeting.group, filter.group)) continue;
    if (filter.kind && meeting.kind !== filter.kind) continue;
    if (words.some((word) => !haystack.includes(word))) continue;
    result.push(meeting);
  }
  return result;
}

/** Meetings still to come or under way (soonest first), and those that have ended (latest first). */
export function splitByTime(meetings: readonly MeetingRecord[], now: Date) {
  const time = now.getTime();
  const upcoming = meetings.filter((m) => Date.parse(m.end) >= time).sort((a, b) => a.start.localeCompare(b.start));
  const past = meetings.filter((m) => Date.parse(m.end) < time).sort((a, b) => b.start.localeCompare(a.start));
  return { upcoming, past };
}

export function deadlinesOf(meeting: MeetingRecord): Deadline[] {
  // Someone's own event has only the dates it carries: no ITU deadline is estimated for it.
  if (meeting.kind === 'personal') return [...meeting.deadlines];
  return meetingDeadlines(dateInZone(new Date(meeting.start), meeting.timeZone), meeting.deadlines);
}

export function isFollowed(meeting: MeetingRecord, follows: readonly FollowRecord[]): boolean {
  return follows.some(
    (f) =>
      (f.target === 'meeting' && f.targetId === meeting.id) ||
      (f.target === 'group' && belongsToGroup(meeting.group, f.targetId)),
  );
}

export interface UpcomingDeadline {
  meeting: MeetingRecord;
  deadline: Deadline;
  title: string;
}

/** The deadlines of followed meetings from `today` on, soonest first: the "What's next" panel. */
export function upcomingDeadlines(
  meetings: readonly MeetingRecord[],
  follows: readonly FollowRecord[],
  today: string,
  language: LanguageCode,
): UpcomingDeadline[] {
  return meetings
    .filter((meeting) => isFollowed(meeting, follows))
    .flatMap((meeting) =>
      deadlinesOf(meeting)
        .filter((deadline) => deadline.date >= today)
        .map((deadline) => ({ meeting, deadline, title: meetingTitle(meeting, language) })),
    )
    .sort((a, b) => a.deadline.date.localeCompare(b.deadline.date));
}

export function reminderId(item: Pick<UpcomingDeadline, 'meeting' | 'deadline'>): string {
  return `${item.meeting.id}/${item.deadline.kind}/${item.deadline.date}`;
}

/** The followed deadlines that fall within `reminderDays` of `today` and were never shown. */
export function dueReminders(
  upcoming: readonly UpcomingDeadline[],
  today: string,
  reminderDays: number,
  shown: ReadonlySet<string>,
  daysUntil: (from: string, to: string) => number,
): UpcomingDeadline[] {
  return upcoming.filter(
    (item) => daysUntil(today, item.deadline.date) <= reminderDays && !shown.has(reminderId(item)),
  );
}
