import { describe, expect, it, vi } from 'vitest';
import { HubAccountError } from '../sync/hubClient';
import { SyncTransportError } from '../sync/transport';
import type { SyncAnswer, SyncRequest } from '../sync/wire';
import type { HubBridge } from './contract';
import { createElectronHubClient } from './electronHubClient';

const request: SyncRequest = { protocol: 1, deviceId: 'laptop-3f9c2a71', cursor: 0, changes: [] };
const answer: SyncAnswer = {
  protocol: 1,
  acked: 0,
  rejected: [],
  changes: [],
  cursor: 0,
  more: false,
  serverTime: '2026-12-07T10:00:00.000Z',
};

function fakeHub(overrides: Partial<HubBridge>): HubBridge {
  return {
    account: vi.fn(async () => ({ ok: true as const, value: null })),
    register: vi.fn(async () => ({ ok: false as const, failure: { kind: 'offline' as const } })),
    signIn: vi.fn(async () => ({ ok: false as const, failure: { kind: 'offline' as const } })),
    signOut: vi.fn(async () => {}),
    exchange: vi.fn(async () => ({ ok: false as const, failure: { kind: 'signed-out' as const } })),
    request: vi.fn(async () => ({ ok: false as const, failure: { kind: 'offline' as const } })),
    ...overrides,
  };
}

async function errorOf(run: Promise<unknown>): Promise<unknown> {
  try {
    await run;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('the Electron hub client', () => {
  it('gives the account the main process reports', async () => {
    const account = { hubUrl: 'https://hub.example.org', email: 'amina@example.org' };
    const hub = fakeHub({ signIn: vi.fn(async () => ({ ok: true as const, value: account })) });
    const client = createElectronHubClient(hub);
    expect(await client.signIn('https://hub.example.org', 'amina@example.org', 'correct horse battery')).toEqual(
      account,
    );
    expect(hub.signIn).toHaveBeenCalledWith('https://hub.example.org', 'amina@example.org', 'correct horse battery');
    expect(await client.account()).toBeNull();
  });

  it('turns an account failure into a HubAccountError with its kind', async () => {
    const hub = fakeHub({
      register: vi.fn(async () => ({
        ok: false as const,
        failure: { kind: 'rate-limited' as const, retryAfterMs: 9000 },
      })),
    });
    const error = await errorOf(createElectronHubClient(hub).register('https://h.example', 'a@b.c', 'x'));
    expect(error).toBeInstanceOf(HubAccountError);
    expect((error as HubAccountError).failure).toEqual({ kind: 'rate-limited', retryAfterMs: 9000 });
  });

  it('passes the exchange to the main process and rethrows its failure as a SyncTransportError', async () => {
    const hub = fakeHub({});
    const client = createElectronHubClient(hub);
    const error = await errorOf(client.transport.exchange(request));
    expect(error).toBeInstanceOf(SyncTransportError);
    expect((error as SyncTransportError).failure).toEqual({ kind: 'signed-out' });

    const working = createElectronHubClient(fakeHub({ exchange: vi.fn(async () => ({ ok: true as const, answer })) }));
    expect(await working.transport.exchange(request)).toEqual(answer);
  });
});
