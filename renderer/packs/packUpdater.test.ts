import { describe, expect, it, vi } from 'vitest';
import type { CertificateKeys } from '../certificates/certificateKeys';
import type { CoursePack } from '../content/packSchema';
import { installCalendarPack } from '../db/contentPacks';
import type { GapbridgeDatabase } from '../db/database';
import { useTestDatabases } from '../db/databases.testing';
import type { LanguageCode } from '../i18n/languages';
import { createFakePackHub, encodePack, gzipPack, makePackKey, shippedCalendar } from './packHub.testing';
import { createPackUpdateStore, type PackUpdateState } from './packUpdateStatus';
import { createPackUpdater, MANIFEST_PATH } from './packUpdater';

const open = useTestDatabases('pack-updater');
// The calendar is about 9 KB gzip-compressed: small pieces, so that a download has several.
const CHUNK = 1024;

function coursePack(lang: LanguageCode, version: string, title = 'Standardization in ITU-T'): CoursePack {
  return {
    format: 1,
    kind: 'course',
    lang,
    version,
    modules: [{ id: 'm1', order: 1, title, summary: 'S' }],
    lessons: [{ id: 'm1-l1', moduleId: 'm1', order: 1, title, body: '<p>B</p>', sources: ['A.1'] }],
    questions: [],
  };
}

function setUp(
  options: {
    db?: GapbridgeDatabase;
    languages?: LanguageCode[];
    hub?: ReturnType<typeof createFakePackHub>;
    key?: ReturnType<typeof makePackKey>;
  } = {},
) {
  const key = options.key ?? makePackKey();
  const hub = options.hub ?? createFakePackHub(key);
  const db = options.db ?? open();
  const status = createPackUpdateStore();
  const seen: PackUpdateState[] = [];
  status.subscribe((state) => seen.push(state));
  const onCertificateKeys = vi.fn<(keys: CertificateKeys) => void>();
  const updater = createPackUpdater({
    db,
    send: (request) => hub.request(request),
    keys: key.pinned,
    languages: () => options.languages ?? ['en'],
    onCertificateKeys,
    status,
    chunkBytes: CHUNK,
  });
  return { key, hub, db, status, seen, updater, onCertificateKeys };
}

/** The ranges asked for a pack's url, as [start, end]. */
const rangesFor = (hub: ReturnType<typeof createFakePackHub>, url: string) =>
  hub.requests.filter((request) => request.path === url).map((request) => [request.range?.start, request.range?.end]);

