import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
// electron-updater's own parser of multipart/byteranges answers, the one its differential download runs.
import { DataSplitter } from 'electron-updater/out/differentialDownloader/DataSplitter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../test/databases';
import { buildHub } from '../app';
import { publishAppRelease, ReleaseRefused } from './appRelease';

const MAIN = path.resolve(import.meta.dirname, '../main.ts');
const DOWNLOAD = 1; // electron-updater's OperationKind.DOWNLOAD

const sha512 = (bytes: Uint8Array) => createHash('sha512').update(bytes).digest('base64');

/** What `npm run dist` leaves in release/: installers, blockmaps, manifests, and files not to publish. */
function fakeDist(root: string, version: string, options: { installer?: Buffer } = {}) {
  const dir = path.join(root, `release-${version}-${randomBytes(3).toString('hex')}`);
  mkdirSync(path.join(dir, 'linux-unpacked'), { recursive: true });
  const installer = options.installer ?? randomBytes(300_000);
  const appImage = randomBytes(200_000);
  const exe = `Gapbridge-${version}-win-x64.exe`;
  const image = `Gapbridge-${version}-linux-x86_64.AppImage`;
  writeFileSync(path.join(dir, exe), installer);
  writeFileSync(path.join(dir, `${exe}.blockmap`), randomBytes(900));
  writeFileSync(path.join(dir, image), appImage);
  writeFileSync(path.join(dir, 'builder-debug.yml'), 'x: 1\n');
  writeFileSync(path.join(dir, 'linux-unpacked', 'gapbridge'), 'binary');
  const manifest = (file: string, bytes: Buffer) =>
    stringify({
      version,
      files: [{ url: file, sha512: sha512(bytes), size: bytes.length }],
      path: file,
      sha512: sha512(bytes),
      releaseDate: '2026-12-07T10:00:00.000Z',
    });
  writeFileSync(path.join(dir, 'latest.yml'), manifest(exe, installer));
  writeFileSync(path.join(dir, 'latest-linux.yml'), manifest(image, appImage));
  return { dir, exe, image, installer };
}

/** Reads a multipart/byteranges answer with electron-updater's DataSplitter, as its differential download does. */
async function splitParts(response: Response, lengths: number[]): Promise<Buffer> {
  const boundary = /boundary=([^\s;]+)/.exec(response.headers.get('content-type') ?? '')![1]!;
  const body = Buffer.from(await response.arrayBuffer());
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const tasks = lengths.map((length, i) => ({ kind: DOWNLOAD, start: i * 1_000_000, end: i * 1_000_000 + length }));
  await new Promise<void>((resolve, reject) => {
    const splitter = new DataSplitter(
      out,
      { oldFileFd: -1, tasks, start: 0, end: tasks.length },
      new Map(tasks.map((_, i) => [i, i])),
      boundary,
      lengths,
      resolve,
      lengths.reduce((a, b) => a + b, 0),
    );
    splitter.on('error', reject);
    // In small pieces, as a network delivers it.
    for (let at = 0; at < body.length; at += 1000) splitter.write(body.subarray(at, at + 1000));
  });
  return Buffer.concat(chunks);
}

