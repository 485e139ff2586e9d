import { hubSession } from '../../app/sync/appSync';
import { dismissRejectedChange as dismissStored } from '../../app/sync/profileStore';
import { db } from '../../db';
import { HubAccountError, type AccountFailure } from '../../sync/hubClient';

export type HubActionResult = { ok: true } | { ok: false; failure: AccountFailure };

async function attempt(action: () => Promise<void>): Promise<HubActionResult> {
  try {
    await action();
    return { ok: true };
  } catch (error) {
    if (error instanceof HubAccountError) return { ok: false, failure: error.failure };
    console.error('Hub account request failed', error);
    return { ok: false, failure: { kind: 'server' } };
  }
}

export function signIn(hubUrl: string, email: string, password: string): Promise<HubActionResult> {
  return attempt(() => hubSession.signIn(hubUrl, email, password));
}

export function register(hubUrl: string, email: string, password: string): Promise<HubActionResult> {
  return attempt(() => hubSession.register(hubUrl, email, password));
}

/** The first sign-in's question: whether this device's work goes into the account. */
export function answerFirstSignIn(bringLocalWork: boolean): Promise<HubActionResult> {
  return attempt(() => hubSession.answerFirstSignIn(bringLocalWork));
}

export function signOut(): Promise<HubActionResult> {
  return attempt(() => hubSession.signOut());
}

export function syncNow(): void {
  hubSession.syncNow();
}

/** Removes a rejected change from the list once the delegate has read it. */
export function dismissRejectedChange(seq: number): Promise<void> {
  return dismissStored(db, seq);
}
