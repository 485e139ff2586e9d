import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { isLanguageCode, type LanguageCode } from '../renderer/i18n/languages';
import { IPC } from '../renderer/platform/contract';
import { toAllowedExternalUrl } from '../renderer/platform/externalUrl';
import { isAppUrl } from './security/appUrl';

/** What the IPC handlers do once a request is trusted and valid; supplied by main.ts. */
export interface IpcEffects {
  openExternal(url: string): Promise<void>;
  setLanguage(language: LanguageCode): void;
}

type SenderFrame = Pick<NonNullable<IpcMainInvokeEvent['senderFrame']>, 'url' | 'parent'> | null;

/** Only the main frame of the app's own page may call the main process. */
export function isTrustedSender(frame: SenderFrame): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export class IpcRefusal extends Error {}

type Handler = (...args: unknown[]) => Promise<unknown>;

/** Each channel's handler: arguments arrive as unknown and are validated before any effect. */
export function createIpcHandlers(effects: IpcEffects): Record<string, Handler> {
  return {
    async [IPC.openExternal](url) {
      const allowed = toAllowedExternalUrl(url);
      if (!allowed) return false;
      await effects.openExternal(allowed);
      return true;
    },
    async [IPC.setLanguage](language) {
      if (!isLanguageCode(language)) throw new IpcRefusal('Unknown language');
      effects.setLanguage(language);
    },
  };
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: Record<string, Handler>): void {
  for (const [channel, handler] of Object.entries(handlers)) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame)) throw new IpcRefusal(`Refused ${channel} from an untrusted sender`);
      return handler(...args);
    });
  }
}
