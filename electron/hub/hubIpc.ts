import { IPC, type HubBridge } from '../../renderer/platform/contract';
import { IpcRefusal, type IpcHandler } from '../ipc';
import { MAX_HUB_ADDRESS_LENGTH } from './hubOrigin';
import { toHubRequest } from './hubRequestSchema';
import { toSyncRequest } from './syncRequestSchema';

/** The longest e-mail address (RFC 5321) and password the hub accepts (server/src/accounts/routes.ts). */
export const MAX_EMAIL_LENGTH = 254;
export const MAX_PASSWORD_LENGTH = 1024;

function isText(value: unknown, maximum: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maximum;
}

/** The three arguments of register and sign-in, checked for type and size; the hub judges the rest. */
function credentials(hubUrl: unknown, email: unknown, password: unknown): [string, string, string] {
  if (!isText(hubUrl, MAX_HUB_ADDRESS_LENGTH)) throw new IpcRefusal('Unusable hub address');
  if (!isText(email, MAX_EMAIL_LENGTH)) throw new IpcRefusal('Unusable e-mail address');
  if (!isText(password, MAX_PASSWORD_LENGTH)) throw new IpcRefusal('Unusable password');
  return [hubUrl, email, password];
}

/** A channel called with more arguments than it takes is not one the preload makes: refused. */
function noMore(extra: unknown[]): void {
  if (extra.length > 0) throw new IpcRefusal('Unexpected arguments');
}

/** The hub's IPC channels: arguments arrive as unknown and are checked before the hub is asked. */
export function createHubIpcHandlers(hub: HubBridge): Record<string, IpcHandler> {
  return {
    async [IPC.hubAccount](_sender, ...extra) {
      noMore(extra);
      return hub.account();
    },
    async [IPC.hubRegister](_sender, hubUrl, email, password, ...extra) {
      noMore(extra);
      return hub.register(...credentials(hubUrl, email, password));
    },
    async [IPC.hubSignIn](_sender, hubUrl, email, password, ...extra) {
      noMore(extra);
      return hub.signIn(...credentials(hubUrl, email, password));
    },
    async [IPC.hubSignOut](_sender, ...extra) {
      noMore(extra);
      return hub.signOut();
    },
    async [IPC.hubExchange](_sender, request, ...extra) {
      noMore(extra);
      const checked = toSyncRequest(request);
      if (!checked) throw new IpcRefusal('Malformed sync request');
      return hub.exchange(checked);
    },
    async [IPC.hubRequest](_sender, request, ...extra) {
      noMore(extra);
      const checked = toHubRequest(request);
      if (!checked) throw new IpcRefusal('Malformed hub request');
      return hub.request(checked);
    },
  };
}
