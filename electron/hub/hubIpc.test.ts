import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC, type HubBridge } from '../../renderer/platform/contract';
import type { SyncRequest } from '../../renderer/sync/wire';
import { registerIpcHandlers } from '../ipc';
import { createHubIpcHandlers } from './hubIpc';

type Registered = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

const appFrame = { url: 'app://gapbridge/index.html#/settings', parent: null };

function setUp() {
  const hub = {
    account: vi.fn(async () => ({ ok: true as const, value: null })),
    register: vi.fn(async () => ({ ok: false as const, failure: { kind: 'offline' as const } })),
    signIn: vi.fn(async () => ({ ok: false as const, failure: { kind: 'offline' as const } })),
    signOut: vi.fn(async () => {}),
    exchange: vi.fn(async () => ({ ok: false as const, failure: { kind: 'signed-out' as const } })),
    request: vi.fn(async () => ({ ok: false as const, failure: { kind: 'offline' as const } })),
  } satisfies HubBridge;
  const registered = new Map<string, Registered>();
  registerIpcHandlers(
    { handle: (channel: string, fn: Registered) => registered.set(channel, fn) } as never,
    createHubIpcHandlers(hub),
  );
  const call = (channel: string, frame: unknown, ...args: unknown[]) =>
    registered.get(channel)!({ senderFrame: frame, sender: {} } as unknown as IpcMainInvokeEvent, ...args);
  return { hub, registered, call };
}

const request: SyncRequest = {
  protocol: 1,
  deviceId: 'laptop-3f9c2a71',
  cursor: 4,
  changes: [
    {
      seq: 1,
      table: 'settings',
      key: 'reminderDays',
      op: 'put',
      hlc: '001765101600000-0003-laptop-3f9c2a71',
      v: 1,
      data: { value: 7 },
    },
    { seq: 2, table: 'follows', key: 'group:SG13', op: 'delete', hlc: '001765101605000-0000-laptop-3f9c2a71', v: 1 },
  ],
};

