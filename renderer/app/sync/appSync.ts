import { useStore } from 'zustand';
import { db } from '../../db';
import { storeCertificateKeys } from '../../db/certificateKeys';
import { watchPendingChangeCount } from '../../db/hooks';
import { isSameAccount, linkAccount, previousAccount } from '../../db/syncAccount';
import { openSyncStore } from '../../db/syncStore';
import type { HubRequest, HubResponse } from '../../sync/hubRequest';
import { createHubSession } from '../../sync/hubSession';
import { startSyncService } from '../../sync/syncService';
import { webLock } from '../../sync/syncLoop';
import { createSyncStatusStore, type SyncState } from '../../sync/syncStatus';
import { userLanguages } from '../../i18n/languages';
import type { PackUpdater } from '../../packs/packUpdater';
import { createPackUpdateStore, type PackUpdateState } from '../../packs/packUpdateStatus';
import trustedKeys from '../../packs/trustedKeys.json';
import { syncDerivations } from '../syncDerivations';
import { chooseHubClient } from './chooseHubClient';
import { pushPending, type PushOutcome } from './pushPending';

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

/** Calendar, course and certificate-key updates from the hub, checked after each sync. */
export const packUpdates = createPackUpdateStore();

export function usePackUpdates<T>(selector: (state: PackUpdateState) => T): T {
  return useStore(packUpdates, selector);
}

/** Whether this build trusts a hub's pack key at all (trustedKeys.json): else no update is asked for. */
export const packUpdatesEnabled = trustedKeys.keys.length > 0;

let packUpdater: Promise<PackUpdater> | null = null;

/** The updater, in its own chunk (signature checks and pack schemas are not small), loaded at the first sync. */
function loadPackUpdater(): Promise<PackUpdater> {
  packUpdater ??= Promise.all([import('../../packs/packUpdater'), import('../../packs/trustedKeys')]).then(
    ([{ createPackUpdater }, { pinnedKeys }]) =>
      createPackUpdater({
        db,
        send: (request) => hub.client.request(request),
        keys: pinnedKeys(),
        languages: () => userLanguages(document.documentElement.lang, navigator.languages),
        // Verified with the manifest's signature; added to the keys the app shipped with.
        onCertificateKeys: (keys) => storeCertificateKeys(db, keys),
        status: packUpdates,
      }),
  );
  return packUpdater;
}

function updatePacks(options?: { otherLanguages?: boolean }): Promise<void> {
  if (!packUpdatesEnabled) return Promise.resolve();
  return loadPackUpdater().then(
    (updater) => updater.update(options),
    (error: unknown) => {
      // A chunk that failed to load (an update of the app under way): tried again at the next sync.
      packUpdater = null;
      console.error('Pack updates unavailable', error);
    },
  );
}

/** Downloads the course updates in the languages other than the delegate's (Settings → Hub). */
export function downloadOtherLanguages(): Promise<void> {
  return updatePacks({ otherLanguages: true });
}

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
      afterCycle: () => void updatePacks(),
    }),
});

/** At start-up, in the background: resumes syncing if this profile is signed in. */
export function startAppSync(): void {
  void hubSession.resume();
}

/** One request to the hub's other routes (certificates, shared drafts), with this profile's session. */
export function hubRequest(request: HubRequest): Promise<HubResponse> {
  return hub.client.request(request);
}

/** Syncs now, and resolves once `isPending` says the work in question has reached the hub (or why not). */
export function syncUntilPushed(isPending: () => Promise<boolean>): Promise<PushOutcome> {
  return pushPending({ status: syncStatus, syncNow: () => hubSession.syncNow(), isPending });
}
