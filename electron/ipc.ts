import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { isLanguageCode, type LanguageCode } from '../renderer/i18n/languages';
import { IPC, SAVED_FILE_TYPES, type SavedFileType } from '../renderer/platform/contract';
import { toAllowedExternalUrl } from '../renderer/platform/externalUrl';
import { fitNotificationText } from '../renderer/platform/notificationText';
import { isAppUrl } from './security/appUrl';

/** What the IPC handlers do once a request is trusted and valid; supplied by main.ts. */
export interface IpcEffects {
  openExternal(url: string): Promise<void>;
  setLanguage(language: LanguageCode): void;
  /** Prints the sender's page to a PDF the user saves; false when cancelled. */
  savePageAsPdf(sender: WebContents, fileName: string): Promise<boolean>;
  /** Saves content to a file the user chooses; false when cancelled. */
  saveFile(sender: WebContents, fileName: string, content: string | Uint8Array): Promise<boolean>;
  /** Shows a desktop notification; false when the system cannot. */
  notify(title: string, body: string): Promise<boolean>;
}

/** The largest file the renderer may ask to save. */
export const MAX_SAVED_BYTES = 50 * 1024 * 1024;

/**
 * A file name for a saved file: the suggestion without path separators, control or reserved
 * characters, at most 100 characters, ending in `.extension`; null when nothing usable is left.
 */
export function toSafeFileName(value: unknown, extension: string): string | null {
  if (typeof value !== 'string') return null;
  const base = value
    .replace(new RegExp(`\\.${extension}$`, 'i'), '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 100);
  return base ? `${base}.${extension}` : null;
}

function isShortText(value: unknown, maximum: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maximum;
}

type SenderFrame = Pick<NonNullable<IpcMainInvokeEvent['senderFrame']>, 'url' | 'parent'> | null;

/** Only the main frame of the app's own page may call the main process. */
export function isTrustedSender(frame: SenderFrame): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export class IpcRefusal extends Error {}

export type IpcHandler = (sender: WebContents, ...args: unknown[]) => Promise<unknown>;

/** Each channel's handler: arguments arrive as unknown and are validated before any effect. */
export function createIpcHandlers(effects: IpcEffects): Record<string, IpcHandler> {
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
      const safe = toSafeFileName(fileName, 'pdf');
      if (!safe) throw new IpcRefusal('Unusable file name');
      return effects.savePageAsPdf(sender, safe);
    },
    async [IPC.saveFile](sender, fileName, content, type) {
      if (typeof type !== 'string' || !Object.hasOwn(SAVED_FILE_TYPES, type)) throw new IpcRefusal('Unknown file type');
      const safe = toSafeFileName(fileName, SAVED_FILE_TYPES[type as SavedFileType].extension);
      if (!safe) throw new IpcRefusal('Unusable file name');
      const isContent =
        isShortText(content, MAX_SAVED_BYTES) ||
        (content instanceof Uint8Array && content.byteLength > 0 && content.byteLength <= MAX_SAVED_BYTES);
      if (!isContent) throw new IpcRefusal('Unusable file content');
      return effects.saveFile(sender, safe, content);
    },
    async [IPC.notify](_sender, title, body) {
      if (!isShortText(title, Infinity) || !isShortText(body, Infinity)) throw new IpcRefusal('Unusable notification');
      // Too long for a notification is shortened, never refused: a refused reminder would be lost.
      return effects.notify(fitNotificationText(title), fitNotificationText(body));
    },
  };
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: Record<string, IpcHandler>): void {
  for (const [channel, handler] of Object.entries(handlers)) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame)) throw new IpcRefusal(`Refused ${channel} from an untrusted sender`);
      return handler(event.sender, ...args);
    });
  }
}
