import { findIana } from 'windows-iana';

/** A wall-clock time as a calendar file writes it, before any time zone is applied. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(timeZone: string): Intl.DateTimeFormat | null {
  let cached = formatters.get(timeZone);
  if (cached === undefined) {
    try {
      cached = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      cached = null;
    }
    formatters.set(timeZone, cached);
  }
  return cached;
}

/** True for a zone name that Intl knows (IANA names and their aliases). */
export function isIanaZone(timeZone: string): boolean {
  return formatter(timeZone) !== null;
}

function offsetByFormatting(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone)!.formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wholeSeconds = Math.floor(epochMs / 1000) * 1000;
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - wholeSeconds;
}

const HOUR_MS = 3_600_000;
/** Per zone, the offset of each UTC hour in which the zone does not change its clocks. */
const steadyHours = new Map<string, Map<number, number>>();

/**
 * The offset of an IANA zone from UTC at an instant, in milliseconds (east positive). Asking Intl
 * is slow (it is most of an import's time), so an hour whose start and end have the same offset,
 * as all but the hours of a clock change do, is remembered.
 */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  let hours = steadyHours.get(timeZone);
  if (!hours) steadyHours.set(timeZone, (hours = new Map()));
  const hour = Math.floor(epochMs / HOUR_MS);
  const known = hours.get(hour);
  if (known !== undefined) return known;
  const atStart = offsetByFormatting(hour * HOUR_MS, timeZone);
  if (atStart !== offsetByFormatting((hour + 1) * HOUR_MS - 1000, timeZone)) {
    return offsetByFormatting(epochMs, timeZone);
  }
  if (hours.size > 100_000) hours.clear();
  hours.set(hour, atStart);
  return atStart;
}

export function wallTimeAsUtc(wall: WallTime): number {
  const utc = new Date(0);
  utc.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  utc.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return utc.getTime();
}

/** The instant at which the wall clock in an IANA zone shows `wall`; seconds are kept. */
export function wallTimeToInstant(wall: WallTime, timeZone: string): number {
  const asUtc = wallTimeAsUtc(wall);
  // Two passes settle the offset also on the day a zone changes its clocks.
  let instant = asUtc - zoneOffsetMs(asUtc, timeZone);
  instant = asUtc - zoneOffsetMs(instant, timeZone);
  return instant;
}

/** The wall clock in an IANA zone at an instant. */
export function instantToWallTime(epochMs: number, timeZone: string): WallTime {
  const shifted = new Date(epochMs + zoneOffsetMs(epochMs, timeZone));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

let ianaByCity: Map<string, string> | null = null;

function zoneForCity(city: string): string | undefined {
  ianaByCity ??= new Map(
    Intl.supportedValuesOf('timeZone').map((zone) => [zone.split('/').pop()!.replace(/_/g, ' ').toLowerCase(), zone]),
  );
  return ianaByCity.get(city.trim().toLowerCase());
}

function standardOffsetMinutes(timeZone: string, year: number): number {
  const january = zoneOffsetMs(Date.UTC(year, 0, 15), timeZone);
  const july = zoneOffsetMs(Date.UTC(year, 6, 15), timeZone);
  return Math.min(january, july) / 60_000;
}

/**
 * The IANA zone that a vendor's zone name means, or null. Tried in turn:
 * - an IANA name or alias (Intl knows it);
 * - a path that ends in one (Mozilla's `/mozilla.org/20050126_1/America/New_York`);
 * - a Windows zone ID (`W. Europe Standard Time`), through CLDR's windowsZones mapping;
 * - a Windows display name (`(UTC-05:00) Eastern Time (US and Canada)`, `(UTC+01:00) Amsterdam,
 *   Berlin, ...`): its ID is the name with "Standard Time", or one of its cities is an IANA city;
 *   either way the zone's standard offset must match the one printed.
 */
export function resolveZoneName(tzid: string): string | null {
  const name = tzid.trim().replace(/^"|"$/g, '');
  if (name === '') return null;
  if (isIanaZone(name)) return name;

  const segments = name.split('/').filter(Boolean);
  for (let take = Math.min(3, segments.length); take >= 1; take--) {
    const tail = segments.slice(-take).join('/');
    if (tail.includes('/') && isIanaZone(tail)) return tail;
  }

  const windows = findIana(name)[0];
  if (windows && isIanaZone(windows)) return windows;

  const display = /^\((?:UTC|GMT)(?:([+-])(\d{1,2}):(\d{2}))?\)\s*(.+)$/i.exec(name);
  if (display) {
    const offset = display[1] ? (display[1] === '-' ? -1 : 1) * (Number(display[2]) * 60 + Number(display[3])) : 0;
    const label = display[4]!.replace(/&/g, 'and');
    const matches = (zone: string | undefined): zone is string =>
      zone !== undefined && isIanaZone(zone) && standardOffsetMinutes(zone, new Date().getUTCFullYear()) === offset;
    const id = label
      .replace(/\s*\(.*\)\s*$/, '')
      .replace(/ Time$/i, ' Standard Time')
      .trim();
    const byId = [...findIana(id), ...findIana(label)].find(matches);
    if (byId) return byId;
    const byCity = label.split(/[,/]/).map(zoneForCity).find(matches);
    if (byCity) return byCity;
  }
  return null;
}
