import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, screen, session, shell } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { matchPreferredLanguage, type LanguageCode } from '../renderer/i18n/languages';
import { APP_ORIGIN, APP_SCHEME, IPC } from '../renderer/platform/contract';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './appProtocol';
import { startAppUpdates } from './appUpdates';
import { startDesktopHub } from './hub/electronHub';
import { createHubIpcHandlers } from './hub/hubIpc';
import { createIpcHandlers, registerIpcHandlers } from './ipc';
import { createUpdateIpcHandlers } from './updates/updateIpc';
import { buildMenuTemplate } from './menu';
import { MENU_STRINGS } from './menuStrings';
import { isRendererRequestAllowed } from './security/rendererRequests';
import { hardenWebContents, isPermissionAllowed } from './security/webContents';
import { MINIMUM_SIZE, parseWindowState, serializeWindowState } from './windowState';

// Wiring only: every decision lives in the modules imported above, tested without Electron.

const RENDERER_ROOT = path.join(__dirname, '..', 'dist');
const PRELOAD = path.join(__dirname, 'preload.cjs');

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let language: LanguageCode = matchPreferredLanguage(app.getPreferredSystemLanguages());

function windowStateFile(): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}

function readSavedWindowState(): string | null {
  try {
    return readFileSync(windowStateFile(), 'utf8');
  } catch {
    return null;
  }
}

function saveWindowState(window: BrowserWindow): void {
  const state = { bounds: window.getNormalBounds(), isMaximized: window.isMaximized() };
  try {
    writeFileSync(windowStateFile(), serializeWindowState(state));
  } catch (error) {
    console.error('Could not save the window state', error);
  }
}

function openExternal(url: string): void {
  void shell.openExternal(url);
}

function showAbout(): void {
  void dialog.showMessageBox({
    type: 'info',
    title: MENU_STRINGS[language].about,
    message: `Gapbridge ${app.getVersion()}`,
  });
}

/** Asks where to save `fileName` (in the user's documents by default); null when cancelled. */
async function chooseSavePath(sender: Electron.WebContents, fileName: string): Promise<string | null> {
  const owner = BrowserWindow.fromWebContents(sender);
  const extension = path.extname(fileName).slice(1);
  const options = {
    defaultPath: path.join(app.getPath('documents'), fileName),
    filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
  };
  const { canceled, filePath } = owner
    ? await dialog.showSaveDialog(owner, options)
    : await dialog.showSaveDialog(options);
  return canceled || !filePath ? null : filePath;
}

async function savePageAsPdf(sender: Electron.WebContents, fileName: string): Promise<boolean> {
  const filePath = await chooseSavePath(sender, fileName);
  if (!filePath) return false;
  const pdf = await sender.printToPDF({ pageSize: 'A4', landscape: true, printBackground: true });
  await writeFile(filePath, pdf);
  return true;
}

async function saveFile(
  sender: Electron.WebContents,
  fileName: string,
  content: string | Uint8Array,
): Promise<boolean> {
  const filePath = await chooseSavePath(sender, fileName);
  if (!filePath) return false;
  await writeFile(filePath, content);
  return true;
}

async function notify(title: string, body: string): Promise<boolean> {
  if (!Notification.isSupported()) return false;
  new Notification({ title, body }).show();
  return true;
}

function applyMenu(): void {
  const template = buildMenuTemplate(MENU_STRINGS[language], process.platform, {
    navigate: (view) => mainWindow?.webContents.send(IPC.navigate, view),
    openExternal,
    showAbout,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const state = parseWindowState(readSavedWindowState(), workAreas);
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: MINIMUM_SIZE.width,
    minHeight: MINIMUM_SIZE.height,
    show: false,
    title: 'Gapbridge',
    backgroundColor: '#f3f5f8',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
    },
  });
  if (state.isMaximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => saveWindowState(window));
  // The renderer refuses to unload while a draft's changes wait for disk space: ask the delegate.
  window.webContents.on('will-prevent-unload', (event) => {
    const strings = MENU_STRINGS[language];
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: [strings.closeAnyway, strings.stay],
      defaultId: 1,
      cancelId: 1,
      message: strings.unsavedMessage,
      detail: strings.unsavedDetail,
    });
    if (choice === 0) event.preventDefault();
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_ROOT, readFile));
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
      callback(
        isPermissionAllowed(
          permission,
          details.requestingUrl,
          'mediaTypes' in details ? (details.mediaTypes ?? []) : [],
        ),
      ),
    );
    session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
      isPermissionAllowed(permission, requestingOrigin, details.mediaType ? [details.mediaType] : []),
    );
    session.defaultSession.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: !isRendererRequestAllowed(details) }),
    );
    registerIpcHandlers(ipcMain, {
      ...createIpcHandlers({
        openExternal: (url) => shell.openExternal(url),
        setLanguage: (chosen) => {
          language = chosen;
          applyMenu();
        },
        savePageAsPdf,
        saveFile,
        notify,
      }),
      ...createHubIpcHandlers(startDesktopHub()),
      ...createUpdateIpcHandlers(startAppUpdates()),
    });
    applyMenu();
    mainWindow = createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
