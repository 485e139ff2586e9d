import { useStore } from 'zustand';
import { db } from '../../db';
import { watchPendingChangeCount } from '../../db/hooks';
import { isSameAccount, linkAccount, previousAccount } from '../../db/syncAccount';
import { openSyncStore } from '../../db/syncStore';
import type { HubRequest, HubResponse } from '../../sync/hubRequest';
import { createHubSession } from '../../sync/hubSession';
import { startSyncService } from '../../sync/syncService';
import { webLock } from '../../sync/syncLoop';
import { createSyncStatusStore, type SyncState } from '../../sync/syncStatus';
import { syncDerivations } from '../syncDerivations';
import { chooseHubClient } from './chooseHubClient';

/**
 * The app's one sync engine, wired to this profile's database and the shell's hub client. The
 * status bar reads its status; Settings → Hub acts on it through the settings feature's actions.
 */
export const syncStatus = createSyncStatusStore();

export function useSyncState<T>(selector: (state: SyncState) => T): T {
  return useStore(syncStatus, selector);
}

const hub = chooseHubClient();

/** The hub address to show: fixed in a browser (the page's origin), typed by the delegate in the desktop app. */
export const fixedHubUrl = hub.fixedHubUrl;

export const hubSession = createHubSession({
  client: hub.client,
  links: {
    previousAccount: () => previousAccount(db),
    isSameAccount,
    linkAccount: (link) => linkAccount(db, link),
  },
  status: syncStatus,
  startService: () =>
    startSyncService({
      transport: hub.client.transport,
      openStore: () => openSyncStore(db, syncDerivations),
      watchPending: watchPendingChangeCount,
      // One loop per profile: the profile is the database, shared by every window and tab.
      withLock: webLock(db.name),
      status: syncStatus,
    }),
});

/** One of the hub's other routes (shared drafts, certificates) with this profile's session. */
export function hubRequest(request: HubRequest): Promise<HubResponse> {
  return hub.client.request(request);
}

/** At start-up, in the background: resumes syncing if this profile is signed in. */
export function startAppSync(): void {
  void hubSession.resume();
}
