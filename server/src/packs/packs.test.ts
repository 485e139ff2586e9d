import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COURSE_DIR } from '../../../content/build/readSources';
import { calendarPackSchema } from '../../../renderer/content/packSchema';
import type { SignedManifest, SignedPack } from '../../../renderer/packs/signedManifest';
import { CALENDAR_DIR, fiveMeetingsMoved, shippedCalendar, WEEK_MS } from '../../../renderer/packs/packHub.testing';
import { pinnedKeys } from '../../../renderer/packs/trustedKeys';
import { verifyManifest } from '../../../renderer/packs/verifyManifest';
import { verifyPack } from '../../../renderer/packs/verifyPack';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../test/databases';
import { buildHub } from '../app';
import { runPackKey, runPublish } from './packCommands';
import { gzipPack } from './packStore';

const NOW = new Date('2026-12-07T12:00:00Z');

describe.each(BACKENDS)('signed packs published and served by the hub on %s', (backend) => {
  const work = mkdtempSync(path.join(tmpdir(), 'gapbridge-packs-'));
  const packsDir = path.join(work, 'hub-packs');
  const base = shippedCalendar();
  let database: TestDatabase;
  let hub: FastifyInstance;
  let origin: string;

  const file = (name: string, text: string) => {
    writeFileSync(path.join(work, name), text);
    return path.join(work, name);
  };
  const manifestFile = () => path.join(packsDir, 'manifest.json');
  const fetchManifest = async () => (await (await fetch(`${origin}/v1/packs/manifest`)).json()) as SignedManifest;
  const keys = () => pinnedKeys({ keys: [JSON.parse(runPackKey(packsDir))] });
  const calendarEntry = async () => (await fetchManifest()).manifest.packs.find((p) => p.id === 'calendar/all')!;
  const download = async (entry: SignedPack, headers: Record<string, string> = {}) => {
    const response = await fetch(`${origin}${entry.url}`, { headers });
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    database = await freshDatabase(backend);
    hub = buildHub({ db: database.db, packsDir });
    origin = await hub.listen({ port: 0, host: '127.0.0.1' });
    // Course sources as content/course, then the shipped calendar, then a secretariat's update.
    runPublish(packsDir, ['course', COURSE_DIR], NOW);
    runPublish(packsDir, ['calendar', CALENDAR_DIR], NOW);
    const output = runPublish(
      packsDir,
      ['calendar', file('update.ics', fiveMeetingsMoved(base)), '--version', '2026.12.1'],
      NOW,
    );
    expect(output).toContain('0 added, 5 replaced, 0 cancelled');
  });

  afterAll(async () => {
    await hub.close();
    await database.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('serves a manifest, without an account, that the app verifies against the pinned key', async () => {
    const response = await fetch(`${origin}/v1/packs/manifest`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const check = verifyManifest(await response.json(), keys());
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.manifest.sequence).toBe(3);
    expect(check.manifest.packs.map((p) => `${p.id} ${p.version}`)).toEqual([
      'calendar/all 2026.12.1',
      'course/ar 2026.11.0',
      'course/en 2026.11.0',
      'course/es 2026.11.0',
      'course/fr 2026.11.0',
      'course/ru 2026.11.0',
      'course/zh 2026.11.0',
    ]);
  });

  it('serves each pack as the manifest describes it; the calendar has the five meetings moved and the rest as before', async () => {
    for (const entry of (await fetchManifest()).manifest.packs) {
      const { response, bytes } = await download(entry);
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe(`"${entry.sha256}"`);
      // The gzip file itself, not a Content-Encoding a browser would undo before the device checks it.
      expect(response.headers.get('content-type')).toBe('application/gzip');
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(verifyPack(bytes, entry)).toEqual({ ok: true });
      const json = gunzipSync(bytes);
      expect(entry).toMatchObject({ encoding: 'gzip', inflatedSize: json.length });
      // Deterministic: the same JSON always gives the same file.
      expect(gzipPack(json)).toEqual(bytes);
    }
    const entry = await calendarEntry();
    const pack = calendarPackSchema.parse(JSON.parse(gunzipSync((await download(entry)).bytes).toString('utf8')));
    const moved = pack.meetings.slice(0, 5);
    moved.forEach((meeting, i) => {
      const before = base.meetings[i]!;
      expect(Date.parse(meeting.start) - Date.parse(before.start)).toBe(WEEK_MS);
      // The titles in the other languages are kept: the English one was sent unchanged.
      expect(meeting.title).toEqual(before.title);
    });
    expect(pack.meetings.slice(5)).toEqual(base.meetings.slice(5));

    // The figure: what a device downloads for this update, against what changed.
    const changed = new TextEncoder().encode(JSON.stringify(moved)).length;
    console.log(
      `calendar update of 5 meetings: whole pack ${entry.size} bytes downloaded (gzip; ${entry.inflatedSize} inflated); the 5 changed meetings are ${changed} bytes of JSON`,
    );
  });

  it('refuses a manifest changed on the hub’s disk, and a pack whose bytes were changed', async () => {
    const original = readFileSync(manifestFile(), 'utf8');
    try {
      const signed = JSON.parse(original) as SignedManifest;
      signed.manifest.packs[0]!.sha256 = '0'.repeat(64);
      writeFileSync(manifestFile(), JSON.stringify(signed));
      expect(verifyManifest(await fetchManifest(), keys())).toEqual({ ok: false, reason: 'bad-signature' });
    } finally {
      writeFileSync(manifestFile(), original);
    }
    const entry = await calendarEntry();
    const packFile = path.join(packsDir, 'files', `calendar-all-${entry.version}.json.gz`);
    const bytes = readFileSync(packFile);
    try {
      const changed = Buffer.from(bytes);
      changed[200] = changed[200]! ^ 1;
      writeFileSync(packFile, changed);
      expect(verifyPack((await download(entry)).bytes, entry)).toEqual({ ok: false, reason: 'wrong-hash' });
    } finally {
      writeFileSync(packFile, bytes);
    }
  });

  it('answers byte ranges with 206 and exactly those bytes', async () => {
    const entry = await calendarEntry();
    const whole = (await download(entry)).bytes;
    const middle = await download(entry, { range: 'bytes=100-199' });
    expect(middle.response.status).toBe(206);
    expect(middle.response.headers.get('content-range')).toBe(`bytes 100-199/${entry.size}`);
    expect(middle.bytes).toEqual(whole.subarray(100, 200));
    const tail = await download(entry, { range: 'bytes=-50' });
    expect(tail.bytes).toEqual(whole.subarray(entry.size - 50));
    const beyond = await download(entry, { range: `bytes=${entry.size}-` });
    expect(beyond.response.status).toBe(416);
    expect(beyond.response.headers.get('content-range')).toBe(`bytes */${entry.size}`);
    // If-Range names another file: the whole current file, not a piece of it.
    const stale = await download(entry, { range: 'bytes=100-', 'if-range': `"${'f'.repeat(64)}"` });
    expect(stale.response.status).toBe(200);
    expect(stale.bytes).toEqual(whole);
  });

  it('resumes a download cut in the middle to the exact file', async () => {
    const entry = (await fetchManifest()).manifest.packs.find((p) => p.id === 'course/ru')!;
    const response = await fetch(`${origin}${entry.url}`);
    const reader = response.body!.getReader();
    // The connection drops part way: what arrived is kept, at most a third of the pack.
    const first = (await reader.read()).value!;
    await reader.cancel();
    const kept = first.subarray(0, Math.min(first.length, Math.floor(entry.size / 3)));
    const rest = await download(entry, { range: `bytes=${kept.length}-`, 'if-range': response.headers.get('etag')! });
    expect(rest.response.status).toBe(206);
    expect(rest.bytes.length).toBe(entry.size - kept.length);
    const joined = new Uint8Array(entry.size);
    joined.set(kept);
    joined.set(rest.bytes, kept.length);
    expect(verifyPack(joined, entry)).toEqual({ ok: true });
  });

  it('refuses to publish an older version, or the same version with other content, and signs nothing then', async () => {
    const before = readFileSync(manifestFile(), 'utf8');
    const update = file('older.ics', fiveMeetingsMoved(base));
    expect(() => runPublish(packsDir, ['calendar', update, '--version', base.version], NOW)).toThrow(
      /must be newer than the calendar it updates \(2026\.12\.1\)/,
    );
    const older = file('older.json', JSON.stringify({ ...base, version: '2026.11.5' }));
    expect(() => runPublish(packsDir, ['calendar', older], NOW)).toThrow(
      'calendar/all 2026.11.5 is older than the published 2026.12.1: refused',
    );
    const sameVersion = file('same.json', JSON.stringify({ ...base, version: '2026.12.1' }));
    expect(() => runPublish(packsDir, ['calendar', sameVersion], NOW)).toThrow(/already published with other content/);
    expect(runPublish(packsDir, ['course', COURSE_DIR], NOW)).toContain('Nothing new to publish');
    // Compared on content: the same JSON compressed otherwise (another zlib) is not a change.
    const courseFile = path.join(packsDir, 'files', 'course-en-2026.11.0.json.gz');
    const course = readFileSync(courseFile);
    try {
      writeFileSync(courseFile, gzipSync(gunzipSync(course), { level: 1 }));
      expect(runPublish(packsDir, ['course', COURSE_DIR], NOW)).toContain('Nothing new to publish');
    } finally {
      writeFileSync(courseFile, course);
    }
    expect(readFileSync(manifestFile(), 'utf8')).toBe(before);
  });

  it('answers 404 for a version the manifest does not list', async () => {
    const response = await fetch(`${origin}/v1/packs/calendar/all/2026.12.0`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'no-such-pack' });
    expect((await fetch(`${origin}/v1/packs/calendar/all/..%2Fsigning-key`)).status).toBe(400);
  });
});
