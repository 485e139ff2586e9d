import { beforeAll, describe, expect, it, vi } from 'vitest';

// The real `electron` module downloads its binary when loaded, so the wiring is tested against
// a stand-in that records what main.ts asks of Electron.
const electron = vi.hoisted(() => {
  const windows: { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }[] = [];
  let ready: () => void = () => {};
  const whenReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  class BrowserWindow {
    static getAllWindows = () => windows;
    loadURL = vi.fn(async () => {});
    constructor(public options: Record<string, unknown>) {
      windows.push(this);
    }
    maximize = vi.fn();
    once = vi.fn();
    on = vi.fn();
    webContents = { send: vi.fn(), on: vi.fn() };
  }
  return {
    windows,
    ready: () => ready(),
    module: {
      app: {
        whenReady: () => whenReady,
        enableSandbox: vi.fn(),
        requestSingleInstanceLock: vi.fn(() => true),
        getPreferredSystemLanguages: () => ['fr-FR'],
        getPath: () => '/nonexistent/gapbridge-test',
        getVersion: () => '0.0.0',
        on: vi.fn(),
        once: vi.fn(),
        quit: vi.fn(),
        isPackaged: false,
      },
      BrowserWindow,
      Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => template) },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          webRequest: { onBeforeRequest: vi.fn() },
        },
        fromPartition: vi.fn((partition: string) => ({
          partition,
          fetch: vi.fn(),
          webRequest: { onBeforeRequest: vi.fn() },
        })),
      },
      safeStorage: {
        isAsyncEncryptionAvailable: vi.fn(async () => true),
        encryptStringAsync: vi.fn(),
        decryptStringAsync: vi.fn(),
        getSelectedStorageBackend: () => 'gnome_libsecret',
      },
      ipcMain: { handle: vi.fn() },
      shell: { openExternal: vi.fn() },
      Notification: Object.assign(vi.fn(), { isSupported: () => true }),
      dialog: { showMessageBox: vi.fn() },
    },
  };
});

vi.mock('electron', () => electron.module);
// electron-updater requires the real `electron` when its updater is created: a stand-in here too.
const updater = vi.hoisted(() => ({
  autoUpdater: { on: vi.fn(), setFeedURL: vi.fn(), checkForUpdates: vi.fn(), quitAndInstall: vi.fn() },
}));
vi.mock('electron-updater', () => updater);

describe('main process wiring', () => {
  beforeAll(async () => {
    await import('./main');
    electron.ready();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

  it('registers app:// as a standard, secure scheme before the app is ready', () => {
    expect(electron.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(electron.module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('holds the single-instance lock and enables the sandbox everywhere', () => {
    expect(electron.module.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.module.app.enableSandbox).toHaveBeenCalled();
    expect(electron.module.app.on).toHaveBeenCalledWith('second-instance', expect.any(Function));
  });

  it('opens one isolated, sandboxed window on the app origin', () => {
    expect(electron.windows).toHaveLength(1);
    const [window] = electron.windows;
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(window?.loadURL).toHaveBeenCalledWith('app://gapbridge/index.html');
  });

  it('denies permissions and hardens every web contents', () => {
    const { setPermissionRequestHandler } = electron.module.session.defaultSession;
    const handler = setPermissionRequestHandler.mock.calls[0]?.[0] as (...args: unknown[]) => void;
    const callback = vi.fn();
    handler({}, 'media', callback, { requestingUrl: 'app://gapbridge/' });
    expect(callback).toHaveBeenCalledWith(false);
    expect(electron.module.app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
  });

  it('builds the menu in the system language and registers the IPC handlers', () => {
    const template = electron.module.Menu.setApplicationMenu.mock.calls[0]?.[0] as { label?: string }[];
    expect(template.map((item) => item.label)).toContain('Fichier');
    expect(electron.module.ipcMain.handle.mock.calls.map(([channel]) => channel)).toEqual(
      expect.arrayContaining(['gapbridge:open-external', 'gapbridge:set-language', 'gapbridge:update-state']),
    );
    // Not packaged (as here, or under npm start): the updater never checks.
    expect(updater.autoUpdater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('lets the renderer reach no network origin, and the hub session nothing before a hub is chosen', () => {
    type Gate = (details: Record<string, unknown>, callback: (answer: { cancel: boolean }) => void) => void;
    const decide = (gate: Gate, details: Record<string, unknown>) => {
      let cancel: boolean | undefined;
      gate(details, (answer) => (cancel = answer.cancel));
      return cancel;
    };
    const rendererGate = electron.module.session.defaultSession.webRequest.onBeforeRequest.mock.calls[0]?.[0] as Gate;
    expect(decide(rendererGate, { url: 'https://hub.example.org/v1/me', webContentsId: 1 })).toBe(true);
    expect(decide(rendererGate, { url: 'app://gapbridge/index.html', webContentsId: 1 })).toBe(false);

    const hubSession = electron.module.session.fromPartition.mock.results[0]?.value as {
      partition: string;
      webRequest: { onBeforeRequest: ReturnType<typeof vi.fn> };
    };
    expect(hubSession.partition).not.toMatch(/^persist:/);
    const hubGate = hubSession.webRequest.onBeforeRequest.mock.calls[0]?.[0] as Gate;
    expect(decide(hubGate, { url: 'https://hub.example.org/v1/me' })).toBe(true);
    expect(electron.module.ipcMain.handle.mock.calls.map(([channel]) => channel)).toEqual(
      expect.arrayContaining(['gapbridge:hub-sign-in', 'gapbridge:hub-exchange']),
    );
  });

  it('shows a reminder whose title is longer than a notification holds, shortened', async () => {
    const shown: { title: string; body: string }[] = [];
    electron.module.Notification.mockImplementation(function (options: { title: string; body: string }) {
      shown.push(options);
      return { show: vi.fn() };
    });
    const [, handler] = electron.module.ipcMain.handle.mock.calls.find(([channel]) => channel === 'gapbridge:notify')!;
    const event = { senderFrame: { url: 'app://gapbridge/index.html', parent: null }, sender: {} };
    const longTitle = 'Meeting of Study Group 13 '.repeat(100);
    expect(
      await (handler as (...args: unknown[]) => Promise<unknown>)(event, 'Contributions: in 3 days', longTitle),
    ).toBe(true);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe('Contributions: in 3 days');
    expect(shown[0]!.body.length).toBeLessThanOrEqual(500);
    expect(shown[0]!.body).toMatch(/^Meeting of Study Group 13 .*…$/);
  });
});
