import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { isLanguageCode, type LanguageCode } from '../renderer/i18n/languages';
import { IPC } from '../renderer/platform/contract';
import { toAllowedExternalUrl } from '../renderer/platform/externalUrl';
import { isAppUrl } from './security/appUrl';

/** What the IPC handlers do once a request is trusted and valid; supplied by main.ts. */
export interface IpcEffects {
  openExternal(url: string): Promise<void>;
  setLanguage(language: LanguageCode): void;
  /** Prints the sender's page to a PDF the user saves; false when cancelled. */
  savePageAsPdf(sender: WebContents, fileName: string): Promise<boolean>;
}

/**
 * A file name for a saved PDF: the suggestion without path separators, control or reserved
 * characters, at most 100 characters, ending in .pdf; null when nothing usable is left.
 */
export function toSafePdfFileName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const base = value
    .replace(/\.pdf$/i, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 100);
  return base ? `${base}.pdf` : null;
}

type SenderFrame = Pick<NonNullable<IpcMainInvokeEvent['senderFrame']>, 'url' | 'parent'> | null;

/** Only the main frame of the app's own page may call the main process. */
export function isTrustedSender(frame: SenderFrame): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export class IpcRefusal extends Error {}

type Handler = (sender: WebContents, ...args: unknown[]) => Promise<unknown>;

/** Each channel's handler: arguments arrive as unknown and are validated before any effect. */
export function createIpcHandlers(effects: IpcEffects): Record<string, Handler> {
  return {
    async [IPC.openExternal](_sender, url) {
      const allowed = toAllowedExternalUrl(url);
      if (!allowed) return false;
      await effects.openExternal(allowed);
      return true;
    },
    async [IPC.setLanguage](_sender, language) {
      if (!isLanguageCode(language)) throw new IpcRefusal('Unknown language');
      effects.setLanguage(language);
    },
    async [IPC.savePageAsPdf](sender, fileName) {
      const safe = toSafePdfFileName(fileName);
      if (!safe) throw new IpcRefusal('Unusable file name');
      return effects.savePageAsPdf(sender, safe);
    },
  };
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: Record<string, Handler>): void {
  for (const [channel, handler] of Object.entries(handlers)) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame)) throw new IpcRefusal(`Refused ${channel} from an untrusted sender`);
      return handler(event.sender, ...args);
    });
  }
}
