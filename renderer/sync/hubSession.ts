import type { HubAccount, HubClient } from './hubClient';
import type { SyncService } from './syncService';
import type { SyncStatusStore } from './syncStatus';

/** What the profile's database knows about accounts (renderer/db/syncStore.ts in the app). */
export interface AccountLinks {
  /** The account this profile last synced with, or null if it never did. */
  previousAccount(): Promise<HubAccount | null>;
  isSameAccount(a: HubAccount, b: HubAccount): boolean;
  /**
   * Binds the profile to `account` once after a sign-in: a new account starts from cursor 0, and
   * this device's work is queued for it or left out (another account's: removed from the device).
   */
  linkAccount(link: HubAccount & { bringLocalWork: boolean }): Promise<void>;
}

export interface HubSessionOptions {
  client: HubClient;
  links: AccountLinks;
  status: SyncStatusStore;
  /** Starts this profile's sync loop (startSyncService with the app's store, lock and outbox). */
  startService: () => SyncService;
}

export interface HubSession {
  /** At start-up: resumes sync if this profile is signed in. Never throws. */
  resume(): Promise<void>;
  register(hubUrl: string, email: string, password: string): Promise<void>;
  signIn(hubUrl: string, email: string, password: string): Promise<void>;
  /**
   * The question's answer. First sign-in: bring this device's work into the account, or not.
   * Another account than the last: go ahead (false), the previous account's work leaving the device.
   */
  link(bringLocalWork: boolean): Promise<void>;
  signOut(): Promise<void>;
  syncNow(): void;
  /** A cycle soon, respecting a backoff: while a shared draft is open, co-authors' edits come in live. */
  syncSoon(): void;
}

/**
 * The account's life on this profile: sign in or register, ask once whether this device's work
 * goes into the account, link, sync; sign out stops the loop. Account failures are thrown to the
 * caller (Settings shows them); sync failures go to the status store.
 */
export function createHubSession({ client, links, status, startService }: HubSessionOptions): HubSession {
  let service: SyncService | null = null;

  async function stopService() {
    const running = service;
    service = null;
    await running?.stop();
  }

  function run() {
    if (service) return;
    const started = startService();
    service = started;
    // The hub refused the session: the loop has ended by itself; signing in again restarts it.
    void started.done.then(() => {
      if (service === started) service = null;
    });
  }

  /**
   * Syncs when this profile last synced with the same account; else asks first: on the first
   * sign-in whether to bring this device's work, on another account whether to go ahead.
   */
  async function begin(account: HubAccount) {
    status.setState({ account });
    const previous = await links.previousAccount();
    if (previous && links.isSameAccount(previous, account)) run();
    else status.setState({ status: { phase: 'question', previous } });
  }

  return {
    async resume() {
      try {
        const account = await client.account();
        if (account) await begin(account);
      } catch (error) {
        console.error('Could not resume sync', error);
      }
    },
    async register(hubUrl, email, password) {
      await stopService();
      await begin(await client.register(hubUrl, email, password));
    },
    async signIn(hubUrl, email, password) {
      await stopService();
      await begin(await client.signIn(hubUrl, email, password));
    },
    async link(bringLocalWork) {
      const { account, status: current } = status.getState();
      if (!account || current.phase !== 'question') return;
      // Another person's work never goes into this account.
      await links.linkAccount({ ...account, bringLocalWork: current.previous === null && bringLocalWork });
      run();
    },
    async signOut() {
      await stopService();
      try {
        await client.signOut();
      } finally {
        status.setState({ account: null, status: { phase: 'signed-out' }, clockSkewMs: null });
      }
    },
    syncNow() {
      service?.syncNow();
    },
    syncSoon() {
      service?.syncSoon();
    },
  };
}
