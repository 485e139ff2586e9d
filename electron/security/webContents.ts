import type { WebContents } from 'electron';
import { toAllowedExternalUrl } from '../../renderer/platform/externalUrl';
import { isAppUrl } from './appUrl';

/**
 * Global hooks for every web contents: it may only show the app's own pages; links to
 * allow-listed https sites open in the system browser; new windows and webviews are refused.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  const keepInApp = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    const external = toAllowedExternalUrl(url);
    if (external) openExternal(external);
  };
  contents.on('will-navigate', keepInApp);
  contents.on('will-redirect', keepInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = toAllowedExternalUrl(url);
    if (external) openExternal(external);
    return { action: 'deny' };
  });
}

/** Permissions the renderer may have; every other request is denied. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

/**
 * `mediaTypes`: what a `media` request asks for. The camera alone is allowed, for scanning a
 * certificate's QR code (Course → Verify a certificate); the microphone never.
 */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  mediaTypes: readonly string[] = [],
): boolean {
  if (!isAppUrl(requestingUrl)) return false;
  if (permission === 'media') return mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
  return ALLOWED_PERMISSIONS.has(permission);
}
