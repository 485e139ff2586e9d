import type { MeetingRecord } from '../../../renderer/db/records';
import { calendarPackSchema, type CalendarPack } from '../../../renderer/content/packSchema';
import { importCalendar } from '../../../renderer/features/meetings/ics/importCalendar';
import { LANGUAGES, type LanguageCode } from '../../../renderer/i18n/languages';

type PackMeeting = CalendarPack['meetings'][number];
type Localized = Record<LanguageCode, string>;

/**
 * A text in the six languages the pack requires. The file's own where it gives them (Gapbridge's
 * export carries all six); the published translations while the file repeats the published text
 * unchanged; otherwise the file's text (English first) stands in: no translation is made up.
 */
function sixLanguages(
  given: Partial<Record<LanguageCode, string>>,
  known: Partial<Record<LanguageCode, string>> | undefined,
): Localized {
  const fallback = given.en ?? Object.values(given).find(Boolean) ?? '';
  const unchanged = known && Object.entries(given).every(([code, text]) => known[code as LanguageCode] === text);
  return Object.fromEntries(
    LANGUAGES.map(({ code }) => [code, given[code] ?? (unchanged ? known[code] : undefined) ?? fallback]),
  ) as Localized;
}

const defined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, each]) => each !== undefined));

/**
 * The file's event replaces the published meeting. What iCalendar cannot carry is kept from the
 * published one while it still applies: the place's six names (same place), the source, the
 * official deadlines and the links (when the file gives none).
 */
function toPackMeeting(meeting: MeetingRecord, known: PackMeeting | undefined, fileName: string): PackMeeting {
  const { origin: _origin, updatedAt: _updatedAt, letterEntry: _letterEntry, ...rest } = meeting;
  const placeTitle = known && known.place === meeting.place ? known.placeTitle : undefined;
  const deadlines = meeting.deadlines.map(({ kind, date, official }) => ({ kind, date, official }));
  return {
    ...defined(rest),
    title: sixLanguages(meeting.title, known?.title),
    ...(placeTitle ? { placeTitle } : {}),
    links: { ...known?.links, ...defined(meeting.links) },
    deadlines: deadlines.length ? deadlines : (known?.deadlines ?? []),
    source: meeting.source ?? known?.source ?? `Calendar file ${fileName}`,
    ...(known?.sourceTitle && !meeting.source ? { sourceTitle: known.sourceTitle } : {}),
  } as PackMeeting;
}

/**
 * The calendar pack a secretariat publishes from an .ics file: the published calendar with the
 * file's meetings added or replaced (by UID) and the meetings it cancels removed; the groups are kept.
 */
export function calendarFromIcs(
  bytes: Uint8Array,
  base: CalendarPack,
  version: string,
  fileName: string,
  now = new Date(),
): { pack: CalendarPack; added: number; replaced: number; cancelled: number; skipped: number } {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const imported = importCalendar(buffer, { now });
  // Every meeting in the app belongs to a group; the file must say which (SUMMARY or X-GAPBRIDGE-GROUP).
  const groupless = imported.meetings.filter((meeting) => !meeting.group);
  if (groupless.length) {
    throw new Error(
      `${fileName}: ${groupless.length} events name no study group (e.g. UID ${groupless[0]!.id}); nothing published`,
    );
  }
  const meetings = new Map(base.meetings.map((m) => [m.id, m]));
  let added = 0;
  let replaced = 0;
  for (const meeting of imported.meetings) {
    const known = meetings.get(meeting.id);
    if (known) replaced++;
    else added++;
    meetings.set(meeting.id, toPackMeeting(meeting, known, fileName));
  }
  let cancelled = 0;
  for (const id of imported.cancelledIds) if (meetings.delete(id)) cancelled++;
  const checked = calendarPackSchema.safeParse({ ...base, version, meetings: [...meetings.values()] });
  if (!checked.success) {
    const first = checked.error.issues[0]!;
    throw new Error(`${fileName}: not a valid calendar (${first.path.join('.')}: ${first.message}); nothing published`);
  }
  return { pack: checked.data, added, replaced, cancelled, skipped: imported.skipped.length };
}
