import type { HubClient } from '../../sync/hubClient';
import { createWebHubClient } from '../../sync/webHubClient';

export interface HubChoice {
  client: HubClient;
  /** In a browser the hub is the page's own origin (the cookie and CSP allow no other); null where the delegate types it. */
  fixedHubUrl: string | null;
}

/** The one place that picks the shell's HubClient: Electron's (over the preload bridge) or the browser's. */
export function chooseHubClient(): HubChoice {
  const origin = window.location.origin;
  return { client: createWebHubClient({ origin }), fixedHubUrl: origin };
}
