import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpdateState } from '../../renderer/platform/updateState';
import {
  CHECK_INTERVAL_MS,
  createUpdateController,
  FIRST_CHECK_DELAY_MS,
  IDLE_RECHECK_MS,
  RETRY_DELAYS_MS,
  updateFeedUrl,
  type AppUpdater,
  type DownloadProgress,
  type UpdateCheck,
} from './updateController';

const HUB = 'https://hub.example.org';
const T0 = Date.parse('2026-12-07T09:00:00Z');

/** A download the test finishes or breaks when it wants. */
function pendingDownload() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** electron-updater's AppUpdater, stubbed: each check answers with the next scripted result. */
class StubUpdater implements AppUpdater {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  disableDifferentialDownload = true;
  feedUrls: string[] = [];
  checks = 0;
  installs: unknown[][] = [];
  answers: Array<() => Promise<UpdateCheck | null>> = [];
  private listeners = new Map<string, Array<(value: never) => void>>();

  setFeedURL(options: { provider: 'generic'; url: string }) {
    expect(options.provider).toBe('generic');
    this.feedUrls.push(options.url);
  }
  checkForUpdates() {
    this.checks += 1;
    const next = this.answers.shift();
    if (!next) throw new Error('no scripted answer');
    return next();
  }
  quitAndInstall(...args: unknown[]) {
    this.installs.push(args);
  }
  on(event: string, listener: (value: never) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: 'download-progress', value: DownloadProgress) {
    for (const listener of this.listeners.get(event) ?? []) listener(value as never);
  }
  listenerCount(event: string) {
    return this.listeners.get(event)?.length ?? 0;
  }

  noUpdate() {
    this.answers.push(async () => ({ isUpdateAvailable: false, updateInfo: { version: '0.1.0' } }));
  }
  unreachable() {
    this.answers.push(async () => {
      throw new Error('net::ERR_INTERNET_DISCONNECTED');
    });
  }
  update(version: string, download: Promise<unknown>) {
    this.answers.push(async () => ({ isUpdateAvailable: true, updateInfo: { version }, downloadPromise: download }));
  }
}

function setUp({ hub = HUB as string | null, online = true } = {}) {
  const updater = new StubUpdater();
  const states: UpdateState[] = [];
  const world = { hub, online };
  const controller = createUpdateController({
    updater,
    hubUrl: async () => world.hub,
    isOnline: () => world.online,
    onState: (state) => states.push(state),
    now: () => Date.now(),
  });
  return { updater, states, world, controller };
}

