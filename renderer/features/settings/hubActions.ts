import { downloadOtherLanguages, hubSession } from '../../app/sync/appSync';
import { db } from '../../db';
import { UnsyncedWorkError } from '../../db/syncAccount';
import { dismissRejectedChange as dismissStored } from '../../db/syncStore';
import { HubAccountError, type AccountFailure } from '../../sync/hubClient';

export type AccountResult = { ok: true } | { ok: false; failure: AccountFailure };

async function accountAction(action: () => Promise<void>): Promise<AccountResult> {
  try {
    await action();
    return { ok: true };
  } catch (error) {
    if (error instanceof HubAccountError) return { ok: false, failure: error.failure };
    console.error('Hub account request failed', error);
    return { ok: false, failure: { kind: 'server' } };
  }
}

export function signIn(hubUrl: string, email: string, password: string): Promise<AccountResult> {
  return accountAction(() => hubSession.signIn(hubUrl, email, password));
}

export function register(hubUrl: string, email: string, password: string): Promise<AccountResult> {
  return accountAction(() => hubSession.register(hubUrl, email, password));
}

export function signOut(): Promise<AccountResult> {
  return accountAction(() => hubSession.signOut());
}

/**
 * Not linked: `unsyncedChanges` when the previous account still has changes that have not
 * reached its hub (going ahead would lose them), else null (the database refused the write).
 */
export type LinkResult = { ok: true } | { ok: false; unsyncedChanges: number | null };

/**
 * The sign-in question's answer: on the first sign-in, whether this device's work goes into the
 * account; after another account, going ahead (its work leaves this device).
 */
export async function linkAccount(bringLocalWork: boolean): Promise<LinkResult> {
  try {
    await hubSession.link(bringLocalWork);
    return { ok: true };
  } catch (error) {
    if (error instanceof UnsyncedWorkError) return { ok: false, unsyncedChanges: error.pending };
    console.error('Could not link the account', error);
    return { ok: false, unsyncedChanges: null };
  }
}

export function syncNow(): void {
  hubSession.syncNow();
}

/** Removes a rejected change from the list once the delegate has read it. */
export function dismissRejectedChange(seq: number): Promise<void> {
  return dismissStored(db, seq);
}

/** The course updates in the languages other than the delegate's, which wait to be asked for. */
export function downloadCourseInOtherLanguages(): Promise<void> {
  return downloadOtherLanguages();
}
