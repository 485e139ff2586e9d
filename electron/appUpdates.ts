import { app, BrowserWindow, net } from 'electron';
import { autoUpdater } from 'electron-updater';
import path from 'node:path';
import { IPC } from '../renderer/platform/contract';
import { HUB_SETTINGS_FILE } from './hub/electronHub';
import { readHubAddress } from './hub/hubSettingsFile';
import { createUpdateController, type UpdateController } from './updates/updateController';

// Wiring only: when to check, what to download and what to tell the delegate is decided in
// updates/updateController.ts, tested in Node with electron-updater stubbed.

/** Starts the app's updater (a packaged app only: electron-updater has nothing to update otherwise). */
export function startAppUpdates(): UpdateController {
  const controller = createUpdateController({
    updater: autoUpdater,
    // The hub the delegate chose in Settings → Hub, read from hub.json before each check.
    hubUrl: () => readHubAddress(path.join(app.getPath('userData'), HUB_SETTINGS_FILE)),
    isOnline: () => net.isOnline(),
    onState: (state) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC.updateChanged, state);
    },
    log: (message, error) => console.warn(message, error instanceof Error ? error.message : (error ?? '')),
  });
  if (app.isPackaged) controller.start();
  app.once('will-quit', () => controller.stop());
  return controller;
}
