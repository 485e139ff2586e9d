import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HubAccount } from './hubClient';
import type { SyncFailure } from './transport';

/** Where sync stands for this profile, as the status bar and Settings → Hub say it. */
export type SyncPhase =
  /** No account on this profile: everything stays on the device. */
  | { phase: 'signed-out' }
  /** The hub no longer knows the session (expired, revoked, password reset): sign in again. */
  | { phase: 'session-ended' }
  /**
   * Signed in, waiting for an answer before the first sync: on the first sign-in of this profile
   * (`previous` null), "bring this device's work?"; after another account, "go ahead?".
   */
  | { phase: 'question'; previous: HubAccount | null }
  /** Another window or tab of this profile holds the sync lock and syncs for both. */
  | { phase: 'other-window' }
  | { phase: 'syncing' }
  | { phase: 'synced'; at: number }
  | { phase: 'offline' }
  | { phase: 'failed'; failure: SyncFailure['kind'] | 'error'; retryAt: number };

export interface SyncState {
  account: HubAccount | null;
  status: SyncPhase;
  /** When the last cycle finished, in this session of the app. */
  lastSyncedAt: number | null;
  /** Changes waiting in the outbox; undefined until first counted. */
  pending: number | undefined;
  /** Hub time minus device time when they differ by more than CLOCK_WARNING_MS, else null. */
  clockSkewMs: number | null;
}

/** A device clock further off than this gets a warning (never a refusal: the HLC copes). */
export const CLOCK_WARNING_MS = 5 * 60_000;

export type SyncStatusStore = StoreApi<SyncState>;

export function createSyncStatusStore(): SyncStatusStore {
  return createStore<SyncState>(() => ({
    account: null,
    status: { phase: 'signed-out' },
    lastSyncedAt: null,
    pending: undefined,
    clockSkewMs: null,
  }));
}
