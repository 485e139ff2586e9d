import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC } from '../renderer/platform/contract';
import { FIRST_CHECK_DELAY_MS } from './updates/updateController';

// Neither Electron nor electron-updater can load in Node: stand-ins that record what the wiring asks.
const electron = vi.hoisted(() => {
  const sent: unknown[][] = [];
  const state = { userData: '', isPackaged: true, online: true };
  return {
    state,
    sent,
    module: {
      app: {
        getPath: () => state.userData,
        get isPackaged() {
          return state.isPackaged;
        },
        once: () => {},
      },
      BrowserWindow: { getAllWindows: () => [{ webContents: { send: (...args: unknown[]) => sent.push(args) } }] },
      net: { isOnline: () => state.online },
    },
  };
});
vi.mock('electron', () => electron.module);
const updater = vi.hoisted(() => ({
  autoUpdater: {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    disableDifferentialDownload: true,
    feeds: [] as unknown[],
    setFeedURL(options: unknown) {
      this.feeds.push(options);
    },
    checkForUpdates: async () => ({ isUpdateAvailable: false, updateInfo: { version: '0.1.0' } }),
    quitAndInstall: () => {},
    on: () => {},
  },
}));
vi.mock('electron-updater', () => updater);

const { startAppUpdates } = await import('./appUpdates');

describe('the app updater wired to Electron', () => {
  beforeAll(async () => {
    electron.state.userData = await mkdtemp(path.join(tmpdir(), 'gapbridge-updates-'));
    vi.useFakeTimers();
  });
  afterAll(async () => {
    vi.useRealTimers();
    await rm(electron.state.userData, { recursive: true, force: true });
  });

  it('asks the hub in hub.json, and tells every window what it does', async () => {
    await writeFile(
      path.join(electron.state.userData, 'hub.json'),
      JSON.stringify({ version: 1, hubUrl: 'https://hub.example.org', session: null }),
    );
    const controller = startAppUpdates();
    expect(updater.autoUpdater.autoInstallOnAppQuit).toBe(true);
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    // hub.json is read from disk: wait for that, and for the check it leads to.
    await vi.waitFor(() => expect(electron.sent).toHaveLength(2));
    expect(updater.autoUpdater.feeds).toEqual([{ provider: 'generic', url: 'https://hub.example.org/v1/app/' }]);
    expect(electron.sent).toEqual([
      [IPC.updateChanged, { kind: 'checking' }],
      [IPC.updateChanged, { kind: 'idle' }],
    ]);
    controller.stop();
  });

  it('never checks in an app that is not packaged (npm start)', async () => {
    electron.state.isPackaged = false;
    updater.autoUpdater.feeds = [];
    const controller = startAppUpdates();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS * 10);
    expect(updater.autoUpdater.feeds).toEqual([]);
    expect(controller.state()).toEqual({ kind: 'idle' });
    controller.stop();
  });
});
