import type { GapbridgeBridge } from './contract';
import { toAllowedExternalUrl } from './externalUrl';

/** The bridge in a plain browser (`npm run web`, end-to-end tests): the web platform's own ways. */
export function createWebBridge(): GapbridgeBridge {
  return {
    shell: 'web',
    openExternal(url) {
      const allowed = toAllowedExternalUrl(url);
      if (allowed) window.open(allowed, '_blank', 'noopener,noreferrer');
      return Promise.resolve(allowed !== null);
    },
    setLanguage() {
      return Promise.resolve();
    },
    // A browser has no application menu, so nothing ever asks to navigate.
    onNavigate() {
      return () => {};
    },
  };
}
