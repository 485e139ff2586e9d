import type { HubAccount, HubClient } from './hubClient';
import type { SyncService } from './syncService';
import type { SyncStatusStore } from './syncStatus';

/** What the profile's database knows about accounts (renderer/db/syncStore.ts in the app). */
export interface AccountLinks {
  /** The account this profile last synced with, or null if it never did. */
  previousAccount(): Promise<HubAccount | null>;
  /**
   * Binds the profile to `account` once after a sign-in: a new account starts from cursor 0, and
   * this device's work is queued for it or left out.
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
  /** The first-sign-in question's answer: bring this device's work into the account, or not. */
  answerFirstSignIn(bringLocalWork: boolean): Promise<void>;
  signOut(): Promise<void>;
  syncNow(): void;
}

function sameAccount(a: HubAccount, b: HubAccount): boolean {
  return a.hubUrl === b.hubUrl && a.email.toLowerCase() === b.email.toLowerCase();
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

  /** Links and syncs, or asks first when this profile has never synced with any account. */
  async function begin(account: HubAccount) {
    status.setState({ account });
    const previous = await links.previousAccount();
    if (previous === null) {
      status.setState({ status: { phase: 'question' } });
      return;
    }
    // Another account's data never goes to this one: only the first account may take the device's work.
    if (!sameAccount(previous, account)) await links.linkAccount({ ...account, bringLocalWork: false });
    run();
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
    async answerFirstSignIn(bringLocalWork) {
      const { account } = status.getState();
      if (!account) return;
      await links.linkAccount({ ...account, bringLocalWork });
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
  };
}
