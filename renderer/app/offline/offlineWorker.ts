import { Workbox } from 'workbox-window';
import { useAppUpdate } from './appUpdate';

/** Written by the build (vite-plugin-pwa, see vite.config.ts) next to index.html. */
export const OFFLINE_WORKER_URL = '/sw.js';

/**
 * Only a browser that loads Gapbridge over http(s) (`npm run web`) gets the offline worker.
 * Electron serves the same dist/ from disk over app://, which needs none.
 */
export function isServedOverWeb(href: string): boolean {
  const { protocol } = new URL(href);
  return protocol === 'http:' || protocol === 'https:';
}

export interface OfflineWorkerHost {
  href: string;
  /** False in `npm run dev`, where no worker is built. */
  isProductionBuild: boolean;
  container: ServiceWorkerContainer | undefined;
  reloadPage: () => void;
}

function currentHost(): OfflineWorkerHost {
  return {
    href: window.location.href,
    isProductionBuild: import.meta.env.PROD,
    container: 'serviceWorker' in navigator ? navigator.serviceWorker : undefined,
    reloadPage: () => window.location.reload(),
  };
}

/**
 * Registers the offline worker in a web browser. A new version installs in the background and
 * waits: the page keeps the version it started with until the user chooses to reload (the update
 * notice), so old and new code never mix in one session.
 */
export function startOfflineWorker(host: OfflineWorkerHost = currentHost()): Workbox | null {
  if (!host.isProductionBuild || !host.container || !isServedOverWeb(host.href)) return null;
  const workbox = new Workbox(OFFLINE_WORKER_URL, { scope: '/' });
  let reloadRequested = false;
  workbox.addEventListener('waiting', () => {
    useAppUpdate.setState({
      isReady: true,
      reload: () => {
        reloadRequested = true;
        workbox.messageSkipWaiting();
      },
    });
  });
  host.container.addEventListener('controllerchange', () => {
    if (reloadRequested) host.reloadPage();
    // Another tab took the new version: here a plain reload brings it.
    else useAppUpdate.setState({ isReady: true, reload: host.reloadPage });
  });
  workbox.register().catch((error: unknown) => console.error('Offline worker not registered', error));
  return workbox;
}
