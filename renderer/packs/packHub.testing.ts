import { createHash, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { compileCalendar } from '../../content/build/compileCalendar';
import type { CalendarPack } from '../content/packSchema';
import type { HubRequest, HubResponse } from '../sync/hubRequest';
import { toBase64 } from '../sync/base64';
import { SyncTransportError } from '../sync/transport';
import { keyIdOf, manifestSigningBytes, type SignedManifest, type SignedPack } from './signedManifest';
import type { PinnedKey } from './trustedKeys';

/** For unit tests: a hub's pack key, as Node's crypto makes it, and the app's pin of it. */
export function makePackKey() {
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKey = new Uint8Array(der.subarray(der.length - 32));
  const keyId = keyIdOf(publicKey);
  const pinned: ReadonlyMap<string, PinnedKey> = new Map([[keyId, { publicKey, revoked: false }]]);
  return { keyId, publicKey, privateKey, pinned };
}

export type PackKey = ReturnType<typeof makePackKey>;

/** The calendar the app ships, compiled from content/calendar, at another version. */
export function shippedCalendar(version?: string): CalendarPack {
  const read = (name: string) => readFileSync(path.join(CALENDAR_DIR, name), 'utf8');
  const shipped = (JSON.parse(read('pack.json')) as { version: string }).version;
  return compileCalendar(read('groups.yaml'), read('meetings.yaml'), version ?? shipped);
}

/** The folder of the calendar the app ships (content/calendar). */
export const CALENDAR_DIR = path.resolve(import.meta.dirname, '../../content/calendar');
export const WEEK_MS = 7 * 86_400_000;

const icsTime = (iso: string) => iso.replaceAll(/[-:]/g, '').replace(/\.\d{3}/, '');

/** What a secretariat sends: five meetings moved by a week, by UID, with their English titles only. */
export function fiveMeetingsMoved(base: CalendarPack): string {
  const events = base.meetings
    .slice(0, 5)
    .map((m) =>
      [
        'BEGIN:VEVENT',
        `UID:${m.id}`,
        'DTSTAMP:20261207T000000Z',
        `SUMMARY:${m.title.en}`,
        `X-GAPBRIDGE-KIND:${m.kind}`,
        `X-GAPBRIDGE-GROUP:${m.group}`,
        `DTSTART:${icsTime(new Date(Date.parse(m.start) + WEEK_MS).toISOString())}`,
        `DTEND:${icsTime(new Date(Date.parse(m.end) + WEEK_MS).toISOString())}`,
        ...(m.place ? [`LOCATION:${m.place}`] : []),
        'END:VEVENT',
      ].join('\r\n'),
    );
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//A secretariat//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
}

export const encodePack = (pack: unknown) => new TextEncoder().encode(JSON.stringify(pack));

/** A pack's bytes as the hub serves them (server/src/packs/packStore.ts gzipPack). */
export const gzipPack = (json: Uint8Array) => new Uint8Array(gzipSync(json, { level: 9 }));

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

interface Published {
  entry: SignedPack;
  bytes: Uint8Array;
}

/**
 * A hub serving signed packs through a HubClient's `request`, as the real one does (Range,
 * If-Range, ETag), that can cut the link after a number of answers, and be made to lie.
 */
export function createFakePackHub(key: { keyId: string; privateKey: KeyObject }) {
  const packs = new Map<string, Published>();
  let sequence = 0;
  let signed: SignedManifest | null = null;
  /** Answers left before the link is cut (every later request fails as offline); null: never. */
  let answersLeft: number | null = null;
  const requests: HubRequest[] = [];

  function sign_() {
    sequence += 1;
    const manifest = {
      format: 1 as const,
      sequence,
      issuedAt: new Date(Date.UTC(2026, 11, 7, 12, sequence)).toISOString(),
      keyId: key.keyId,
      packs: [...packs.values()].map((each) => each.entry).sort((a, b) => (a.id < b.id ? -1 : 1)),
    };
    signed = {
      manifest,
      signature: toBase64(new Uint8Array(sign(null, manifestSigningBytes(manifest), key.privateKey))),
    };
    return signed;
  }

  return {
    requests,
    /**
     * Publishes a pack's JSON gzip-compressed, as the hub does (replacing that id), and signs a
     * new manifest; `served` are the bytes actually sent; `inflatedSize` is signed as given.
     */
    publish(
      kind: SignedPack['kind'],
      lang: SignedPack['lang'],
      version: string,
      json: Uint8Array,
      served?: Uint8Array,
      inflatedSize = json.length,
    ) {
      const id = `${kind}/${lang}` as SignedPack['id'];
      const bytes = gzipPack(json);
      const entry: SignedPack = {
        id,
        kind,
        lang,
        version,
        sha256: sha256Hex(bytes),
        size: bytes.length,
        encoding: 'gzip',
        inflatedSize,
        url: `/v1/packs/${id}/${version}`,
      };
      packs.set(id, { entry, bytes: served ?? bytes });
      return sign_();
    },
    /** The current signed manifest, to replay it later. */
    manifest: () => signed,
    /** Serves this (older) manifest from now on, as a stale mirror would. */
    serveManifest(old: SignedManifest) {
      signed = old;
    },
    /** Swaps a published pack's served bytes in place (the ETag changes), as a mirror re-syncing would. */
    replaceServedBytes(id: string, bytes: Uint8Array) {
      const published = packs.get(id)!;
      published.bytes = bytes;
    },
    cutAfter(answers: number | null) {
      answersLeft = answers;
    },
    async request(request: HubRequest): Promise<HubResponse> {
      requests.push(request);
      if (answersLeft !== null) {
        if (answersLeft <= 0) throw new SyncTransportError({ kind: 'offline' });
        answersLeft -= 1;
      }
      const json = (status: number, value: unknown): HubResponse => ({
        status,
        headers: { 'content-type': 'application/json' },
        body: encodePack(value),
      });
      if (request.path === '/v1/packs/manifest')
        return signed ? json(200, signed) : json(404, { error: 'no-packs-published' });
      const published = [...packs.values()].find((each) => each.entry.url === request.path);
      if (!published) return json(404, { error: 'no-such-pack' });
      const { bytes } = published;
      const etag = `"${sha256Hex(bytes)}"`;
      const headers = { 'content-type': 'application/gzip', etag };
      const range = request.range;
      if (!range || (range.ifRange !== undefined && range.ifRange !== etag))
        return { status: 200, headers: { ...headers, 'content-length': String(bytes.length) }, body: bytes.slice() };
      if (range.start >= bytes.length) return json(416, { error: 'range-not-satisfiable' });
      const end = Math.min(range.end ?? bytes.length - 1, bytes.length - 1);
      return {
        status: 206,
        headers: { ...headers, 'content-range': `bytes ${range.start}-${end}/${bytes.length}` },
        body: bytes.slice(range.start, end + 1),
      };
    },
  };
}
