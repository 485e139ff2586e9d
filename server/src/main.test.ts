import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = path.resolve(import.meta.dirname, 'main.ts');
const dataDir = mkdtempSync(path.join(tmpdir(), 'gapbridge-hub-'));
// Without DATABASE_URL, as on a fresh machine.
const { DATABASE_URL: _ignored, ...inherited } = process.env;
const env = { ...inherited, HUB_DATA_DIR: dataDir, PORT: '0', HUB_LOG: '0' };

function hubCommand(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });
}

describe('npm run hub on a fresh machine', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on embedded PGlite in the folder it names, and the operator can issue a reset code', async () => {
    const hub = spawn(process.execPath, ['--import', 'tsx', MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const origin = await new Promise<string>((resolve, reject) => {
      let output = '';
      hub.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Gapbridge hub on (http:\/\/[\d.:]+) — data: PGlite in (.+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      hub.on('exit', (code) => reject(new Error(`hub exited ${code}: ${output}`)));
    });
    try {
      expect(await (await fetch(`${origin}/v1/health`)).json()).toEqual({ ok: true, database: 'pglite' });
      const signUp = await fetch(`${origin}/v1/accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'amina@example.org', password: 'a long passphrase' }),
      });
      expect(signUp.status).toBe(201);
    } finally {
      hub.kill('SIGTERM');
      await new Promise((resolve) => hub.once('exit', resolve));
    }
    // One PGlite folder, one process: the command runs once the hub has stopped.
    const reset = hubCommand(['reset-password', 'amina@example.org']);
    expect(reset.stdout).toMatch(
      /One-time reset code for amina@example.org \(valid 60 minutes\): [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/,
    );
    const unknown = hubCommand(['reset-password', 'nobody@example.org']);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toContain('No account for nobody@example.org');
  }, 120_000);
});