describe('updates from the hub: signed manifest, resumable download, checked install', () => {
  it('downloads a new calendar in pieces, shows its progress, and installs it in one go', async () => {
    const { hub, db, status, seen, updater } = setUp();
    const calendar = shippedCalendar('2026.12.1');
    calendar.meetings[0]!.title.en = 'Moved by the secretariat';
    const json = encodePack(calendar);
    const bytes = gzipPack(json);
    const { manifest } = hub.publish('calendar', 'all', '2026.12.1', json);

    await updater.update();

    const installed = await db.contentPacks.get('calendar/all');
    expect(installed).toMatchObject({ version: '2026.12.1', sha256: manifest.packs[0]!.sha256 });
    expect((await db.meetings.get(calendar.meetings[0]!.id))?.title.en).toBe('Moved by the secretariat');
    expect(await db.meetings.count()).toBe(calendar.meetings.length);
    // In pieces of CHUNK bytes, each asked for with its end.
    const ranges = rangesFor(hub, manifest.packs[0]!.url);
    expect(ranges.length).toBe(Math.ceil(bytes.length / CHUNK));
    expect(ranges[1]).toEqual([CHUNK, 2 * CHUNK - 1]);
    // The bar moved from 0 to the whole, and the download's bytes are gone once installed.
    const dones = seen.flatMap((state) => (state.progress ? [state.progress.done] : []));
    expect(dones[0]).toBe(0);
    expect(dones.at(-1)).toBe(bytes.length);
    expect(seen.some((state) => state.progress?.total === bytes.length)).toBe(true);
    expect(status.getState()).toMatchObject({ phase: 'idle', progress: null, installed: ['calendar/all'] });
    expect(await db.packChunks.count()).toBe(0);
    expect((await db.packState.get('manifest'))?.sequence).toBe(1);

    // Nothing new: the next sync asks for the manifest only.
    hub.requests.length = 0;
    await updater.update();
    expect(hub.requests.map((request) => request.path)).toEqual([MANIFEST_PATH]);
  });

  it('resumes a download cut part way, after a restart, from the bytes it stored', async () => {
    const first = setUp();
    const json = encodePack(shippedCalendar('2026.12.1'));
    const bytes = gzipPack(json);
    const { manifest } = first.hub.publish('calendar', 'all', '2026.12.1', json);
    const url = manifest.packs[0]!.url;
    // The manifest and three pieces arrive, then the link drops.
    first.hub.cutAfter(4);
    await first.updater.update();
    const stored = await first.db.packDownloads.get('calendar/all');
    expect(stored).toMatchObject({ received: 3 * CHUNK, etag: `"${manifest.packs[0]!.sha256}"` });
    expect(await first.db.contentPacks.get('calendar/all')).toBeUndefined();
    expect(first.status.getState().phase).toBe('idle');

    // The app restarts: a new updater on the same database, the link is back.
    first.hub.cutAfter(null);
    first.hub.requests.length = 0;
    const again = setUp({ db: first.db, hub: first.hub, key: first.key });
    await again.updater.update();
    const resumed = first.hub.requests.filter((request) => request.path === url);
    expect(resumed[0]!.range).toEqual({
      start: 3 * CHUNK,
      end: 4 * CHUNK - 1,
      ifRange: `"${manifest.packs[0]!.sha256}"`,
    });
    // Every byte was asked for once across the two runs.
    const asked = resumed.reduce((sum, request) => sum + (request.range!.end! - request.range!.start + 1), 0);
    expect(asked).toBe(bytes.length - 3 * CHUNK);
    expect(again.seen.find((state) => state.progress)?.progress?.done).toBe(3 * CHUNK);
    expect((await first.db.contentPacks.get('calendar/all'))?.version).toBe('2026.12.1');
  });

  it('starts again when the file behind the ETag changed, and installs the signed bytes', async () => {
    const { hub, db, updater } = setUp();
    const json = encodePack(shippedCalendar('2026.12.1'));
    const bytes = gzipPack(json);
    const { manifest } = hub.publish('calendar', 'all', '2026.12.1', json);
    // A mirror first serves a damaged copy; the link drops after two pieces of it.
    const damaged = bytes.slice();
    damaged[10] = damaged[10]! ^ 1;
    hub.replaceServedBytes('calendar/all', damaged);
    hub.cutAfter(3);
    await updater.update();
    expect((await db.packDownloads.get('calendar/all'))?.received).toBe(2 * CHUNK);

    // The mirror now has the right file: the resumed request names the old ETag, gets the whole file.
    hub.replaceServedBytes('calendar/all', bytes);
    hub.cutAfter(null);
    hub.requests.length = 0;
    await updater.update();
    const [resumed] = hub.requests.filter((request) => request.path === manifest.packs[0]!.url);
    expect(resumed!.range?.start).toBe(2 * CHUNK);
    expect((await db.contentPacks.get('calendar/all'))?.sha256).toBe(manifest.packs[0]!.sha256);
    expect(await db.packRefusals.count()).toBe(0);
  });

  it('refuses a pack whose bytes are not the signed ones, keeps the installed one, and does not fetch it again', async () => {
    const { hub, db, status, updater } = setUp();
    const shipped = shippedCalendar('2026.12.0');
    await installCalendarPack(db, shipped, 'b'.repeat(64));
    const json = encodePack(shippedCalendar('2026.12.1'));
    // One byte of the gzip file changed on the way.
    const tampered = gzipPack(json);
    tampered[200] = tampered[200]! ^ 1;
    const { manifest } = hub.publish('calendar', 'all', '2026.12.1', json, tampered);

    await updater.update();
    expect((await db.contentPacks.get('calendar/all'))?.version).toBe('2026.12.0');
    expect(await db.studyGroups.count()).toBe(shipped.groups.length);
    expect(status.getState().refusals).toEqual([
      expect.objectContaining({ id: 'calendar/all', version: '2026.12.1', reason: 'wrong-hash' }),
    ]);
    expect(await db.packChunks.count()).toBe(0);

    hub.requests.length = 0;
    await updater.update();
    expect(hub.requests.filter((request) => request.path === manifest.packs[0]!.url)).toEqual([]);
    expect(status.getState().refusals).toHaveLength(1);

    // A file of another size than the signed one is refused as soon as the hub says its size.
    const { manifest: next } = hub.publish('calendar', 'all', '2026.12.2', json, tampered.subarray(0, 100));
    await updater.update();
    expect(rangesFor(hub, next.packs[0]!.url)).toHaveLength(1);
    expect(status.getState().refusals[0]).toMatchObject({ version: '2026.12.2', reason: 'wrong-size' });
    expect((await db.contentPacks.get('calendar/all'))?.version).toBe('2026.12.0');
  });

  it('refuses a signed gzip file that inflates beyond its signed size (a bomb), and keeps the installed one', async () => {
    const { hub, db, status, updater } = setUp();
    const shipped = shippedCalendar('2026.12.0');
    await installCalendarPack(db, shipped, 'b'.repeat(64));
    const json = encodePack(shippedCalendar('2026.12.1'));
    // Valid JSON followed by 20 MB of spaces: about 20 KB gzip-compressed, signed as if it were the pack alone.
    const bomb = new Uint8Array(json.length + 20 * 1024 * 1024).fill(0x20);
    bomb.set(json);
    const { manifest } = hub.publish('calendar', 'all', '2026.12.1', bomb, undefined, json.length);
    expect(manifest.packs[0]!.size).toBeLessThan(64 * 1024);

    await updater.update();
    expect(status.getState().refusals).toEqual([
      expect.objectContaining({ id: 'calendar/all', version: '2026.12.1', reason: 'too-large' }),
    ]);
    expect((await db.contentPacks.get('calendar/all'))?.version).toBe('2026.12.0');
    expect(await db.meetings.count()).toBe(shipped.meetings.length);
    expect(await db.packChunks.count()).toBe(0);
  });

  it('refuses signed bytes that are not a valid pack of that kind and version', async () => {
    const { hub, db, status, updater } = setUp();
    hub.publish('calendar', 'all', '2026.12.1', encodePack({ ...shippedCalendar('2026.12.1'), version: '2026.12.2' }));
    await updater.update();
    expect(await db.contentPacks.get('calendar/all')).toBeUndefined();
    expect(status.getState().refusals[0]).toMatchObject({ id: 'calendar/all', reason: 'invalid-pack' });
  });

  it('never puts an older version over a newer one', async () => {
    const { hub, db, updater } = setUp();
    const newer = shippedCalendar('2026.12.5');
    await installCalendarPack(db, newer, 'c'.repeat(64));
    const { manifest } = hub.publish('calendar', 'all', '2026.12.1', encodePack(shippedCalendar('2026.12.1')));
    await updater.update();
    expect(rangesFor(hub, manifest.packs[0]!.url)).toEqual([]);
    expect((await db.contentPacks.get('calendar/all'))?.version).toBe('2026.12.5');
    // And the installer itself refuses, inside its transaction (the app's own packs install at start-up).
    const older = shippedCalendar('2026.12.1');
    older.meetings[0]!.title.en = 'Older text';
    expect(await installCalendarPack(db, older, 'd'.repeat(64))).toBe(false);
    expect((await db.meetings.get(older.meetings[0]!.id))?.title.en).toBe(newer.meetings[0]!.title.en);
  });

  it('refuses a manifest older than one it accepted (a replay), and downloads nothing from it', async () => {
    const { hub, db, status, updater } = setUp();
    hub.publish('course', 'en', '2026.11.0', encodePack(coursePack('en', '2026.11.0')));
    const old = hub.manifest()!;
    const { manifest } = hub.publish('calendar', 'all', '2026.12.1', encodePack(shippedCalendar('2026.12.1')));
    // The newest manifest is accepted (the calendar's download cut at once: nothing installed yet).
    hub.cutAfter(1);
    await updater.update();
    expect((await db.packState.get('manifest'))?.sequence).toBe(manifest.sequence);
    hub.cutAfter(null);

    hub.serveManifest(old);
    hub.requests.length = 0;
    await updater.update();
    expect(hub.requests.map((request) => request.path)).toEqual([MANIFEST_PATH]);
    expect(status.getState().manifestRefusal).toBe('older-manifest');
    expect(await db.packState.get('manifest')).toMatchObject({
      sequence: manifest.sequence,
      refusal: 'older-manifest',
    });
  });

  it('refuses a manifest signed by a key the app does not pin', async () => {
    const stranger = createFakePackHub(makePackKey());
    const { db, status, updater } = setUp({ hub: stranger });
    stranger.publish('calendar', 'all', '2026.12.1', encodePack(shippedCalendar('2026.12.1')));
    await updater.update();
    expect(status.getState().manifestRefusal).toBe('unknown-key');
    expect(await db.contentPacks.count()).toBe(0);
  });

  it('takes the user’s languages first and the others when asked', async () => {
    const { hub, db, status, updater } = setUp({ languages: ['fr', 'ar'] });
    for (const lang of ['en', 'fr', 'ar', 'zh'] as const)
      hub.publish('course', lang, '2026.12.0', encodePack(coursePack(lang, '2026.12.0')));
    await updater.update();
    const order = hub.requests.flatMap((request) => (request.range?.start === 0 ? [request.path] : []));
    expect(order).toEqual(['/v1/packs/course/fr/2026.12.0', '/v1/packs/course/ar/2026.12.0']);
    expect(status.getState().otherLanguages.count).toBe(2);
    expect(status.getState().otherLanguages.bytes).toBeGreaterThan(0);

    await updater.update({ otherLanguages: true });
    expect((await db.contentPacks.toArray()).map((pack) => pack.id).sort()).toEqual(
      ['course/ar', 'course/en', 'course/fr', 'course/zh'].sort(),
    );
    expect(status.getState().otherLanguages.count).toBe(0);
  });

  it('hands checked certificate keys to the callback, and refuses keys that are not the schema’s', async () => {
    const { hub, db, updater, onCertificateKeys } = setUp();
    const keys: CertificateKeys = {
      format: 1,
      keys: [
        {
          keyId: '0123456789',
          publicKey: 'A'.repeat(43),
          createdAt: '2026-12-01T00:00:00.000Z',
          retiredAt: null,
          revokedAt: null,
        },
      ],
    };
    hub.publish('certificate-keys', 'all', '1', encodePack(keys));
    await updater.update();
    expect(onCertificateKeys).toHaveBeenCalledWith(keys);
    expect((await db.contentPacks.get('certificate-keys/all'))?.version).toBe('1');

    onCertificateKeys.mockClear();
    hub.publish('certificate-keys', 'all', '2', encodePack({ format: 1, keys: [{ keyId: 'x' }] }));
    await updater.update();
    expect(onCertificateKeys).not.toHaveBeenCalled();
    expect((await db.contentPacks.get('certificate-keys/all'))?.version).toBe('1');
    expect((await db.packRefusals.get('certificate-keys/all'))?.reason).toBe('invalid-pack');
  });
});
