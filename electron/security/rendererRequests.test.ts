import { describe, expect, it } from 'vitest';
import { isRendererRequestAllowed } from './rendererRequests';

describe('isRendererRequestAllowed', () => {
  it.each([
    'https://hub.example.org/v1/sync',
    'http://127.0.0.1:8787/v1/me',
    'wss://attacker.example/socket',
    'http://localhost/',
  ])('cancels %s when a page asks for it', (url) => {
    expect(isRendererRequestAllowed({ url, webContentsId: 3 })).toBe(false);
    expect(isRendererRequestAllowed({ url, initiatorOrigin: 'app://gapbridge' })).toBe(false);
  });

  it("lets the app's own files and in-page data through", () => {
    for (const url of ['app://gapbridge/index.html', 'data:image/png;base64,AAAA', 'blob:app://gapbridge/1234']) {
      expect(isRendererRequestAllowed({ url, webContentsId: 3, initiatorOrigin: 'app://gapbridge' })).toBe(true);
    }
  });

  it('leaves alone what the browser fetches for itself, and refuses what is not an address', () => {
    expect(isRendererRequestAllowed({ url: 'https://redirector.gvt1.com/edgedl/chrome/dict/fr-FR-3-0.bdic' })).toBe(
      true,
    );
    expect(isRendererRequestAllowed({ url: 'not a url', webContentsId: 3 })).toBe(false);
  });
});