describe('the hub IPC channels', () => {
  it('registers the six hub channels', () => {
    expect([...setUp().registered.keys()].sort()).toEqual(
      [IPC.hubAccount, IPC.hubExchange, IPC.hubRegister, IPC.hubRequest, IPC.hubSignIn, IPC.hubSignOut].sort(),
    );
  });

  it('passes a well-formed route request on, and refuses the session routes, odd paths and extra fields', async () => {
    const { call, hub } = setUp();
    const good = { method: 'GET', path: '/v1/packs/calendar/en/3', range: { start: 1024, ifRange: '"abc"' } };
    await call(IPC.hubRequest, appFrame, good);
    expect(hub.request).toHaveBeenCalledWith(good);
    const refused = [
      { method: 'POST', path: '/v1/sessions', json: { email: 'a@example.org', password: 'x' } },
      { method: 'POST', path: '/v1/accounts' },
      { method: 'POST', path: '/v1/sync' },
      { method: 'POST', path: '/v1/password-resets' },
      { method: 'GET', path: '/v1/packs/../sessions' },
      { method: 'GET', path: '/v1/packs/%2e%2e/sessions' },
      { method: 'GET', path: '//attacker.example/v1/me' },
      { method: 'GET', path: 'https://attacker.example/v1/me' },
      { method: 'GET', path: '/admin' },
      { method: 'PATCH', path: '/v1/me' },
      { method: 'GET', path: '/v1/me', headers: { authorization: 'Bearer x' } },
      { method: 'GET', path: '/v1/packs/calendar/en/3', range: { start: -1 } },
      { method: 'GET', path: '/v1/packs/calendar/en/3', range: { start: 0, ifRange: 'a\r\nx: y' } },
      { method: 'POST', path: '/v1/certificates', json: { name: 'x'.repeat(300_000) } },
      'GET /v1/me',
    ];
    for (const request of refused) {
      await expect(call(IPC.hubRequest, appFrame, request)).rejects.toThrow(/Malformed hub request/);
    }
    await expect(call(IPC.hubRequest, appFrame, good, 'extra')).rejects.toThrow(/Unexpected arguments/);
    expect(hub.request).toHaveBeenCalledTimes(1);
  });

  it('refuses every call from another origin or a subframe before the hub is asked', async () => {
    const { call, hub } = setUp();
    const strangers = [{ url: 'https://evil.example/', parent: null }, { url: 'app://gapbridge/', parent: {} }, null];
    for (const frame of strangers) {
      await expect(call(IPC.hubAccount, frame)).rejects.toThrow(/untrusted/);
      await expect(call(IPC.hubSignIn, frame, 'https://hub.example.org', 'a@example.org', 'pw')).rejects.toThrow(
        /untrusted/,
      );
      await expect(call(IPC.hubExchange, frame, request)).rejects.toThrow(/untrusted/);
      await expect(call(IPC.hubSignOut, frame)).rejects.toThrow(/untrusted/);
    }
    for (const method of Object.values(hub)) expect(method).not.toHaveBeenCalled();
  });

  it('passes well-formed credentials on, and refuses wrong types and oversized values', async () => {
    const { call, hub } = setUp();
    await call(IPC.hubRegister, appFrame, 'https://hub.example.org', 'amina@example.org', 'correct horse battery');
    expect(hub.register).toHaveBeenCalledWith('https://hub.example.org', 'amina@example.org', 'correct horse battery');
    const bad: [unknown, unknown, unknown, RegExp][] = [
      [42, 'a@example.org', 'password', /hub address/],
      ['https://' + 'h'.repeat(2100), 'a@example.org', 'password', /hub address/],
      ['https://hub.example.org', { email: 'a@example.org' }, 'password', /e-mail/],
      ['https://hub.example.org', `${'a'.repeat(250)}@example.org`, 'password', /e-mail/],
      ['https://hub.example.org', 'a@example.org', '', /password/],
      ['https://hub.example.org', 'a@example.org', 'p'.repeat(1025), /password/],
      ['https://hub.example.org', 'a@example.org', undefined, /password/],
    ];
    for (const [hubUrl, email, password, reason] of bad) {
      await expect(call(IPC.hubSignIn, appFrame, hubUrl, email, password)).rejects.toThrow(reason);
      await expect(call(IPC.hubRegister, appFrame, hubUrl, email, password)).rejects.toThrow(reason);
    }
    expect(hub.register).toHaveBeenCalledTimes(1);
    expect(hub.signIn).not.toHaveBeenCalled();
  });

  it('passes a valid sync request on and refuses anything that is not one', async () => {
    const { call, hub } = setUp();
    expect(await call(IPC.hubExchange, appFrame, request)).toEqual({ ok: false, failure: { kind: 'signed-out' } });
    expect(hub.exchange).toHaveBeenCalledWith(request);
    const change = request.changes[0]!;
    const malformed: unknown[] = [
      undefined,
      'request',
      { ...request, protocol: 2 },
      { ...request, deviceId: 'x' },
      { ...request, cursor: -1 },
      { ...request, cursor: 1.5 },
      { ...request, token: 'smuggled' },
      { ...request, changes: [{ ...change, hlc: 'yesterday' }] },
      { ...request, changes: [{ ...change, op: 'merge' }] },
      { ...request, changes: [{ ...change, seq: 0 }] },
      { ...request, changes: [{ ...change, data: [1, 2] }] },
      { ...request, changes: [{ ...change, url: 'https://attacker.example/' }] },
      { ...request, changes: Array.from({ length: 2001 }, (_, index) => ({ ...change, seq: index + 1 })) },
      { ...request, changes: [{ ...change, data: { text: 'x'.repeat(8 * 1024 * 1024) } }] },
    ];
    for (const value of malformed) {
      await expect(call(IPC.hubExchange, appFrame, value)).rejects.toThrow(/Malformed sync request/);
    }
    expect(hub.exchange).toHaveBeenCalledTimes(1);
  });

  it('refuses a call with more arguments than the channel takes', async () => {
    const { call, hub } = setUp();
    await expect(call(IPC.hubAccount, appFrame, 'https://hub.example.org')).rejects.toThrow(/Unexpected/);
    await expect(call(IPC.hubSignOut, appFrame, { everywhere: true })).rejects.toThrow(/Unexpected/);
    await expect(
      call(IPC.hubSignIn, appFrame, 'https://hub.example.org', 'a@example.org', 'password', 'extra'),
    ).rejects.toThrow(/Unexpected/);
    await expect(call(IPC.hubExchange, appFrame, request, 'https://attacker.example')).rejects.toThrow(/Unexpected/);
    for (const method of Object.values(hub)) expect(method).not.toHaveBeenCalled();
  });
});
