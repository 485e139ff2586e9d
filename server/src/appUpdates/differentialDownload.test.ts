import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
// electron-builder's own blockmap builder, and electron-updater's own differential downloader:
// what `npm run dist` writes and what the app runs, against the real hub.
import { buildBlockMap } from 'app-builder-lib/out/targets/blockmap/blockmap';
import { NodeHttpExecutor } from 'builder-util/out/nodeHttpExecutor';
import { CancellationToken } from 'builder-util-runtime';
import { GenericDifferentialDownloader } from 'electron-updater/out/differentialDownloader/GenericDifferentialDownloader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../test/databases';
import { buildHub } from '../app';
import { publishAppRelease } from './appRelease';

const MB = 1_000_000;

/** Deterministic bytes that do not compress, as an installer's do not. */
function pseudoRandom(size: number, seed: string): Buffer {
  const out = Buffer.alloc(size);
  let block = createHash('sha512').update(seed).digest();
  for (let at = 0; at < size; at += block.length) {
    block.copy(out, at);
    block = createHash('sha512').update(block).digest();
  }
  return out;
}

/** The next version: a changed region, an insertion that shifts everything after it, a small edit near the end. */
function nextVersion(old: Buffer): Buffer {
  const changed = Buffer.from(old);
  pseudoRandom(20_000, 'changed').copy(changed, 1 * MB);
  changed.write('version 0.3.0', changed.length - 5_000);
  return Buffer.concat([changed.subarray(0, 2.5 * MB), pseudoRandom(10_000, 'inserted'), changed.subarray(2.5 * MB)]);
}

const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

async function release(root: string, version: string, installer: Buffer): Promise<string> {
  const dir = path.join(root, `release-${version}`);
  mkdirSync(dir, { recursive: true });
  const name = `Gapbridge-${version}-linux-x86_64.AppImage`;
  writeFileSync(path.join(dir, name), installer);
  await buildBlockMap(path.join(dir, name), 'gzip', path.join(dir, `${name}.blockmap`));
  writeFileSync(
    path.join(dir, 'latest-linux.yml'),
    stringify({ version, files: [{ url: name, sha512: sha512(installer), size: installer.length }], path: name }),
  );
  return dir;
}

describe.each(BACKENDS)("electron-updater's differential download from the hub on %s", (backend) => {
  const work = mkdtempSync(path.join(tmpdir(), 'gapbridge-diff-'));
  const appDir = path.join(work, 'hub-app');
  const served: Array<{ status: number; type: string; bytes: number }> = [];
  let database: TestDatabase;
  let hub: FastifyInstance;
  let origin: string;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    hub = buildHub({ db: database.db, appDir });
    // What the hub sends, as its access log would count it.
    hub.addHook('onSend', async (request, reply, payload) => {
      if (request.url.startsWith('/v1/app/'))
        served.push({
          status: reply.statusCode,
          type: String(reply.getHeader('content-type')),
          bytes: Number(reply.getHeader('content-length') ?? 0),
        });
      return payload;
    });
    origin = await hub.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await hub.close();
    await database.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('rebuilds the new version from the installed one and the changed blocks, over multi-range requests', async () => {
    const oldInstaller = pseudoRandom(4 * MB, 'gapbridge 0.2.0');
    const newInstaller = nextVersion(oldInstaller);
    await publishAppRelease(appDir, await release(work, '0.2.0', oldInstaller));
    await publishAppRelease(appDir, await release(work, '0.3.0', newInstaller));
    // The installed version, as electron-updater keeps it in its cache.
    const installed = path.join(work, 'installed.AppImage');
    writeFileSync(installed, oldInstaller);
    served.length = 0;

    const blockmap = async (name: string) =>
      JSON.parse(gunzipSync(Buffer.from(await (await fetch(`${origin}/v1/app/${name}`)).arrayBuffer())).toString());
    const oldMap = await blockmap('Gapbridge-0.2.0-linux-x86_64.AppImage.blockmap');
    const newMap = await blockmap('Gapbridge-0.3.0-linux-x86_64.AppImage.blockmap');
    const newFile = path.join(work, 'downloaded.AppImage');
    const quiet = { info: () => {}, warn: () => {}, error: () => {} };
    await new GenericDifferentialDownloader(
      { size: newInstaller.length, sha512: sha512(newInstaller) },
      new NodeHttpExecutor(),
      {
        oldFile: installed,
        newUrl: new URL(`${origin}/v1/app/Gapbridge-0.3.0-linux-x86_64.AppImage`),
        logger: quiet,
        newFile,
        requestHeaders: null,
        isUseMultipleRangeRequest: true,
        cancellationToken: new CancellationToken(),
      },
    ).download(oldMap, newMap);

    expect(readFileSync(newFile).equals(newInstaller)).toBe(true);
    expect(served.some((r) => r.status === 206 && r.type.startsWith('multipart/byteranges'))).toBe(true);
    const fetched = served.reduce((sum, r) => sum + r.bytes, 0);
    console.log(
      `Differential update of a ${(newInstaller.length / MB).toFixed(2)} MB file with three edits: ` +
        `${(fetched / 1000).toFixed(0)} kB fetched from the hub in ${served.length} requests, blockmaps included ` +
        `(${((100 * fetched) / newInstaller.length).toFixed(1)}% of the whole file)`,
    );
    expect(fetched).toBeLessThan(newInstaller.length / 10);
  });
});
