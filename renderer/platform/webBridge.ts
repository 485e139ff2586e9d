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
    // The browser's print dialog offers "Save as PDF"; the page's print styles show only the certificate.
    savePageAsPdf() {
      window.print();
      return Promise.resolve(true);
    },
    // A browser has no application menu, so nothing ever asks to navigate.
    onNavigate() {
      return () => {};
    },
  };
}
