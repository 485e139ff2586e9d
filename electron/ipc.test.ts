import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC } from '../renderer/platform/contract';
import { createIpcHandlers, isTrustedSender, registerIpcHandlers } from './ipc';

type Registered = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function setUp() {
  const effects = { openExternal: vi.fn(async () => {}), setLanguage: vi.fn() };
  const registered = new Map<string, Registered>();
  registerIpcHandlers(
    { handle: (channel: string, fn: Registered) => registered.set(channel, fn) } as never,
    createIpcHandlers(effects),
  );
  const call = (channel: string, frame: unknown, ...args: unknown[]) =>
    registered.get(channel)!({ senderFrame: frame } as IpcMainInvokeEvent, ...args);
  return { effects, registered, call };
}

const appFrame = { url: 'app://gapbridge/index.html#/course', parent: null };

describe('isTrustedSender', () => {
  it('trusts the main frame of the app only', () => {
    expect(isTrustedSender(appFrame as never)).toBe(true);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null } as never)).toBe(false);
    expect(isTrustedSender({ url: 'app://gapbridge/', parent: {} } as never)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('IPC handlers', () => {
  it('registers one handler per channel of the contract', () => {
    const { registered } = setUp();
    expect([...registered.keys()].sort()).toEqual([IPC.openExternal, IPC.setLanguage].sort());
  });

  it('refuses a call from another origin or a subframe before any effect', async () => {
    const { call, effects } = setUp();
    await expect(
      call(IPC.openExternal, { url: 'https://evil.example/', parent: null }, 'https://www.itu.int/'),
    ).rejects.toThrow(/untrusted/);
    await expect(call(IPC.setLanguage, { url: 'app://gapbridge/', parent: {} }, 'fr')).rejects.toThrow(/untrusted/);
    expect(effects.openExternal).not.toHaveBeenCalled();
    expect(effects.setLanguage).not.toHaveBeenCalled();
  });

  it('opens allow-listed links and refuses others', async () => {
    const { call, effects } = setUp();
    expect(await call(IPC.openExternal, appFrame, 'https://www.itu.int/rec/T-REC-A.1')).toBe(true);
    expect(await call(IPC.openExternal, appFrame, 'file:///etc/passwd')).toBe(false);
    expect(await call(IPC.openExternal, appFrame, { href: 'https://www.itu.int/' })).toBe(false);
    expect(effects.openExternal.mock.calls).toEqual([['https://www.itu.int/rec/T-REC-A.1']]);
  });

  it('accepts only the six languages', async () => {
    const { call, effects } = setUp();
    await call(IPC.setLanguage, appFrame, 'ar');
    await expect(call(IPC.setLanguage, appFrame, 'de')).rejects.toThrow(/Unknown language/);
    await expect(call(IPC.setLanguage, appFrame, ['fr'])).rejects.toThrow(/Unknown language/);
    expect(effects.setLanguage.mock.calls).toEqual([['ar']]);
  });
});
