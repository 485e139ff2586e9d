import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC } from '../renderer/platform/contract';
import { createHubIpcHandlers } from './hub/hubIpc';
import { createUpdateIpcHandlers } from './updates/updateIpc';
import { createIpcHandlers, isTrustedSender, registerIpcHandlers, toSafeFileName } from './ipc';

type Registered = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function setUp() {
  const effects = {
    openExternal: vi.fn(async () => {}),
    setLanguage: vi.fn(),
    savePageAsPdf: vi.fn(async () => true),
    saveFile: vi.fn(async () => true),
    notify: vi.fn(async () => true),
  };
  const registered = new Map<string, Registered>();
  registerIpcHandlers(
    { handle: (channel: string, fn: Registered) => registered.set(channel, fn) } as never,
    createIpcHandlers(effects),
  );
  const call = (channel: string, frame: unknown, ...args: unknown[]) =>
    registered.get(channel)!({ senderFrame: frame, sender: SENDER } as unknown as IpcMainInvokeEvent, ...args);
  return { effects, registered, call };
}

const SENDER = { id: 7 };
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
  it('registers one handler per channel of the contract, with the hub and update channels (hub/, updates/)', () => {
    const { registered } = setUp();
    const hubChannels = Object.keys(createHubIpcHandlers({} as never));
    const updateChannels = Object.keys(createUpdateIpcHandlers({} as never));
    expect([...registered.keys(), ...hubChannels, ...updateChannels].sort()).toEqual(
      Object.values(IPC)
        .filter((c) => c !== IPC.navigate && c !== IPC.updateChanged)
        .sort(),
    );
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

describe('saving a PDF', () => {
  it('prints the calling page under a safe file name', async () => {
    const { call, effects } = setUp();
    expect(await call(IPC.savePageAsPdf, appFrame, 'Certificate – Amina Diallo')).toBe(true);
    expect(effects.savePageAsPdf).toHaveBeenCalledWith(SENDER, 'Certificate – Amina Diallo.pdf');
    await expect(call(IPC.savePageAsPdf, appFrame, '../..')).rejects.toThrow(/file name/);
    await expect(call(IPC.savePageAsPdf, appFrame, 42)).rejects.toThrow(/file name/);
  });

  it.each([
    ['شهادة إنجاز', 'شهادة إنجاز.pdf'],
    ['../../etc/passwd', 'etc passwd.pdf'],
    ['C:\\Windows\\system32\\x.pdf', 'C Windows system32 x.pdf'],
    ['a\u0000b\nc', 'a b c.pdf'],
    ['...', null],
    ['x'.repeat(300), `${'x'.repeat(100)}.pdf`],
  ])('makes %j into %j', (input, expected) => {
    expect(toSafeFileName(input, 'pdf')).toBe(expected);
  });
});

describe('saving a text file and notifying', () => {
  it('saves an .ics file under a safe name, and refuses other types or content', async () => {
    const { call, effects } = setUp();
    expect(await call(IPC.saveFile, appFrame, 'gapbridge-meetings', 'BEGIN:VCALENDAR', 'ics')).toBe(true);
    expect(effects.saveFile).toHaveBeenCalledWith(SENDER, 'gapbridge-meetings.ics', 'BEGIN:VCALENDAR');
    const docx = new Uint8Array([0x50, 0x4b, 3, 4]);
    expect(await call(IPC.saveFile, appFrame, 'Contribution', docx, 'docx')).toBe(true);
    expect(effects.saveFile).toHaveBeenLastCalledWith(SENDER, 'Contribution.docx', docx);
    await expect(call(IPC.saveFile, appFrame, 'x', 'text', 'exe')).rejects.toThrow(/file type/);
    await expect(call(IPC.saveFile, appFrame, 'x', 'text', 'toString')).rejects.toThrow(/file type/);
    await expect(call(IPC.saveFile, appFrame, 'x', 42, 'ics')).rejects.toThrow(/content/);
    await expect(call(IPC.saveFile, appFrame, 'x', new Uint8Array(), 'docx')).rejects.toThrow(/content/);
    expect(effects.saveFile).toHaveBeenCalledTimes(2);
  });

  it('shows notifications that have a title and a body', async () => {
    const { call, effects } = setUp();
    expect(await call(IPC.notify, appFrame, 'Contributions: in 3 days', 'SG13 meeting')).toBe(true);
    await expect(call(IPC.notify, appFrame, 'title', null)).rejects.toThrow(/notification/);
    await expect(call(IPC.notify, appFrame, '', 'body')).rejects.toThrow(/notification/);
    expect(effects.notify).toHaveBeenCalledTimes(1);
  });

  it('shortens a notification too long to show instead of refusing it', async () => {
    const { effects, call } = setUp();
    const title = `Contributions: ${'in 3 days '.repeat(100)}`;
    expect(await call(IPC.notify, appFrame, title, 'S'.repeat(20_000))).toBe(true);
    const [shownTitle, shownBody] = effects.notify.mock.calls[0] as unknown as [string, string];
    expect(shownTitle.length).toBeLessThanOrEqual(500);
    expect(shownTitle).toMatch(/^Contributions: in 3 days .*…$/);
    expect(shownBody).toBe(`${'S'.repeat(499)}…`);
  });
});
