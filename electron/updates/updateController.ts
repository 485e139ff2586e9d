import type { UpdateState } from '../../renderer/platform/updateState';

/**
 * The part of electron-updater's AppUpdater this module uses. The real `autoUpdater` satisfies it
 * (electron/appUpdates.ts passes it in); tests pass a stub. Nothing here imports Electron.
 */
export interface AppUpdater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  disableDifferentialDownload: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  /** Resolves once the manifest is read; with autoDownload, `downloadPromise` settles when the download does. */
  checkForUpdates(): Promise<UpdateCheck | null>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'download-progress', listener: (progress: DownloadProgress) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateCheck {
  isUpdateAvailable: boolean;
  updateInfo: { version: string };
  downloadPromise?: Promise<unknown> | null;
}

export interface DownloadProgress {
  percent: number;
  transferred: number;
  total: number;
}

export interface UpdateControllerOptions {
  updater: AppUpdater;
  /** The hub the delegate configured (its origin), or null: asked before every check. */
  hubUrl(): Promise<string | null>;
  isOnline(): boolean;
  /** Called with every new state, for the renderer. */
  onState(state: UpdateState): void;
  now?: () => number;
  log?: (message: string, error?: unknown) => void;
}

const MINUTE_MS = 60_000;
/** The first check waits for the app to settle (and its first sync to go). */
export const FIRST_CHECK_DELAY_MS = 2 * MINUTE_MS;
export const CHECK_INTERVAL_MS = 4 * 60 * MINUTE_MS;
/** After a failed check or download: 5 min, 15 min, 1 h, then every 4 h. */
export const RETRY_DELAYS_MS = [5 * MINUTE_MS, 15 * MINUTE_MS, 60 * MINUTE_MS, CHECK_INTERVAL_MS] as const;
/** Offline, or no hub yet: the next look, without counting a failure. */
export const IDLE_RECHECK_MS = 5 * MINUTE_MS;

/** The hub's folder of app updates (server/src/appUpdates/routes.ts serves it). */
export function updateFeedUrl(hubOrigin: string): string {
  return `${hubOrigin.replace(/\/+$/, '')}/v1/app/`;
}

export interface UpdateController {
  /** Schedules the first check; nothing happens before `FIRST_CHECK_DELAY_MS`. */
  start(): void;
  stop(): void;
  state(): UpdateState;
  /** "Restart now": installs the downloaded update and starts the new version. False when none is ready. */
  restartNow(): boolean;
  /** "Later": the update installs when the app quits, and the delegate is not asked again this session. */
  later(): void;
}

/**
 * When to check for an update of the app, what to do with one, and what to tell the delegate.
 * The update downloads in the background (differentially where a blockmap allows), installs
 * when the app quits, and a failed check or download is tried again later with a growing delay.
 */
export function createUpdateController({
  updater,
  hubUrl,
  isOnline,
  onState,
  now = Date.now,
  log = () => {},
}: UpdateControllerOptions): UpdateController {
  let current: UpdateState = { kind: 'idle' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = true;

  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  // The blockmap download is electron-updater's default; kept explicit so it is never switched off.
  updater.disableDifferentialDownload = false;
  // electron-updater emits 'error' as well as rejecting; an EventEmitter with no listener would throw.
  updater.on('error', (error) => log('App update error', error));
  updater.on('download-progress', (progress) => {
    if (current.kind !== 'downloading') return;
    setState({
      ...current,
      percent: Math.min(100, Math.max(0, progress.percent)),
      transferred: progress.transferred,
      total: progress.total,
    });
  });

  function setState(next: UpdateState): void {
    current = next;
    onState(next);
  }

  function schedule(delayMs: number): void {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(() => void check(), delayMs);
  }

  function fail(version: string | null, error: unknown): void {
    log(version ? `Downloading update ${version} failed` : 'Update check failed', error);
    const delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)]!;
    failures += 1;
    setState({ kind: 'failed', version, retryAt: now() + delay });
    schedule(delay);
  }

  async function check(): Promise<void> {
    // A download in progress goes on by itself; a ready update needs no newer check this session.
    if (stopped || current.kind === 'checking' || current.kind === 'downloading' || current.kind === 'ready') return;
    const hub = await hubUrl().catch(() => null);
    if (stopped) return;
    if (!hub || !isOnline()) {
      schedule(IDLE_RECHECK_MS);
      return;
    }
    updater.setFeedURL({ provider: 'generic', url: updateFeedUrl(hub) });
    setState({ kind: 'checking' });
    let found: UpdateCheck | null;
    try {
      found = await updater.checkForUpdates();
    } catch (error) {
      fail(null, error);
      return;
    }
    if (!found?.isUpdateAvailable || !found.downloadPromise) {
      failures = 0;
      setState({ kind: 'idle' });
      schedule(CHECK_INTERVAL_MS);
      return;
    }
    const version = found.updateInfo.version;
    setState({ kind: 'downloading', version, percent: 0, transferred: 0, total: 0 });
    try {
      await found.downloadPromise;
    } catch (error) {
      // electron-updater keeps a finished download in its cache; a partial one is lost, and the
      // next try downloads again, differentially from the installed version's blockmap.
      fail(version, error);
      return;
    }
    failures = 0;
    setState({ kind: 'ready', version, postponed: false });
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(FIRST_CHECK_DELAY_MS);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    state: () => current,
    restartNow() {
      if (current.kind !== 'ready') return false;
      updater.quitAndInstall(false, true);
      return true;
    },
    later() {
      if (current.kind !== 'ready' || current.postponed) return;
      setState({ ...current, postponed: true });
    },
  };
}
