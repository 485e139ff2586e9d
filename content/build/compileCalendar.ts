import { z } from 'zod';
import { calendarPackSchema, PACK_FORMAT, type CalendarPack } from '../../renderer/content/packSchema';
import { zonedTimeToInstant, isKnownTimeZone } from '../../renderer/features/meetings/model/zonedTime';
import { DEADLINE_KINDS, MEETING_KINDS } from '../../renderer/db/records';
import { LANGUAGES, type LanguageCode } from '../../renderer/i18n/languages';
import { ContentError } from './compileCourse';
import { checkMeetingDates, checkYear, parseSourceYaml } from './guards';

// Meetings are announced by date; these are the usual opening and closing hours.
const OPENING_TIME = '09:30';
const CLOSING_TIME = '17:30';

const text = z.string().trim().min(1);
const localized = z.strictObject(
  Object.fromEntries(LANGUAGES.map((l) => [l.code, text])) as Record<LanguageCode, typeof text>,
);
const date = z.union([z.iso.date(), z.date().transform((d) => d.toISOString().slice(0, 10))]);

const groupSource = z.strictObject({
  id: text,
  kind: z.enum(['study-group', 'tsag']),
  unconfirmed: z.boolean().optional(),
  title: localized,
});

const meetingSource = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(MEETING_KINDS),
  group: text,
  title: localized,
  start: date,
  end: date,
  timeZone: text.refine(isKnownTimeZone, 'not an IANA time zone'),
  place: text.nullable(),
  placeAssumed: z.boolean().optional(),
  remote: z.boolean().optional(),
  collectiveLetter: text.optional(),
  meetingPage: z.url().optional(),
  prepares: text.optional(),
  deadlines: z.array(z.strictObject({ kind: z.enum(DEADLINE_KINDS), date })).optional(),
  source: text,
});

function parse<T>(schema: z.ZodType<T>, yaml: string, file: string): T {
  const result = schema.safeParse(parseSourceYaml(file, yaml, { schema: 'core' }));
  if (!result.success) {
    throw new ContentError(
      `${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return result.data;
}

/** The calendar pack: the study groups and the meetings the app ships, one pack for all languages. */
export function compileCalendar(groupsYaml: string, meetingsYaml: string, version: string): CalendarPack {
  const groups = parse(z.array(groupSource), groupsYaml, 'calendar/groups.yaml');
  const meetings = parse(z.array(meetingSource), meetingsYaml, 'calendar/meetings.yaml');
  const ids = new Set<string>();
  for (const meeting of meetings) {
    if (ids.has(meeting.id)) throw new ContentError(`calendar/meetings.yaml: ${meeting.id} appears twice`);
    ids.add(meeting.id);
    checkMeetingDates(`calendar/meetings.yaml: ${meeting.id}`, meeting.start, meeting.end);
    for (const { date } of meeting.deadlines ?? []) checkYear(`calendar/meetings.yaml: ${meeting.id}`, date);
    if (meeting.end < meeting.start)
      throw new ContentError(`calendar/meetings.yaml: ${meeting.id} ends before it starts`);
  }
  return calendarPackSchema.parse({
    format: PACK_FORMAT,
    kind: 'calendar',
    lang: 'all',
    version,
    groups: groups.map(({ id, kind, title, unconfirmed }) => ({
      id,
      kind,
      title,
      isUnconfirmed: unconfirmed ?? false,
    })),
    meetings: meetings.map((m) => ({
      id: m.id,
      kind: m.kind,
      group: m.group,
      title: m.title,
      start: zonedTimeToInstant(m.start, OPENING_TIME, m.timeZone).toISOString(),
      end: zonedTimeToInstant(m.end, CLOSING_TIME, m.timeZone).toISOString(),
      timeZone: m.timeZone,
      place: m.place,
      remoteParticipation: m.remote ?? true,
      links: {
        ...(m.collectiveLetter ? { collectiveLetter: m.collectiveLetter } : {}),
        ...(m.meetingPage ? { meetingPage: m.meetingPage } : {}),
      },
      deadlines: (m.deadlines ?? []).map((d) => ({ ...d, official: true })),
      ...(m.prepares ? { preparesMeetingId: m.prepares } : {}),
      source: m.placeAssumed ? `${m.source} (place assumed)` : m.source,
    })),
  });
}
