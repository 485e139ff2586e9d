import type { FollowRecord, MeetingFormat, MeetingKind, MeetingRecord } from '../../../db/records';
import { LANGUAGES, type LanguageCode } from '../../../i18n/languages';
import { dateInZone } from './calendarDate';
import { meetingDeadlinesFor, type Deadline, type MeetingDeadlines } from './deadlines';
import { groupLabel } from './groupLabel';
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
  /** Every title and place, the group in each language's short form, the kind: normalised. */
  haystack: string;
  /** The closing instant in milliseconds, read once: past or upcoming without parsing per keystroke. */
  endTime: number;
}

/**
 * The stored meetings prepared for the agenda's filters, once per change of the stored meetings
 * (a write anywhere re-runs the live query, so the index is always up to date): entries in
 * start order, and for each group the entries that belong to it, so that a group filter reads
 * only its own meetings and a keystroke only scans prepared strings.
 */
export interface MeetingIndex {
  entries: readonly IndexedMeeting[];
  byGroup: ReadonlyMap<string, readonly IndexedMeeting[]>;
}

const byStart = (a: MeetingRecord, b: MeetingRecord) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0);

/** The groups a meeting belongs to: its own, and the study group of its working party or regional group. */
function groupsOf(meetingGroup: string): string[] {
  const parent = /\/(\d+)$/.exec(meetingGroup)?.[1] ?? /^(SG\d+)RG-/.exec(meetingGroup)?.[1]?.slice(2);
  return parent && `SG${parent}` !== meetingGroup ? [meetingGroup, `SG${parent}`] : [meetingGroup];
}

export function indexMeetings(meetings: readonly MeetingRecord[]): MeetingIndex {
  const entries = [...meetings].sort(byStart).map((meeting) => ({
    meeting,
    endTime: Date.parse(meeting.end),
    // Each word once: a query word never spans two (neither has a space), so this finds the
    // same meetings in a shorter string.
    haystack: [
      ...new Set(
        normalizeForSearch(
          [
            ...Object.values(meeting.title),
            ...Object.values(meeting.placeTitle ?? {}),
            ...LANGUAGES.map((l) => groupLabel(meeting.group, l.code)),
            meeting.group,
            meeting.place ?? '',
            meeting.kind,
          ].join(' '),
        ).split(' '),
      ),
    ].join(' '),
  }));
  const byGroup = new Map<string, IndexedMeeting[]>();
  for (const entry of entries) {
    for (const group of groupsOf(entry.meeting.group)) {
      const list = byGroup.get(group);
      if (list) list.push(entry);
      else byGroup.set(group, [entry]);
    }
  }
  return { entries, byGroup };
}

/** SG13's own meetings and those of its parts: WP1/13, Q9/13, SG13RG-AFR. */
export function belongsToGroup(meetingGroup: string, group: string): boolean {
  if (meetingGroup === group) return true;
  const number = /^SG(\d+)$/.exec(group)?.[1];
  if (!number) return false;
  return meetingGroup.endsWith(`/${number}`) || meetingGroup.startsWith(`${group}RG-`);
}

/** The index entries that pass the filters, in start order. */
export function filterEntries(index: MeetingIndex, filter: AgendaFilter): readonly IndexedMeeting[] {
  const words = normalizeForSearch(filter.query).split(' ').filter(Boolean);
  const candidates = filter.group ? (index.byGroup.get(filter.group) ?? []) : index.entries;
  if (!filter.kind && words.length === 0) return candidates;
  return candidates.filter(
    ({ meeting, haystack }) =>
      (!filter.kind || meeting.kind === filter.kind) && words.every((word) => haystack.includes(word)),
  );
}

/** The meetings that pass the filters, in start order. */
export function filterMeetings(index: MeetingIndex, filter: AgendaFilter): MeetingRecord[] {
  return filterEntries(index, filter).map((entry) => entry.meeting);
}

/**
 * Filtered entries (in start order) split into meetings to come or under way, soonest first,
 * and those that have ended, latest first: one pass, no sort, no date parsing.
 */
export function splitEntriesByTime(entries: readonly IndexedMeeting[], now: number) {
  const upcoming: MeetingRecord[] = [];
  const past: MeetingRecord[] = [];
  for (const entry of entries) (entry.endTime >= now ? upcoming : past).push(entry.meeting);
  past.reverse();
  return { upcoming, past };
}

/** Meetings still to come or under way (soonest first), and those that have ended (latest first). */
export function splitByTime(meetings: readonly MeetingRecord[], now: Date) {
  const time = now.getTime();
  // Plain comparison (ISO instants sort as text), not localeCompare: the sort of an agenda that
  // is already in start order is then linear.
  const upcoming = meetings.filter((m) => Date.parse(m.end) >= time).sort(byStart);
  const past = meetings
    .filter((m) => Date.parse(m.end) < time)
    .sort(byStart)
    .reverse();
  return { upcoming, past };
}

/**
 * In person, hybrid or virtual: as the source says, else from the place (none: virtual) and
 * remote participation. Null when the place is not published, so the format is not known.
 */
export function meetingFormat(meeting: MeetingRecord): MeetingFormat | null {
  if (meeting.format) return meeting.format;
  if (meeting.placeUnpublished) return null;
  if (meeting.place === null) return 'virtual';
  return meeting.remoteParticipation ? 'hybrid' : 'in-person';
}

/** The dates printed in the meeting's letter: the calendar's, then those the delegate typed in. */
export function officialDeadlines(meeting: MeetingRecord): Deadline[] {
  const byKind = new Map<string, Deadline>();
  for (const d of [...meeting.deadlines, ...(meeting.letterEntry?.deadlines ?? [])]) {
    if (d.official) byKind.set(d.kind, { ...d });
  }
  return [...byKind.values()];
}

/** The meeting's deadlines that apply (official first, else estimated), and those that do not and why. */
export function deadlineSetOf(meeting: MeetingRecord): MeetingDeadlines {
  // Someone's own event has only the dates it carries: no ITU deadline is estimated for it.
  if (meeting.kind === 'personal') {
    return { shown: [...meeting.deadlines].sort((a, b) => a.date.localeCompare(b.date)), notApplicable: [] };
  }
  return meetingDeadlinesFor(
    dateInZone(new Date(meeting.start), meeting.timeZone),
    { kind: meeting.kind, format: meetingFormat(meeting) },
    officialDeadlines(meeting),
  );
}

export function deadlinesOf(meeting: MeetingRecord): Deadline[] {
  return deadlineSetOf(meeting).shown;
}

/** The letter's number: the one the delegate typed in, else the calendar's. */
export function collectiveLetterOf(meeting: MeetingRecord): string | undefined {
  return meeting.letterEntry?.collectiveLetter ?? meeting.links.collectiveLetter;
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
    .filter((meeting) => meeting.kind !== 'personal' && isFollowed(meeting, follows))
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
