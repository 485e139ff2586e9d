import ICAL from 'ical.js';
import { DEADLINE_KINDS, type DeadlineKind, type DeadlineRecord, type MeetingRecord } from '../../../db/records';
import { isLanguageCode, type LanguageCode } from '../../../i18n/languages';
import { CalendarFileError, type SkipReason } from './calendarFileError';
import { isSkipReason, readCalendarValue, type CalendarValue } from './calendarValues';
import { classifyEvent, groupCodeIn } from './classifyEvent';
import { decodeCalendarText } from './decodeCalendarText';
import { ExpansionLimitError, withExpansionBudget } from './expansionBudget';
import { X } from './gapbridgeProperties';
import { componentText, splitCalendar, type RawComponent } from './splitCalendar';
import { instantToWallTime, resolveZoneName, wallTimeAsUtc, wallTimeToInstant, type WallTime } from './timeZones';

export { MAX_CALENDAR_BYTES } from './decodeCalendarText';

/** Recurring events are expanded from a year back to two years ahead of the import. */
export const RECURRENCE_YEARS_BACK = 1;
export const RECURRENCE_YEARS_AHEAD = 2;
/** At most this many occurrences of one recurring event (a daily rule over three years fits). */
export const MAX_OCCURRENCES_PER_EVENT = 1_200;
/** A file that would make more meetings than this is refused. */
export const MAX_MEETINGS = 250_000;
/** Recurrence steps (see expansionBudget.ts): a daily rule from 1900 to the window takes ~50,000. */
export const MAX_EVENT_STEPS = 200_000;
export const MAX_ZONE_STEPS = 5_000;
const MAX_FILE_STEPS = 20_000_000;
const MAX_EVENT_MS = 2_000;
const MAX_FILE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface SkippedEvent {
  /** The file's line of the event's BEGIN:VEVENT, or of the line at fault. */
  line: number;
  uid?: string | undefined;
  summary?: string | undefined;
  reason: SkipReason;
}

export interface ImportedCalendar {
  meetings: MeetingRecord[];
  /** Meetings the file cancels (STATUS:CANCELLED, METHOD:CANCEL): removed where stored. */
  cancelledIds: string[];
  /** Events that could not be read, and why; the others are imported. */
  skipped: SkippedEvent[];
  /** Copies of one event (same UID and occurrence) folded into the newest by SEQUENCE. */
  mergedDuplicates: number;
  /** Events that were deadlines of the meetings (folded into them). */
  deadlineEvents: number;
}

export interface ImportOptions {
  now?: Date;
  /** Called as events are read: how many of how many. */
  onProgress?: (done: number, total: number) => void;
}

class SkipEvent extends Error {
  constructor(
    readonly reason: SkipReason,
    /** The property at fault, to point at its line. */
    readonly property?: string,
  ) {
    super(reason);
  }
}

/** A time zone as the file means it: an IANA zone, UTC, or the file's own VTIMEZONE. */
interface Zone {
  /** The IANA name shown for the meeting. */
  name: string;
  toInstant(wall: WallTime): number;
  toWall(instant: number): WallTime;
}

/** A start or end: its instant, and the wall clock and zone it was written in. */
interface Moment {
  instant: number;
  wall: WallTime;
  isDate: boolean;
  zone: Zone;
}

const UTC: Zone = { name: 'UTC', toInstant: wallTimeAsUtc, toWall: (ms) => instantToWallTime(ms, 'UTC') };
const ianaZones = new Map<string, Zone>();

function ianaZone(name: string): Zone {
  let zone = ianaZones.get(name);
  if (!zone) {
    zone = {
      name,
      toInstant: (wall) => wallTimeToInstant(wall, name),
      toWall: (ms) => instantToWallTime(ms, name),
    };
    ianaZones.set(name, zone);
  }
  return zone;
}

