import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signedManifestSchema } from '../../../renderer/packs/signedManifest';
import { pinnedKeys } from '../../../renderer/packs/trustedKeys';
import { verifyManifest } from '../../../renderer/packs/verifyManifest';

const MAIN = path.resolve(import.meta.dirname, '../main.ts');
const CALENDAR_DIR = path.resolve(import.meta.dirname, '../../../content/calendar');
const work = mkdtempSync(path.join(tmpdir(), 'gapbridge-publish-'));
const packsDir = path.join(work, 'packs');
// No database is opened: publishing runs beside a running hub.
const env = { ...process.env, HUB_PACKS_DIR: packsDir, DATABASE_URL: 'postgres://nowhere.invalid/none' };

function hub(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });
}

describe('npm run hub -- publish', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('makes the key on first use, signs a manifest the pinned key verifies, and refuses bad input with a reason', () => {
    const published = hub('publish', 'calendar', CALENDAR_DIR);
    expect(published.stderr).toBe('');
    const keyId = /Published calendar\/all: manifest 1, signed with key ([0-9a-f]{16})\./.exec(published.stdout)?.[1];
    expect(keyId).toBeDefined();

    const key = hub('pack-key');
    const line = JSON.parse(key.stdout) as { keyId: string; publicKey: string };
    expect(line.keyId).toBe(keyId);
    const manifest = signedManifestSchema.parse(JSON.parse(readFileSync(path.join(packsDir, 'manifest.json'), 'utf8')));
    expect(verifyManifest(manifest, pinnedKeys({ keys: [line] })).ok).toBe(true);

    const ics = path.join(work, 'update.ics');
    writeFileSync(ics, 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
    const noVersion = hub('publish', 'calendar', ics);
    expect(noVersion.status).toBe(1);
    expect(noVersion.stderr).toContain('an .ics file needs --version');
    const usage = hub('publish', 'meetings', ics);
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain('usage: npm run hub -- publish calendar');
  }, 120_000);

  it('publishes the certificate keys of the hub’s database as a signed pack', () => {
    // This command opens the database (an embedded PGlite here) for the keys.
    const { DATABASE_URL: _none, ...withoutPostgres } = env;
    const run = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'publish', 'certificate-keys'], {
      env: { ...withoutPostgres, HUB_DATA_DIR: path.join(work, 'hub-data') },
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^1 certificate keys \([0-9a-f]{10}\)\.\nPublished certificate-keys\/all: manifest 2/);
    const manifest = signedManifestSchema.parse(JSON.parse(readFileSync(path.join(packsDir, 'manifest.json'), 'utf8')));
    expect(manifest.manifest.packs.map((pack) => `${pack.id} ${pack.version}`)).toContain('certificate-keys/all 1');
    expect(verifyManifest(manifest, pinnedKeys({ keys: [JSON.parse(hub('pack-key').stdout)] })).ok).toBe(true);
  }, 120_000);
});
