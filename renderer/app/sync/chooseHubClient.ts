import { bridge } from '../../platform/bridge';
import { createElectronHubClient } from '../../platform/electronHubClient';
import type { HubClient } from '../../sync/hubClient';
import { createWebHubClient } from '../../sync/webHubClient';

export interface HubChoice {
  client: HubClient;
  /** In a browser the hub is the page's own origin (the cookie and CSP allow no other); null where the delegate types it. */
  fixedHubUrl: string | null;
}

/**
 * The one place that picks the shell's HubClient: in Electron the main process makes the
 * requests (over the preload bridge, any hub address the delegate gives); in a browser, the page's
 * own origin.
 */
export function chooseHubClient(): HubChoice {
  if (bridge.hub) return { client: createElectronHubClient(bridge.hub), fixedHubUrl: null };
  const origin = window.location.origin;
  return { client: createWebHubClient({ origin }), fixedHubUrl: origin };
}