function addDaysToWall(wall: WallTime, days: number): WallTime {
  const shifted = new Date(wallTimeAsUtc(wall) + days * DAY_MS);
  return { ...wall, year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function momentAt(wall: WallTime, isDate: boolean, zone: Zone): Moment {
  return isDate
    ? { instant: wallTimeAsUtc({ ...wall, hour: 0, minute: 0, second: 0 }), wall, isDate, zone: UTC }
    : { instant: zone.toInstant(wall), wall, isDate, zone };
}

/** The part of an occurrence's id after the UID: its date, or its UTC start. */
function occurrenceSuffix(moment: Moment): string {
  const iso = new Date(moment.instant).toISOString();
  return moment.isDate ? iso.slice(0, 10) : iso.replace(/\.000Z$/, 'Z');
}

function occurrenceKey(moment: Moment): string {
  return moment.isDate ? occurrenceSuffix(moment) : String(moment.instant);
}

function text(component: ICAL.Component, name: string): string | undefined {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const PROPERTY_LINE = /^[A-Za-z0-9-]+(?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*:/;

/** The line to point at: the first that is not a property, or the named property's. */
function lineAtFault(raw: RawComponent, property?: string): number {
  for (let i = 1; i < raw.lines.length - 1; i++) {
    const line = raw.lines[i]!;
    if (property ? new RegExp(`^${property}[;:]`, 'i').test(line) : !PROPERTY_LINE.test(line)) {
      return raw.lineNumbers[i]!;
    }
  }
  return raw.lineNumbers[0]!;
}

interface ParsedEvent {
  raw: RawComponent;
  component: ICAL.Component;
  uid: string;
  summary: string;
  sequence: number;
  stamp: string;
  /** The RECURRENCE-ID as written, for an overridden occurrence. */
  recurrenceId: string | undefined;
}

function checkMethod(method: string | undefined): void {
  if (method === undefined || method === 'PUBLISH' || method === 'REQUEST' || method === 'CANCEL') return;
  if (method === 'REPLY') throw new CalendarFileError('itip-reply');
  if (method === 'COUNTER') throw new CalendarFileError('itip-counter');
  throw new CalendarFileError('itip-unsupported', method);
}

/**
 * Reads an iCalendar file into meetings, keyed by UID (one per occurrence of a recurring event).
 * A file that is not a readable calendar is refused whole, with the reason as a CalendarFileError;
 * within a readable file, an event that cannot be read is skipped and reported with its reason,
 * and the others are imported. The deadline events Gapbridge exports are folded back into their
 * meetings (official ones kept, estimates dropped: they are recomputed).
 */
export function importCalendar(bytes: ArrayBuffer, options: ImportOptions = {}): ImportedCalendar {
  const { method, components } = splitCalendar(decodeCalendarText(bytes));
  checkMethod(method);
  const reader = new CalendarReader(components, method === 'CANCEL', options.now ?? new Date(), options.onProgress);
  return withExpansionBudget('calendar file', MAX_FILE_STEPS, MAX_FILE_MS, () => reader.read());
}

class CalendarReader {
  private readonly zoneDefinitions = new Map<string, RawComponent>();
  private readonly zones = new Map<string, Zone | SkipReason>();
  private readonly meetings = new Map<string, MeetingRecord>();
  private readonly cancelledIds = new Set<string>();
  private readonly skipped: SkippedEvent[] = [];
  private readonly deadlines: { meetingId: string; deadline: DeadlineRecord }[] = [];
  private readonly sessions: { meetingId: string; end: number }[] = [];
  private readonly windowStart: number;
  private readonly windowEnd: number;
  private mergedDuplicates = 0;
  private done = 0;

  constructor(
    private readonly components: readonly RawComponent[],
    private readonly isCancellation: boolean,
    private readonly now: Date,
    private readonly onProgress: ImportOptions['onProgress'],
  ) {
    const back = new Date(now);
    back.setUTCFullYear(back.getUTCFullYear() - RECURRENCE_YEARS_BACK);
    const ahead = new Date(now);
    ahead.setUTCFullYear(ahead.getUTCFullYear() + RECURRENCE_YEARS_AHEAD);
    this.windowStart = back.getTime();
    this.windowEnd = ahead.getTime();
  }

  read(): ImportedCalendar {
    const events = this.components.filter((c) => c.name === 'VEVENT');
    for (const zone of this.components.filter((c) => c.name === 'VTIMEZONE')) {
      const tzid = zone.lines.map((line) => /^TZID(?:;[^:]*)?:(.*)$/i.exec(line)?.[1]).find((id) => id !== undefined);
      if (tzid) this.zoneDefinitions.set(tzid.trim(), zone);
    }
    // Each event is counted twice: once read, once expanded.
    const total = events.length;
    const parsed = events.map((raw) => {
      this.progress(total);
      return this.parse(raw);
    });
    const { masters, overrides } = this.newestCopies(parsed.filter((event): event is ParsedEvent => event !== null));
    for (const master of masters.values()) {
      this.progress(total);
      this.guarded(master, () => this.readMaster(master, overrides.get(master.uid) ?? []));
    }
    for (const [uid, orphans] of overrides) {
      if (masters.has(uid)) continue;
      for (const orphan of orphans) this.guarded(orphan, () => this.readOrphanOverride(orphan));
    }
    for (const { meetingId, deadline } of this.deadlines) this.meetings.get(meetingId)?.deadlines.push(deadline);
    for (const { meetingId, end } of this.sessions) {
      const meeting = this.meetings.get(meetingId);
      if (meeting && end > Date.parse(meeting.end)) meeting.end = new Date(end).toISOString();
    }
    this.onProgress?.(total, total);
    if (this.meetings.size > MAX_MEETINGS) throw new CalendarFileError('too-many-events', String(this.meetings.size));
    if (this.meetings.size === 0 && this.cancelledIds.size === 0) {
      const first = this.skipped[0]?.reason;
      throw new CalendarFileError(first === undefined ? 'no-events' : first === 'bad-line' ? 'malformed' : first);
    }
    return {
      meetings: [...this.meetings.values()],
      cancelledIds: [...this.cancelledIds],
      skipped: this.skipped.sort((a, b) => a.line - b.line),
      mergedDuplicates: this.mergedDuplicates,
      deadlineEvents: this.deadlines.length,
    };
  }

  private progress(total: number) {
    this.done++;
    if (this.done % 1000 === 0) this.onProgress?.(Math.floor(this.done / 2), total);
  }

  private skip(raw: RawComponent, reason: SkipReason, property?: string, uid?: string, summary?: string) {
    this.skipped.push({ line: lineAtFault(raw, property), reason, uid, summary });
  }

  private guarded(event: ParsedEvent, read: () => void) {
    try {
      read();
    } catch (error) {
      if (error instanceof SkipEvent) this.skip(event.raw, error.reason, error.property, event.uid, event.summary);
      else if (error instanceof ExpansionLimitError)
        this.skip(event.raw, 'too-complex', 'RRULE', event.uid, event.summary);
      else throw error;
    }
  }

  private parse(raw: RawComponent): ParsedEvent | null {
    let component: ICAL.Component;
    try {
      component = new ICAL.Component(ICAL.parse(componentText(raw)) as unknown[]);
    } catch {
      const value = (name: string) =>
        raw.lines.map((line) => new RegExp(`^${name}(?:;[^:]*)?:(.+)$`, 'i').exec(line)?.[1]).find(Boolean);
      this.skip(raw, 'bad-line', undefined, value('UID'), value('SUMMARY'));
      return null;
    }
    const summary = text(component, 'summary') ?? '';
    const uid = text(component, 'uid');
    if (!uid) {
      this.skip(raw, 'missing-uid', undefined, undefined, summary || undefined);
      return null;
    }
    const sequence = Number(component.getFirstProperty('sequence')?.jCal[3] ?? 0);
    const recurrence = component.getFirstProperty('recurrence-id');
    return {
      raw,
      component,
      uid,
      summary,
      sequence: Number.isFinite(sequence) ? sequence : 0,
      stamp: String(component.getFirstProperty('dtstamp')?.jCal[3] ?? ''),
      recurrenceId: recurrence ? JSON.stringify([recurrence.getParameter('tzid'), recurrence.jCal[3]]) : undefined,
    };
  }

  /** One copy per UID and occurrence: the highest SEQUENCE, then the latest DTSTAMP, then the last. */
  private newestCopies(events: readonly ParsedEvent[]) {
    const newest = new Map<string, ParsedEvent>();
    for (const event of events) {
      const key = `${event.uid}\u0000${event.recurrenceId ?? ''}`;
      const other = newest.get(key);
      if (other) {
        this.mergedDuplicates++;
        if (other.sequence > event.sequence || (other.sequence === event.sequence && other.stamp > event.stamp))
          continue;
      }
      newest.set(key, event);
    }
    const masters = new Map<string, ParsedEvent>();
    const overrides = new Map<string, ParsedEvent[]>();
    for (const event of newest.values()) {
      if (event.recurrenceId === undefined) masters.set(event.uid, event);
      else overrides.set(event.uid, [...(overrides.get(event.uid) ?? []), event]);
    }
    return { masters, overrides };
  }

  private zone(tzid: string): Zone {
    let zone = this.zones.get(tzid);
    if (zone === undefined) {
      const iana = resolveZoneName(tzid);
      const definition = this.zoneDefinitions.get(tzid);
      zone = iana ? ianaZone(iana) : definition ? this.fileZone(tzid, definition) : 'unknown-time-zone';
      this.zones.set(tzid, zone);
    }
    if (typeof zone === 'string') throw new SkipEvent(zone, 'DTSTART');
    return zone;
  }

  /** A zone that only the file defines; its rules are expanded once, within bounds. */
  private fileZone(tzid: string, definition: RawComponent): Zone | SkipReason {
    let timezone: ICAL.Timezone;
    try {
      timezone = new ICAL.Timezone({
        tzid,
        component: new ICAL.Component(ICAL.parse(componentText(definition)) as unknown[]),
      });
      withExpansionBudget(`time zone ${tzid}`, MAX_ZONE_STEPS, MAX_EVENT_MS, () =>
        timezone.utcOffset(ICAL.Time.fromData({ year: new Date(this.windowEnd).getUTCFullYear(), month: 12, day: 31 })),
      );
    } catch (error) {
      return error instanceof ExpansionLimitError ? 'too-complex' : 'unknown-time-zone';
    }
    const bounded = <T>(work: () => T) => withExpansionBudget(`time zone ${tzid}`, MAX_ZONE_STEPS, MAX_EVENT_MS, work);
    return {
      name: 'UTC',
      toInstant: (wall) => bounded(() => ICAL.Time.fromData({ ...wall, isDate: false }, timezone).toUnixTime() * 1000),
      toWall: (ms) =>
        bounded(() => {
          const local = ICAL.Time.fromJSDate(new Date(ms), true).convertToZone(timezone);
          return {
            year: local.year,
            month: local.month,
            day: local.day,
            hour: local.hour,
            minute: local.minute,
            second: local.second,
          };
        }),
    };
  }

  /** The moment of one DATE or DATE-TIME value of a property; floating times use `floating`. */
  private moment(property: ICAL.Property, raw: unknown, floating: () => Zone): Moment {
    const value: CalendarValue | SkipReason = readCalendarValue(raw);
    if (isSkipReason(value)) throw new SkipEvent(value, property.name.toUpperCase());
    if (value.isDate) return momentAt(value, true, UTC);
    const tzid = property.getParameter('tzid');
    const zone = value.isUtc ? UTC : typeof tzid === 'string' ? this.zone(tzid) : floating();
    return momentAt(value, false, zone);
  }

  /** Where the event starts and ends; an event with neither DTEND nor DURATION lasts its day (or no time). */
  private times(event: ParsedEvent, floating: () => Zone): { start: Moment; end: Moment } {
    const startProperty = event.component.getFirstProperty('dtstart');
    if (!startProperty) throw new SkipEvent('missing-start');
    const start = this.moment(startProperty, startProperty.jCal[3], floating);
    const endProperty = event.component.getFirstProperty('dtend');
    const durationProperty = event.component.getFirstProperty('duration');
    let end: Moment;
    if (endProperty) {
      end = this.moment(endProperty, endProperty.jCal[3], () => start.zone);
    } else if (durationProperty) {
      const duration = durationProperty.getFirstValue();
      if (!(duration instanceof ICAL.Duration)) throw new SkipEvent('bad-line', 'DURATION');
      end = addDuration(start, duration);
    } else {
      end = start.isDate ? momentAt(addDaysToWall(start.wall, 1), true, UTC) : start;
    }
    if (end.instant < start.instant) throw new SkipEvent('ends-before-start', endProperty ? 'DTEND' : 'DURATION');
    return { start, end };
  }

  private localZone = (): Zone => ianaZone(Intl.DateTimeFormat().resolvedOptions().timeZone);

  private readMaster(master: ParsedEvent, overrides: readonly ParsedEvent[]) {
    const { start, end } = this.times(master, this.localZone);
    if (this.readGapbridgeSideEvent(master, start, end)) return;
    const cancelled = this.isCancellation || text(master.component, 'status')?.toUpperCase() === 'CANCELLED';
    const isRecurring = master.component.hasProperty('rrule') || master.component.hasProperty('rdate');
    if (!isRecurring) {
      if (cancelled) this.cancelledIds.add(master.uid);
      else this.add(this.record(master, master.uid, start, end, false));
      return;
    }
    const length = end.instant - start.instant;
    const occurrences = withExpansionBudget(`event ${master.uid}`, MAX_EVENT_STEPS, MAX_EVENT_MS, () =>
      this.occurrences(master, start, length),
    );
    const replaced = new Map<string, ParsedEvent>();
    for (const override of overrides) {
      const property = override.component.getFirstProperty('recurrence-id')!;
      replaced.set(occurrenceKey(this.moment(property, property.jCal[3], () => start.zone)), override);
    }
    let added = 0;
    for (const [key, occurrence] of occurrences) {
      const id = `${master.uid}/${occurrenceSuffix(occurrence)}`;
      const override = replaced.get(key);
      replaced.delete(key);
      if (cancelled) {
        this.cancelledIds.add(id);
        continue;
      }
      if (override) {
        added += this.readOverride(override, id, start.zone) ? 1 : 0;
        continue;
      }
      const occurrenceEnd = occurrence.isDate
        ? momentAt(addDaysToWall(occurrence.wall, Math.round(length / DAY_MS)), true, UTC)
        : { ...occurrence, instant: occurrence.instant + length };
      this.add(this.record(master, id, occurrence, occurrenceEnd, true));
      added++;
    }
    // An override that moves an occurrence into the window from outside it.
    for (const override of replaced.values()) {
      this.guarded(override, () => {
        const property = override.component.getFirstProperty('recurrence-id')!;
        const id = `${master.uid}/${occurrenceSuffix(this.moment(property, property.jCal[3], () => start.zone))}`;
        added += this.readOverride(override, id, start.zone) ? 1 : 0;
      });
    }
    if (cancelled) this.cancelledIds.add(master.uid);
    else if (added === 0) throw new SkipEvent('outside-window', 'RRULE');
  }

  /** An overridden occurrence: its own times and text; false when cancelled or outside the window. */
  private readOverride(override: ParsedEvent, id: string, zone: Zone): boolean {
    const { start, end } = this.times(override, () => zone);
    if (this.isCancellation || text(override.component, 'status')?.toUpperCase() === 'CANCELLED') {
      this.cancelledIds.add(id);
      return false;
    }
    if (end.instant < this.windowStart || start.instant > this.windowEnd) return false;
    this.add(this.record(override, id, start, end, true));
    return true;
  }

  /** An occurrence sent on its own (an invitation to one meeting of a series). */
  private readOrphanOverride(override: ParsedEvent) {
    const property = override.component.getFirstProperty('recurrence-id')!;
    const { start, end } = this.times(override, this.localZone);
    const id = `${override.uid}/${occurrenceSuffix(this.moment(property, property.jCal[3], () => start.zone))}`;
    if (this.isCancellation || text(override.component, 'status')?.toUpperCase() === 'CANCELLED') {
      this.cancelledIds.add(id);
    } else {
      this.add(this.record(override, id, start, end, true));
    }
  }

  /** The starts of a recurring event within the window: RRULE and RDATE, less EXDATE. */
  private occurrences(master: ParsedEvent, start: Moment, length: number): Map<string, Moment> {
    const found = new Map<string, Moment>();
    const inWindow = (instant: number) => instant + length >= this.windowStart && instant <= this.windowEnd;
    const component = master.component;
    const rrule = component.getFirstProperty('rrule');
    if (rrule) {
      const recur = rrule.getFirstValue();
      if (!(recur instanceof ICAL.Recur)) throw new SkipEvent('bad-line', 'RRULE');
      if (recur.freq === 'SECONDLY' || recur.freq === 'MINUTELY' || recur.freq === 'HOURLY') {
        throw new SkipEvent('recurs-too-often', 'RRULE');
      }
      const until = (rrule.jCal[3] as { until?: unknown }).until;
      if (until !== undefined) {
        const value = readCalendarValue(until);
        if (isSkipReason(value)) throw new SkipEvent(value, 'RRULE');
        // UNTIL in UTC becomes the event's own wall clock, as the iterator works in wall time.
        const wall = value.isUtc && !start.isDate ? start.zone.toWall(wallTimeAsUtc(value)) : value;
        recur.until = ICAL.Time.fromData({ ...wall, isDate: start.isDate || value.isDate });
      }
      const iterator = recur.iterator(
        ICAL.Time.fromData({ ...this.fastForward(recur, start, length), isDate: start.isDate }),
      );
      for (let next = iterator.next(); next; next = iterator.next()) {
        const wall = {
          year: next.year,
          month: next.month,
          day: next.day,
          hour: next.hour,
          minute: next.minute,
          second: next.second,
        };
        const roughly = wallTimeAsUtc(wall);
        if (roughly > this.windowEnd + DAY_MS) break;
        if (roughly + length < this.windowStart - DAY_MS) continue;
        const occurrence = momentAt(wall, start.isDate, start.zone);
        if (inWindow(occurrence.instant)) found.set(occurrenceKey(occurrence), occurrence);
        if (found.size >= MAX_OCCURRENCES_PER_EVENT) break;
      }
    } else {
      if (inWindow(start.instant)) found.set(occurrenceKey(start), start);
    }
    for (const property of component.getAllProperties('rdate')) {
      for (const raw of property.jCal.slice(3) as unknown[]) {
        const occurrence = this.moment(property, Array.isArray(raw) ? raw[0] : raw, () => start.zone);
        const moment =
          start.isDate || !occurrence.isDate
            ? occurrence
            : momentAt({ ...occurrence.wall, ...timeOfDay(start.wall) }, false, start.zone);
        if (inWindow(moment.instant) && found.size < MAX_OCCURRENCES_PER_EVENT)
          found.set(occurrenceKey(moment), moment);
      }
    }
    for (const property of component.getAllProperties('exdate')) {
      for (const raw of property.jCal.slice(3) as unknown[]) {
        const excluded = this.moment(property, raw, () => start.zone);
        found.delete(occurrenceKey(excluded));
        if (excluded.isDate && !start.isDate) {
          for (const [key, occurrence] of found) {
            const wall = occurrence.wall;
            if (
              wall.year === excluded.wall.year &&
              wall.month === excluded.wall.month &&
              wall.day === excluded.wall.day
            ) {
              found.delete(key);
            }
          }
        }
      }
    }
    return new Map([...found].sort((a, b) => a[1].instant - b[1].instant));
  }

  /**
   * Where to start iterating: a daily or weekly rule without COUNT starts again a whole number of
   * its periods later, just before the window, rather than stepping through every past day.
   */
  private fastForward(recur: ICAL.Recur, start: Moment, length: number): WallTime {
    if (recur.count || (recur.freq !== 'DAILY' && recur.freq !== 'WEEKLY')) return start.wall;
    const periodDays = (recur.freq === 'DAILY' ? 1 : 7) * (recur.interval || 1);
    const daysBehind = Math.floor((this.windowStart - length - wallTimeAsUtc(start.wall)) / DAY_MS) - 2;
    return daysBehind > periodDays
      ? addDaysToWall(start.wall, Math.floor(daysBehind / periodDays) * periodDays)
      : start.wall;
  }

  /** Gapbridge's own deadline and session events fold into their meeting; true when it was one. */
  private readGapbridgeSideEvent(event: ParsedEvent, start: Moment, end: Moment): boolean {
    const sessionOf = text(event.component, X.sessionOf);
    if (sessionOf) {
      this.sessions.push({ meetingId: sessionOf, end: end.instant });
      return true;
    }
    const deadlineFor = text(event.component, X.deadlineFor);
    if (!deadlineFor) return false;
    const kind = text(event.component, X.deadlineKind);
    const date = new Date(start.instant).toISOString().slice(0, 10);
    if (text(event.component, X.official) === 'TRUE' && kind && (DEADLINE_KINDS as readonly string[]).includes(kind)) {
      this.deadlines.push({ meetingId: deadlineFor, deadline: { kind: kind as DeadlineKind, date, official: true } });
    }
    return true;
  }

  private add(meeting: MeetingRecord) {
    this.meetings.set(meeting.id, meeting);
  }

  /** What every occurrence of an event shares, read once per event. */
  private readonly shared = new Map<
    ParsedEvent,
    Omit<MeetingRecord, 'id' | 'start' | 'end' | 'timeZone' | 'deadlines'>
  >();

  private sharedFields(event: ParsedEvent, isRecurring: boolean) {
    let fields = this.shared.get(event);
    if (!fields) {
      const component = event.component;
      const summary = event.summary || event.uid;
      const location = text(component, 'location');
      const isVirtual = !location || /^(virtual|online|e-meeting)$/i.test(location);
      const kind = classifyEvent(summary, text(component, X.kind), isRecurring);
      fields = {
        kind,
        group:
          text(component, X.group) ??
          groupCodeIn(summary) ??
          (kind === 'personal' ? '' : (text(component, 'categories') ?? 'ITU-T')),
        title: titlesOf(component, summary),
        place: isVirtual ? null : location,
        remoteParticipation: text(component, X.remote) !== 'FALSE',
        links: {
          ...(text(component, 'url') ? { meetingPage: text(component, 'url') } : {}),
          ...(text(component, X.collectiveLetter) ? { collectiveLetter: text(component, X.collectiveLetter) } : {}),
        },
        ...(text(component, X.prepares) ? { preparesMeetingId: text(component, X.prepares) } : {}),
        origin: 'imported',
        ...(text(component, X.source) ? { source: text(component, X.source) } : {}),
        updatedAt: this.now.toISOString(),
      };
      this.shared.set(event, fields);
    }
    return fields;
  }

  private record(event: ParsedEvent, id: string, start: Moment, end: Moment, isRecurring: boolean): MeetingRecord {
    const declaredZone = text(event.component, X.timeZone);
    const lastInstant = end.isDate && end.instant > start.instant ? end.instant - 1 : end.instant;
    return {
      ...this.sharedFields(event, isRecurring),
      id,
      start: new Date(start.instant).toISOString(),
      // An all-day event's DTEND is the day after its last day.
      end: new Date(
        start.isDate && lastInstant === start.instant ? start.instant + DAY_MS - 1 : lastInstant,
      ).toISOString(),
      timeZone: declaredZone && resolveZoneName(declaredZone) === declaredZone ? declaredZone : start.zone.name,
      deadlines: [],
    };
  }
}

function timeOfDay(wall: WallTime) {
  return { hour: wall.hour, minute: wall.minute, second: wall.second };
}

/** DTSTART plus DURATION: days and weeks on the wall clock (a day is a day across DST), hours exactly. */
function addDuration(start: Moment, duration: ICAL.Duration): Moment {
  const sign = duration.isNegative ? -1 : 1;
  const days = sign * (duration.weeks * 7 + duration.days);
  const wall = addDaysToWall(start.wall, days);
  if (start.isDate) return momentAt(wall, true, UTC);
  const exact = sign * (duration.hours * 3600 + duration.minutes * 60 + duration.seconds) * 1000;
  const instant = start.zone.toInstant(wall) + exact;
  return { instant, wall: start.zone.toWall(instant), isDate: false, zone: start.zone };
}

function titlesOf(event: ICAL.Component, summary: string): Partial<Record<LanguageCode, string>> {
  const titles: Partial<Record<LanguageCode, string>> = {};
  for (const property of event.getAllProperties(X.title)) {
    const language = property.getParameter('language');
    const value = property.getFirstValue();
    if (isLanguageCode(language) && typeof value === 'string') titles[language] = value;
  }
  return Object.keys(titles).length ? titles : { en: summary };
}
