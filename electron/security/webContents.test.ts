import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hardenWebContents, isPermissionAllowed } from './webContents';

type Listener = (event: { preventDefault(): void }, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  };
  return {
    contents: contents as unknown as WebContents,
    emit(name: string, url = '') {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)?.(event, url);
      return event.preventDefault.mock.calls.length > 0;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('hardenWebContents', () => {
  it('lets the app navigate within its own origin only', () => {
    const fake = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(fake.contents, openExternal);
    expect(fake.emit('will-navigate', 'app://gapbridge/index.html#/drafts')).toBe(false);
    expect(fake.emit('will-navigate', 'https://attacker.example/')).toBe(true);
    expect(fake.emit('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(fake.emit('will-navigate', 'app://gapbridge.attacker/')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('sends allow-listed https links to the system browser instead of navigating', () => {
    const fake = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(fake.contents, openExternal);
    expect(fake.emit('will-navigate', 'https://www.itu.int/rec/T-REC-A.1')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://www.itu.int/rec/T-REC-A.1');
  });

  it('refuses every new window, opening only allow-listed links outside', () => {
    const fake = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(fake.contents, openExternal);
    expect(fake.open('https://www.itu.int/en/ITU-T/')).toEqual({ action: 'deny' });
    expect(fake.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(fake.open('app://gapbridge/')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.itu.int/en/ITU-T/']]);
  });

  it('blocks webviews', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, vi.fn());
    expect(fake.emit('will-attach-webview')).toBe(true);
  });
});

describe('isPermissionAllowed', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid'])('denies %s', (p) => {
    expect(isPermissionAllowed(p, 'app://gapbridge/')).toBe(false);
  });

  it('allows the camera alone to the app, for scanning a QR code; never the microphone', () => {
    expect(isPermissionAllowed('media', 'app://gapbridge/', ['video'])).toBe(true);
    expect(isPermissionAllowed('media', 'app://gapbridge/', ['video', 'audio'])).toBe(false);
    expect(isPermissionAllowed('media', 'app://gapbridge/', ['audio'])).toBe(false);
    expect(isPermissionAllowed('media', 'app://gapbridge/', [])).toBe(false);
    expect(isPermissionAllowed('media', 'https://example.org/', ['video'])).toBe(false);
  });

  it('allows persistent storage to the app only', () => {
    expect(isPermissionAllowed('persistent-storage', 'app://gapbridge/')).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'https://example.org/')).toBe(false);
  });
});
