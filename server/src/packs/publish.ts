import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compileCalendar } from '../../../content/build/compileCalendar';
import { compileCourse } from '../../../content/build/compileCourse';
import { readSourceFile } from '../../../content/build/guards';
import { readCourseSources, readCourseVersion, readFactGrades } from '../../../content/build/readSources';
import { certificateKeysSchema, type CertificateKeys } from '../../../renderer/certificates/certificateKeys';
import { calendarPackSchema, type CalendarPack } from '../../../renderer/content/packSchema';
import { compareVersions } from '../../../renderer/content/versions';
import { calendarFromIcs } from './calendarFromIcs';
import type { HubKey } from './hubKey';
import {
  publishPacks,
  PublishError,
  readManifest,
  readPublishedPack,
  type NewPack,
  type PublishResult,
} from './packStore';

const SHIPPED_CALENDAR = path.resolve(import.meta.dirname, '../../../content/calendar');

const encode = (pack: unknown) => new TextEncoder().encode(JSON.stringify(pack));

/** A calendar from sources laid out as content/calendar: groups.yaml, meetings.yaml, pack.json. */
function compileCalendarDir(dir: string): CalendarPack {
  const read = (name: string) => readSourceFile(path.join(dir, name), `calendar/${name}`);
  const version = (JSON.parse(read('pack.json')) as { version: string }).version;
  return compileCalendar(read('groups.yaml'), read('meetings.yaml'), version);
}

/** The calendar an .ics file updates: the one this hub published last, else the one the app ships. */
function baseCalendar(packsDir: string): CalendarPack {
  const entry = readManifest(packsDir)?.manifest.packs.find((each) => each.id === 'calendar/all');
  if (!entry) return compileCalendarDir(SHIPPED_CALENDAR);
  return calendarPackSchema.parse(JSON.parse(new TextDecoder().decode(readPublishedPack(packsDir, entry))));
}

export interface CalendarPublication extends PublishResult {
  summary: string;
}

/**
 * `publish calendar FILE`: an .ics file (with `version`: the meetings it adds, changes or cancels,
 * on top of the published calendar), a compiled calendar pack (.json, which names its version),
 * or a folder of calendar sources as content/calendar.
 */
export function publishCalendar(
  packsDir: string,
  key: HubKey,
  file: string,
  version: string | undefined,
  now = new Date(),
): CalendarPublication {
  let pack: CalendarPack;
  let summary: string;
  if (statSync(file).isDirectory()) {
    pack = compileCalendarDir(file);
    summary = `${pack.meetings.length} meetings`;
  } else if (file.toLowerCase().endsWith('.ics')) {
    const bytes = new Uint8Array(readFileSync(file));
    if (!version) throw new PublishError('an .ics file needs --version, e.g. --version 2026.12.1');
    const base = baseCalendar(packsDir);
    // Devices already hold the base (shipped or published): the update must be newer than it.
    if (compareVersions(version, base.version) <= 0)
      throw new PublishError(`--version ${version} must be newer than the calendar it updates (${base.version})`);
    const result = calendarFromIcs(bytes, base, version, path.basename(file), now);
    pack = result.pack;
    summary = `${result.added} added, ${result.replaced} replaced, ${result.cancelled} cancelled, ${result.skipped} events skipped`;
  } else {
    const parsed = calendarPackSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new PublishError(`${file} is not a calendar pack: ${parsed.error.issues[0]?.message}`);
    if (version && version !== parsed.data.version)
      throw new PublishError(`${file} is version ${parsed.data.version}, not ${version}`);
    pack = parsed.data;
    summary = `${pack.meetings.length} meetings`;
  }
  const newPack: NewPack = { kind: 'calendar', lang: 'all', version: pack.version, bytes: encode(pack) };
  return { ...publishPacks(packsDir, key, [newPack], now), summary };
}

/** `publish course DIR`: course sources (as content/course) compiled into one pack per language. */
export function publishCourse(packsDir: string, key: HubKey, courseDir: string, now = new Date()): PublishResult {
  const packs = compileCourse(readCourseSources(courseDir), readCourseVersion(courseDir), readFactGrades(courseDir));
  return publishPacks(
    packsDir,
    key,
    packs.map((pack) => ({ kind: 'course', lang: pack.lang, version: pack.version, bytes: encode(pack) })),
    now,
  );
}

export const CERTIFICATE_KEYS_PACK = 'certificate-keys/all';

/**
 * `publish certificate-keys`: the hub's certificate keys (signingKeys.ts `published()`), as the
 * `certificate-keys/all` pack, so that devices learn of a new or revoked key with their next
 * sync. Versions count up from 1; the same keys again publish nothing.
 */
export function publishCertificateKeys(
  packsDir: string,
  key: HubKey,
  keys: CertificateKeys,
  now = new Date(),
): PublishResult {
  const bytes = encode(certificateKeysSchema.parse(keys));
  const published = readManifest(packsDir)?.manifest.packs.find((each) => each.id === CERTIFICATE_KEYS_PACK);
  const version = !published
    ? '1'
    : new TextDecoder().decode(readPublishedPack(packsDir, published)) === new TextDecoder().decode(bytes)
      ? published.version
      : String(Number(published.version.split('.')[0]) + 1);
  return publishPacks(packsDir, key, [{ kind: 'certificate-keys', lang: 'all', version, bytes }], now);
}
