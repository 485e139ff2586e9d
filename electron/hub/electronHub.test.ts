import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordingServer } from './fakes.testing';

// Electron cannot be loaded in Node: a stand-in with a reversible safeStorage and a hub
// session whose fetch is Node's own.
const electron = vi.hoisted(() => {
  const scramble = (bytes: Uint8Array) => Buffer.from([...bytes].reverse().map((byte) => byte ^ 0x5a));
  const gates: ((details: { url: string }, callback: (answer: { cancel: boolean }) => void) => void)[] = [];
  const state = { userData: '', available: true, backend: 'gnome_libsecret' };
  return {
    state,
    gates,
    scramble,
    module: {
      app: { getPath: () => state.userData },
      safeStorage: {
        isAsyncEncryptionAvailable: async () => state.available,
        getSelectedStorageBackend: () => state.backend,
        encryptStringAsync: async (plain: string) => scramble(Buffer.from(plain, 'utf8')),
        decryptStringAsync: async (encrypted: Buffer) => ({ result: scramble(encrypted).toString('utf8') }),
      },
      session: {
        fromPartition: (partition: string) => ({
          partition,
          fetch: (input: string, init?: RequestInit) => fetch(input, init),
          webRequest: { onBeforeRequest: (gate: (typeof gates)[number]) => gates.push(gate) },
        }),
      },
    },
  };
});
vi.mock('electron', () => electron.module);

const { startDesktopHub, HUB_SETTINGS_FILE } = await import('./electronHub');

const TOKEN = 'tok_Qw8rT2yU4iO6pA1sD3fG5hJ7';

describe('the desktop hub wired to Electron', () => {
  let hub: Awaited<ReturnType<typeof recordingServer>>;
  beforeAll(async () => {
    electron.state.userData = await mkdtemp(path.join(tmpdir(), 'gapbridge-userdata-'));
    hub = await recordingServer((url) =>
      url === '/v1/sessions'
        ? { status: 200, body: JSON.stringify({ token: TOKEN, expiresAt: '2099-01-01T00:00:00.000Z' }) }
        : { status: 200, body: JSON.stringify({ email: 'amina@example.org', createdAt: '2026-12-01T00:00:00.000Z' }) },
    );
  });
  afterAll(async () => {
    await hub.close();
    await rm(electron.state.userData, { recursive: true, force: true });
  });

  const cancels = (url: string) => {
    let cancel: boolean | undefined;
    electron.gates.at(-1)!({ url }, (answer) => (cancel = answer.cancel));
    return cancel;
  };

  it('keeps the token under userData encrypted with safeStorage, never in clear', async () => {
    const desktop = startDesktopHub();
    expect(await desktop.signIn(hub.origin, 'amina@example.org', 'correct horse battery')).toEqual({
      ok: true,
      value: { hubUrl: hub.origin, email: 'amina@example.org' },
    });
    const text = await readFile(path.join(electron.state.userData, HUB_SETTINGS_FILE), 'utf8');
    expect(text).not.toContain(TOKEN);
    const stored = JSON.parse(text) as { hubUrl: string; session: { encryptedToken: string } };
    expect(stored.hubUrl).toBe(hub.origin);
    expect(electron.scramble(Buffer.from(stored.session.encryptedToken, 'base64')).toString('utf8')).toBe(TOKEN);
  });

  it("lets the hub session reach the configured hub's origin only", async () => {
    const desktop = startDesktopHub();
    expect(cancels(`${hub.origin}/v1/me`)).toBe(true);
    await desktop.account();
    expect(cancels(`${hub.origin}/v1/me`)).toBe(false);
    expect(cancels('https://attacker.example/v1/me')).toBe(true);
    expect(cancels(`${hub.origin.replace('127.0.0.1', 'localhost')}/v1/me`)).toBe(true);
  });

  it.runIf(process.platform === 'linux')('refuses to sign in on Linux without a keyring (basic_text)', async () => {
    electron.state.backend = 'basic_text';
    const asked = hub.paths.length;
    try {
      expect(await startDesktopHub().signIn(hub.origin, 'amina@example.org', 'correct horse battery')).toEqual({
        ok: false,
        failure: { kind: 'no-secure-storage' },
      });
      expect(hub.paths).toHaveLength(asked);
    } finally {
      electron.state.backend = 'gnome_libsecret';
    }
  });
});
