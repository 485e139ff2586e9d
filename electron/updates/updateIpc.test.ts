import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC } from '../../renderer/platform/contract';
import { registerIpcHandlers } from '../ipc';
import { createUpdateIpcHandlers } from './updateIpc';

type Registered = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;
const appFrame = { url: 'app://gapbridge/index.html#/home', parent: null };

function setUp() {
  const controller = {
    state: vi.fn(() => ({ kind: 'ready' as const, version: '0.2.0', postponed: false })),
    restartNow: vi.fn(() => true),
    later: vi.fn(),
  };
  const registered = new Map<string, Registered>();
  registerIpcHandlers(
    { handle: (channel: string, fn: Registered) => registered.set(channel, fn) } as never,
    createUpdateIpcHandlers(controller),
  );
  const call = (channel: string, frame: unknown, ...args: unknown[]) =>
    registered.get(channel)!({ senderFrame: frame, sender: {} } as unknown as IpcMainInvokeEvent, ...args);
  return { controller, call };
}

describe('the app update IPC channels', () => {
  it('give the state, restart now, and postpone', async () => {
    const { controller, call } = setUp();
    expect(await call(IPC.updateState, appFrame)).toEqual({ kind: 'ready', version: '0.2.0', postponed: false });
    expect(await call(IPC.updateRestart, appFrame)).toBe(true);
    await call(IPC.updateLater, appFrame);
    expect(controller.restartNow).toHaveBeenCalledTimes(1);
    expect(controller.later).toHaveBeenCalledTimes(1);
  });

  it('refuse a page other than the app, and arguments none of them takes', async () => {
    const { controller, call } = setUp();
    await expect(call(IPC.updateRestart, { url: 'https://evil.example/', parent: null })).rejects.toThrow(/untrusted/);
    await expect(call(IPC.updateRestart, appFrame, true)).rejects.toThrow(/Unexpected arguments/);
    await expect(call(IPC.updateLater, appFrame, { postpone: 'forever' })).rejects.toThrow(/Unexpected arguments/);
    expect(controller.restartNow).not.toHaveBeenCalled();
    expect(controller.later).not.toHaveBeenCalled();
  });
});