describe.each(BACKENDS)('app releases published and served by the hub on %s', (backend) => {
  const work = mkdtempSync(path.join(tmpdir(), 'gapbridge-app-'));
  const appDir = path.join(work, 'hub-app');
  let database: TestDatabase;
  let hub: FastifyInstance;
  let origin: string;
  let first: ReturnType<typeof fakeDist>;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    hub = buildHub({ db: database.db, appDir });
    origin = await hub.listen({ port: 0, host: '127.0.0.1' });
    first = fakeDist(work, '0.2.0');
    await publishAppRelease(appDir, first.dir);
  });

  afterAll(async () => {
    await hub.close();
    await database.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('copies the installers, their blockmaps and the manifests, and nothing else', () => {
    expect(readdirSync(appDir).sort()).toEqual(
      [first.exe, `${first.exe}.blockmap`, first.image, 'latest-linux.yml', 'latest.yml'].sort(),
    );
  });

  it('serves latest.yml as electron-updater reads it, always revalidated', async () => {
    const response = await fetch(`${origin}/v1/app/latest.yml?noCache=1abc`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const manifest = parse(await response.text()) as { version: string; path: string };
    expect(manifest).toMatchObject({ version: '0.2.0', path: first.exe });
  });

  it('serves an installer whole, and a byte range of it', async () => {
    const whole = await fetch(`${origin}/v1/app/${first.exe}`);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer()).equals(first.installer)).toBe(true);

    const part = await fetch(`${origin}/v1/app/${first.exe}`, { headers: { range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${first.installer.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(first.installer.subarray(1000, 2000))).toBe(true);

    const beyond = await fetch(`${origin}/v1/app/${first.exe}`, { headers: { range: 'bytes=400000-' } });
    expect(beyond.status).toBe(416);
  });

  it('answers the multi-range request of a differential download with parts electron-updater splits', async () => {
    // The form electron-updater sends: "bytes=a-b, c-d, …" (its ranges are end-exclusive, hence the -1).
    const wanted: Array<[number, number]> = [
      [0, 4096],
      [65_536, 70_000],
      [299_000, 300_000],
    ];
    const response = await fetch(`${origin}/v1/app/${first.exe}`, {
      headers: { range: `bytes=${wanted.map(([a, b]) => `${a}-${b - 1}`).join(', ')}` },
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-type')).toMatch(/^multipart\/byteranges; boundary=/);
    const declared = Number(response.headers.get('content-length'));
    const bytes = await splitParts(
      response,
      wanted.map(([a, b]) => b - a),
    );
    expect(bytes.equals(Buffer.concat(wanted.map(([a, b]) => first.installer.subarray(a, b))))).toBe(true);
    expect(declared).toBeGreaterThan(bytes.length);
  });

  it('refuses an older version than the one published, and leaves the published one in place', async () => {
    const older = fakeDist(work, '0.1.9');
    await expect(publishAppRelease(appDir, older.dir)).rejects.toThrow(/0\.1\.9 is older than the published 0\.2\.0/);
    expect(existsSync(path.join(appDir, older.exe))).toBe(false);
    const manifest = parse(await (await fetch(`${origin}/v1/app/latest.yml`)).text()) as { version: string };
    expect(manifest.version).toBe('0.2.0');
  });

  it('publishes a newer version beside the older one, whose blockmap a differential download needs', async () => {
    const next = fakeDist(work, '0.3.0');
    const release = await publishAppRelease(appDir, next.dir);
    expect(release.version).toBe('0.3.0');
    const manifest = parse(await (await fetch(`${origin}/v1/app/latest.yml`)).text()) as { version: string };
    expect(manifest.version).toBe('0.3.0');
    expect((await fetch(`${origin}/v1/app/${first.exe}.blockmap`)).status).toBe(200);
    expect((await fetch(`${origin}/v1/app/${next.exe}.blockmap`)).status).toBe(200);
  });

  it('refuses a folder with no manifest, a manifest naming a missing or altered file, and a file outside the folder', async () => {
    const empty = path.join(work, 'empty');
    mkdirSync(empty);
    await expect(publishAppRelease(appDir, empty)).rejects.toThrow(/holds no latest\*\.yml/);

    const missing = fakeDist(work, '0.4.0');
    rmSync(path.join(missing.dir, missing.image));
    await expect(publishAppRelease(appDir, missing.dir)).rejects.toThrow(/which is not in/);

    const altered = fakeDist(work, '0.4.0');
    writeFileSync(path.join(altered.dir, altered.exe), randomBytes(300_000));
    await expect(publishAppRelease(appDir, altered.dir)).rejects.toThrow(/does not match the sha512/);

    const escaping = fakeDist(work, '0.4.0');
    const yml = path.join(escaping.dir, 'latest.yml');
    writeFileSync(yml, readFileSync(yml, 'utf8').replace(`url: ${escaping.exe}`, 'url: ../../hub-data/secret'));
    await expect(publishAppRelease(appDir, escaping.dir)).rejects.toBeInstanceOf(ReleaseRefused);

    // Nothing of the refused releases reached the hub.
    expect(readdirSync(appDir).filter((name) => name.includes('0.4.0'))).toEqual([]);
  });

  it('serves nothing outside its folder, nor a hidden or temporary file', async () => {
    writeFileSync(path.join(work, 'secret.txt'), 'not for the public');
    writeFileSync(path.join(appDir, '.latest.yml.1234.tmp'), 'half a file');
    for (const attempt of [
      '..%2Fsecret.txt',
      '%2E%2E%2Fsecret.txt',
      '..%5Csecret.txt',
      '.latest.yml.1234.tmp',
      '%2Fetc%2Fpasswd',
      'nothing-here.exe',
    ]) {
      const response = await fetch(`${origin}/v1/app/${attempt}`);
      expect(response.status, attempt).toBe(404);
    }
    // A path the router itself normalises never reaches the folder either.
    expect((await fetch(`${origin}/v1/app/../secret.txt`)).status).toBe(404);
  });
});

describe('npm run hub -- publish app DIR', () => {
  it('publishes into HUB_APP_DIR, and says why it refuses', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'gapbridge-app-cmd-'));
    const env = { ...process.env, HUB_APP_DIR: path.join(work, 'app'), HUB_LOG: '0' };
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'publish', 'app', ...args], {
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
    try {
      const release = fakeDist(work, '1.0.0');
      const published = run(release.dir);
      expect(published.status, published.stderr).toBe(0);
      expect(published.stdout).toContain('Published Gapbridge 1.0.0');
      expect(existsSync(path.join(work, 'app', 'latest.yml'))).toBe(true);
      const older = run(fakeDist(work, '0.9.0').dir);
      expect(older.status).toBe(1);
      expect(older.stderr).toContain('older than the published 1.0.0');
      const usage = run();
      expect(usage.status).toBe(1);
      expect(usage.stderr).toContain('usage: npm run hub -- publish app DIR');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
