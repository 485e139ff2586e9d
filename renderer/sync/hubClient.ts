import type { HubRequest, HubResponse } from './hubRequest';
import type { SyncTransport } from './transport';

/**
 * The device's link to a Gapbridge hub: the account routes and the sync exchange. In a browser
 * the hub keeps the session in an HttpOnly cookie (`webHubClient.ts`); in Electron the main
 * process makes every request and keeps the token encrypted, so the renderer never holds it
 * (`electronHubClient.ts`, over the preload bridge).
 */
export interface HubAccount {
  /** The hub's origin, e.g. https://hub.example.org. */
  hubUrl: string;
  email: string;
}

/** Why an account request failed, in terms the delegate can act on. */
export type AccountFailure =
  /** No connection, or the hub did not answer. */
  | { kind: 'offline' }
  /** The address is not a hub's origin (or not one the app may talk to). */
  | { kind: 'bad-address' }
  | { kind: 'bad-credentials' }
  | { kind: 'email-taken' }
  /** The hub refused the password as too short (10 characters or more). */
  | { kind: 'weak-password' }
  | { kind: 'rate-limited'; retryAfterMs: number | null }
  /**
   * Desktop only: the system offers no encrypted storage for the session (no keychain or
   * keyring), so the app will not sign in rather than keep the token in clear.
   */
  | { kind: 'no-secure-storage' }
  /** The hub failed, or answered with something that is not the protocol's. */
  | { kind: 'server' };

export class HubAccountError extends Error {
  constructor(readonly failure: AccountFailure) {
    super(`Hub account request failed: ${failure.kind}`);
    this.name = 'HubAccountError';
  }
}

export interface HubClient {
  /** The account signed in on this profile, or null; asks the hub when it can, else remembers. */
  account(): Promise<HubAccount | null>;
  register(hubUrl: string, email: string, password: string): Promise<HubAccount>;
  signIn(hubUrl: string, email: string, password: string): Promise<HubAccount>;
  /** Ends the session on the hub when reachable, and forgets it here in any case. */
  signOut(): Promise<void>;
  /** The sync exchange with the signed-in hub; fails with `signed-out` when there is none. */
  readonly transport: SyncTransport;
  /**
   * Any other hub route (certificates, packs, shared drafts), signed in when there is a session.
   * Throws a SyncTransportError when no whole answer arrived (or no hub is configured).
   */
  request(request: HubRequest): Promise<HubResponse>;
}
