import { installCalendarPack, installCoursePack, installedPacks } from '../db/contentPacks';
import type { GapbridgeDatabase } from '../db/database';
import {
  calendarPackSchema,
  coursePackSchema,
  manifestSchema,
  type CalendarPack,
  type CoursePack,
  type ManifestEntry,
} from './packSchema';
import { compareVersions } from './versions';

export type PackErrorCode = 'unreachable' | 'corrupt';

/** A pack that could not be installed; the content already stored stays as it was. */
export class PackError extends Error {
  constructor(
    readonly code: PackErrorCode,
    message: string,
  ) {
    super(message);
  }
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function fetchBytes(fetcher: typeof fetch, url: string): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetcher(url);
  } catch (error) {
    throw new PackError('unreachable', `${url}: ${String(error)}`);
  }
  if (!response.ok) throw new PackError('unreachable', `${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

function parseJson(bytes: ArrayBuffer, url: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new PackError('corrupt', `${url}: not JSON`);
  }
}

/**
 * A content pack's bytes, read and checked against its schema and against what its manifest says
 * it is (kind, language, version); null when they are not that pack. Shared by the app's own
 * packs and the hub's signed ones.
 */
export function readContentPack(
  bytes: Uint8Array | ArrayBuffer,
  entry: { kind: 'course' | 'calendar'; lang: string; version: string },
): CoursePack | CalendarPack | null {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  const pack = entry.kind === 'course' ? coursePackSchema.safeParse(json) : calendarPackSchema.safeParse(json);
  if (!pack.success || pack.data.lang !== entry.lang || pack.data.version !== entry.version) return null;
  return pack.data;
}

/**
 * Installs a checked pack in one transaction (contentPacks.ts); false when a newer one of that
 * kind and language is installed, which is then kept.
 */
export function installContentPack(
  db: GapbridgeDatabase,
  pack: CoursePack | CalendarPack,
  sha256: string,
): Promise<boolean> {
  return pack.kind === 'course' ? installCoursePack(db, pack, sha256) : installCalendarPack(db, pack, sha256);
}

/** A pack is wanted when none is installed for it, or the offered one is newer or differs at the same version. */
function isWanted(entry: ManifestEntry, installed: Map<string, { version: string; sha256: string }>): boolean {
  const current = installed.get(entry.id);
  if (!current) return true;
  const order = compareVersions(entry.version, current.version);
  return order > 0 || (order === 0 && entry.sha256 !== current.sha256);
}

/**
 * Installs the packs listed in `baseUrl`/manifest.json that are missing or newer than the
 * installed ones. Each pack is checked against its SHA-256 and its schema before it replaces
 * anything. Returns the ids installed.
 */
export async function installPacksFrom(
  db: GapbridgeDatabase,
  baseUrl: string,
  fetcher: typeof fetch = fetch,
  firstLanguage?: string,
): Promise<string[]> {
  const manifestUrl = new URL('manifest.json', baseUrl).href;
  const manifest = manifestSchema.safeParse(parseJson(await fetchBytes(fetcher, manifestUrl), manifestUrl));
  if (!manifest.success) throw new PackError('corrupt', `${manifestUrl}: ${manifest.error.message}`);
  const installed = new Map((await installedPacks(db)).map((p) => [p.id, p]));
  const done: string[] = [];
  const wanted = manifest.data.packs.filter((e) => isWanted(e, installed));
  // The language on screen first, so that its course is there as soon as possible.
  wanted.sort((a, b) => Number(b.lang === firstLanguage) - Number(a.lang === firstLanguage));
  for (const entry of wanted) {
    const url = new URL(entry.file, baseUrl).href;
    const bytes = await fetchBytes(fetcher, url);
    if ((await sha256Hex(bytes)) !== entry.sha256) throw new PackError('corrupt', `${url}: checksum mismatch`);
    const pack = readContentPack(bytes, entry);
    if (!pack) throw new PackError('corrupt', `${url}: not the pack the manifest describes`);
    if (await installContentPack(db, pack, entry.sha256)) done.push(entry.id);
  }
  return done;
}
