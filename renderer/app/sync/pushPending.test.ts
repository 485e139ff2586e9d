import { describe, expect, it } from 'vitest';
import { createSyncStatusStore, type SyncPhase } from '../../sync/syncStatus';
import { pushPending } from './pushPending';

const account = { hubUrl: 'https://hub.example.org', email: 'a@example.org' };

function signedIn(phase: SyncPhase = { phase: 'synced', at: 1 }) {
  const status = createSyncStatusStore();
  status.setState({ account, status: phase });
  return status;
}

describe('pushing the pending attempts before asking the hub', () => {
  it('syncs and resolves once the outbox no longer holds them', async () => {
    const status = signedIn();
    let pending = true;
    const outcome = pushPending({
      status,
      isPending: async () => pending,
      syncNow: () => {
        status.setState({ status: { phase: 'syncing' } });
        pending = false;
        status.setState({ status: { phase: 'synced', at: 2 } });
      },
    });
    expect(await outcome).toBe('pushed');
  });

  it('does not sync when nothing is pending', async () => {
    let syncs = 0;
    const outcome = await pushPending({ status: signedIn(), isPending: async () => false, syncNow: () => syncs++ });
    expect(outcome).toBe('pushed');
    expect(syncs).toBe(0);
  });

  it('says offline when the cycle it started found no connection, and ignores an earlier failure', async () => {
    const status = signedIn({ phase: 'failed', failure: 'server', retryAt: 0 });
    const outcome = pushPending({
      status,
      isPending: async () => true,
      syncNow: () => {
        status.setState({ status: { phase: 'failed', failure: 'server', retryAt: 0 } });
        status.setState({ status: { phase: 'syncing' } });
        status.setState({ status: { phase: 'offline' } });
      },
    });
    expect(await outcome).toBe('offline');
  });

  it('stops at once when signed out, and times out when nothing moves', async () => {
    const signedOut = createSyncStatusStore();
    expect(await pushPending({ status: signedOut, isPending: async () => true, syncNow: () => {} })).toBe('signed-out');
    const stuck = signedIn({ phase: 'other-window' });
    expect(await pushPending({ status: stuck, isPending: async () => true, syncNow: () => {}, timeoutMs: 50 })).toBe(
      'timed-out',
    );
  });
});
