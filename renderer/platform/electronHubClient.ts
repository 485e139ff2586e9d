import { HubAccountError, type HubClient } from '../sync/hubClient';
import { SyncTransportError } from '../sync/transport';
import type { HubAccountResult, HubBridge } from './contract';

function valueOf<T>(result: HubAccountResult<T>): T {
  if (!result.ok) throw new HubAccountError(result.failure);
  return result.value;
}

/**
 * The HubClient of the desktop app: every request is made by the main process, which keeps the
 * session token; the renderer only ever sees results. Failures arrive as plain data (an Error
 * does not cross IPC whole) and become the same typed errors as in a browser.
 */
export function createElectronHubClient(hub: HubBridge): HubClient {
  return {
    account: async () => valueOf(await hub.account()),
    register: async (hubUrl, email, password) => valueOf(await hub.register(hubUrl, email, password)),
    signIn: async (hubUrl, email, password) => valueOf(await hub.signIn(hubUrl, email, password)),
    signOut: () => hub.signOut(),
    transport: {
      async exchange(request) {
        const result = await hub.exchange(request);
        if (!result.ok) throw new SyncTransportError(result.failure);
        return result.answer;
      },
    },
    async request(request) {
      const result = await hub.request(request);
      if (!result.ok) throw new SyncTransportError(result.failure);
      return result.response;
    },
  };
}
