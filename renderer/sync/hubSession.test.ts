import { describe, expect, it, vi } from 'vitest';
import { HubAccountError, type HubAccount, type HubClient } from './hubClient';
import { createHubSession, type AccountLinks } from './hubSession';
import type { SyncService } from './syncService';
import { createSyncStatusStore } from './syncStatus';

const HUB = 'https://hub.example.org';

function harness({ previous = null as HubAccount | null, signedIn = null as HubAccount | null } = {}) {
  let session = signedIn;
  const client: HubClient = {
    account: async () => session,
    register: async (hubUrl, email) => (session = { hubUrl, email }),
    async signIn(hubUrl, email, password) {
      if (password !== 'right password') throw new HubAccountError({ kind: 'bad-credentials' });
      return (session = { hubUrl, email });
    },
    signOut: async () => void (session = null),
    transport: { exchange: () => Promise.reject(new Error('not used')) },
    request: () => Promise.reject(new Error('not used')),
  };
  let last = previous;
  const linked: Array<HubAccount & { bringLocalWork: boolean }> = [];
  const links: AccountLinks = {
    previousAccount: async () => last,
    isSameAccount: (a, b) => a.hubUrl === b.hubUrl && a.email.toLowerCase() === b.email.toLowerCase(),
    async linkAccount(link) {
      linked.push(link);
      last = { hubUrl: link.hubUrl, email: link.email };
    },
  };
  const running: Array<{ stopped: boolean }> = [];
  const startService = vi.fn((): SyncService => {
    const entry = { stopped: false };
    running.push(entry);
    return {
      syncNow: () => undefined,
      syncSoon: () => undefined,
      stop: async () => void (entry.stopped = true),
      done: new Promise(() => undefined),
    };
  });
  const status = createSyncStatusStore();
  return { session: createHubSession({ client, links, status, startService }), status, linked, running, startService };
}

describe('the hub session', () => {
  it('asks on the first sign-in of this profile, links with the answer, then syncs', async () => {
    const h = harness();
    await h.session.signIn(HUB, 'ana@example.org', 'right password');
    expect(h.status.getState().status).toEqual({ phase: 'question', previous: null });
    expect(h.startService).not.toHaveBeenCalled();
    await h.session.link(true);
    expect(h.linked).toEqual([{ hubUrl: HUB, email: 'ana@example.org', bringLocalWork: true }]);
    expect(h.startService).toHaveBeenCalledTimes(1);
  });

  it('does not ask again for the same account, and never gives another account this device work', async () => {
    const h = harness({ previous: { hubUrl: HUB, email: 'ana@example.org' } });
    await h.session.signIn(HUB, 'Ana@example.org', 'right password');
    expect(h.linked).toEqual([]);
    expect(h.startService).toHaveBeenCalledTimes(1);
    await h.session.signOut();
    expect(h.running[0]!.stopped).toBe(true);
    expect(h.status.getState()).toMatchObject({ account: null, status: { phase: 'signed-out' } });
    await h.session.register(HUB, 'ben@example.org', 'a long password');
    // Another account: asked whether to go ahead, and the previous account's work never goes to it.
    expect(h.status.getState().status).toEqual({
      phase: 'question',
      previous: { hubUrl: HUB, email: 'ana@example.org' },
    });
    expect(h.startService).toHaveBeenCalledTimes(1);
    await h.session.link(true);
    expect(h.linked).toEqual([{ hubUrl: HUB, email: 'ben@example.org', bringLocalWork: false }]);
    expect(h.startService).toHaveBeenCalledTimes(2);
  });

  it('resumes at start-up when signed in, asks again if the question was left unanswered, and throws account failures', async () => {
    const account = { hubUrl: HUB, email: 'ana@example.org' };
    const resumed = harness({ previous: account, signedIn: account });
    await resumed.session.resume();
    expect(resumed.startService).toHaveBeenCalledTimes(1);
    const unanswered = harness({ signedIn: account });
    await unanswered.session.resume();
    expect(unanswered.status.getState().status.phase).toBe('question');
    const signedOut = harness();
    await signedOut.session.resume();
    expect(signedOut.status.getState().status.phase).toBe('signed-out');
    await expect(signedOut.session.signIn(HUB, 'ana@example.org', 'wrong')).rejects.toBeInstanceOf(HubAccountError);
    expect(signedOut.status.getState().account).toBeNull();
  });
});