/** Runs timers and the promises they start. */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the app update controller', () => {
  it('sets electron-updater up to download in the background, differentially, and install on quit', () => {
    const { updater } = setUp();
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.disableDifferentialDownload).toBe(false);
    // An 'error' listener is required: electron-updater emits 'error' and an EventEmitter without one throws.
    expect(updater.listenerCount('error')).toBe(1);
  });

  it('checks first after a delay, at the hub of the delegate, then every few hours', async () => {
    const { updater, controller, states } = setUp();
    updater.noUpdate();
    updater.noUpdate();
    controller.start();
    await advance(FIRST_CHECK_DELAY_MS - 1);
    expect(updater.checks).toBe(0);
    await advance(1);
    expect(updater.checks).toBe(1);
    expect(updater.feedUrls).toEqual([`${HUB}/v1/app/`]);
    expect(states.map((s) => s.kind)).toEqual(['checking', 'idle']);
    await advance(CHECK_INTERVAL_MS - 1);
    expect(updater.checks).toBe(1);
    await advance(1);
    expect(updater.checks).toBe(2);
    controller.stop();
  });

  it('never checks with no hub configured, and checks once one is', async () => {
    const { updater, controller, states, world } = setUp({ hub: null });
    controller.start();
    await advance(FIRST_CHECK_DELAY_MS + 3 * IDLE_RECHECK_MS);
    expect(updater.checks).toBe(0);
    expect(updater.feedUrls).toEqual([]);
    expect(states).toEqual([]);
    world.hub = 'https://other-hub.example.net';
    updater.noUpdate();
    await advance(IDLE_RECHECK_MS);
    expect(updater.checks).toBe(1);
    expect(updater.feedUrls).toEqual(['https://other-hub.example.net/v1/app/']);
    controller.stop();
  });

  it('does not check while offline, and does not count it as a failure', async () => {
    const { updater, controller, states, world } = setUp({ online: false });
    controller.start();
    await advance(FIRST_CHECK_DELAY_MS + 5 * IDLE_RECHECK_MS);
    expect(updater.checks).toBe(0);
    expect(states).toEqual([]);
    world.online = true;
    updater.noUpdate();
    await advance(IDLE_RECHECK_MS);
    expect(updater.checks).toBe(1);
    expect(controller.state()).toEqual({ kind: 'idle' });
    controller.stop();
  });

  it('downloads in the background, reporting percent and bytes, then says the update is ready', async () => {
    const { updater, controller, states } = setUp();
    const download = pendingDownload();
    updater.update('0.2.0', download.promise);
    controller.start();
    await advance(FIRST_CHECK_DELAY_MS);
    expect(controller.state()).toEqual({ kind: 'downloading', version: '0.2.0', percent: 0, transferred: 0, total: 0 });
    updater.emit('download-progress', { percent: 42.5, transferred: 2_125_000, total: 5_000_000 });
    expect(controller.state()).toEqual({
      kind: 'downloading',
      version: '0.2.0',
      percent: 42.5,
      transferred: 2_125_000,
      total: 5_000_000,
    });
    download.resolve();
    await advance(0);
    expect(controller.state()).toEqual({ kind: 'ready', version: '0.2.0', postponed: false });
    expect(states.map((s) => s.kind)).toEqual(['checking', 'downloading', 'downloading', 'ready']);
    // Nothing more to check this session: the ready update installs on quit.
    await advance(3 * CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(1);
    controller.stop();
  });

  it('never starts a check while a download is in progress', async () => {
    const { updater, controller } = setUp();
    const download = pendingDownload();
    updater.update('0.2.0', download.promise);
    controller.start();
    await advance(FIRST_CHECK_DELAY_MS);
    // A slow link: the download outlasts several check intervals.
    await advance(3 * CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(1);
    expect(controller.state().kind).toBe('downloading');
    download.resolve();
    await advance(0);
    expect(controller.state().kind).toBe('ready');
    controller.stop();
  });

  it('pauses a broken download and tries again later, with a growing delay, until it completes', async () => {
    const { updater, controller } = setUp();
    const first = pendingDownload();
    updater.update('0.2.0', first.promise);
    controller.start();
    await advance(FIRST_CHECK_DELAY_MS);
    updater.emit('download-progress', { percent: 30, transferred: 1_500_000, total: 5_000_000 });
    first.reject(new Error('net::ERR_CONNECTION_RESET'));
    await advance(0);
    expect(controller.state()).toEqual({ kind: 'failed', version: '0.2.0', retryAt: Date.now() + RETRY_DELAYS_MS[0] });

    // The second try fails as well: the delay grows.
    const second = pendingDownload();
    updater.update('0.2.0', second.promise);
    await advance(RETRY_DELAYS_MS[0]);
    expect(updater.checks).toBe(2);
    second.reject(new Error('sha512 checksum mismatch'));
    await advance(0);
    expect(controller.state()).toEqual({ kind: 'failed', version: '0.2.0', retryAt: Date.now() + RETRY_DELAYS_MS[1] });

    const third = pendingDownload();
    updater.update('0.2.0', third.promise);
    await advance(RETRY_DELAYS_MS[1] - 1);
    expect(updater.checks).toBe(2);
    await advance(1);
    expect(updater.checks).toBe(3);
    third.resolve();
    await advance(0);
    expect(controller.state()).toEqual({ kind: 'ready', version: '0.2.0', postponed: false });
    controller.stop();
  });

  it('backs off after failed checks up to the regular interval, and starts over after a success', async () => {
    const { updater, controller } = setUp();
    const checksAt: number[] = [];
    for (let i = 0; i < 6; i += 1) updater.unreachable();
    updater.noUpdate();
    updater.unreachable();
    controller.start();
    const original = updater.checkForUpdates.bind(updater);
    updater.checkForUpdates = () => {
      checksAt.push(Date.now() - T0);
      return original();
    };
    // Six failures (5 min, 15 min, 1 h, then 4 h apart), a success, a failure.
    await advance(FIRST_CHECK_DELAY_MS + RETRY_DELAYS_MS.reduce((a, b) => a + b, 0) + 3 * CHECK_INTERVAL_MS);
    const gaps = checksAt.slice(1).map((at, i) => at - checksAt[i]!);
    expect(gaps).toEqual([...RETRY_DELAYS_MS, CHECK_INTERVAL_MS, CHECK_INTERVAL_MS, CHECK_INTERVAL_MS]);
    // After the success, a failure waits the first delay again.
    expect(controller.state()).toEqual({ kind: 'failed', version: null, retryAt: Date.now() + RETRY_DELAYS_MS[0] });
    controller.stop();
  });

  it('"Restart now" installs the ready update and restarts; nothing to install does nothing', async () => {
    const { updater, controller } = setUp();
    expect(controller.restartNow()).toBe(false);
    updater.update('0.2.0', Promise.resolve());
    controller.start();
    await advance(FIRST_CHECK_DELAY_MS);
    expect(controller.restartNow()).toBe(true);
    expect(updater.installs).toEqual([[false, true]]);
    controller.stop();
  });

  it('"Later" leaves the update to install on quit and says so once', async () => {
    const { updater, controller, states } = setUp();
    updater.update('0.2.0', Promise.resolve());
    controller.start();
    await advance(FIRST_CHECK_DELAY_MS);
    controller.later();
    controller.later();
    expect(controller.state()).toEqual({ kind: 'ready', version: '0.2.0', postponed: true });
    expect(states.filter((s) => s.kind === 'ready')).toHaveLength(2);
    expect(updater.installs).toEqual([]);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    controller.stop();
  });

  it('stops: no check after stop()', async () => {
    const { updater, controller } = setUp();
    controller.start();
    controller.stop();
    await advance(FIRST_CHECK_DELAY_MS + CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(0);
  });

  it('points the generic provider at the hub app folder, with or without a trailing slash', () => {
    expect(updateFeedUrl('https://hub.example.org')).toBe('https://hub.example.org/v1/app/');
    expect(updateFeedUrl('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787/v1/app/');
  });
});
