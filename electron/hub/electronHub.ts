import { app, safeStorage, session } from 'electron';
import path from 'node:path';
import type { HubBridge } from '../../renderer/platform/contract';
import { createDesktopHub } from './desktopHub';
import { createHubOriginGuard } from './hubOrigin';
import { createHubSettingsFile } from './hubSettingsFile';
import { safeStorageBox } from './secretBox';

// The one module of electron/hub that touches Electron: everything it wires is tested in Node.

/** The hub's requests run on a session of their own, in memory: no cookies, no cache on disk. */
export const HUB_PARTITION = 'gapbridge-hub';
export const HUB_SETTINGS_FILE = 'hub.json';

/** Starts the desktop hub client; call once the app is ready (safeStorage and sessions need it). */
export function startDesktopHub(): HubBridge {
  const hubSession = session.fromPartition(HUB_PARTITION);
  const guard = createHubOriginGuard((input, init) => hubSession.fetch(String(input), init));
  // A second lock, below the guard: on this session nothing but the configured hub is reached,
  // redirects included.
  hubSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !guard.isAllowed(details.url) }));
  return createDesktopHub({
    file: createHubSettingsFile(
      path.join(app.getPath('userData'), HUB_SETTINGS_FILE),
      safeStorageBox(safeStorage, process.platform),
    ),
    guard,
  });
}
