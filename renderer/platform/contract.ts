/**
 * The one bridge between the renderer and the desktop shell. `electron/preload.ts` implements it
 * with IPC (`satisfies GapbridgeBridge`); `webBridge.ts` implements it for a plain browser.
 * Pure types and constants: imported by both the renderer and the main process.
 */
import type { LanguageCode } from '../i18n/languages';

export const VIEWS = ['course', 'meetings', 'drafts', 'settings'] as const;
export type ViewName = (typeof VIEWS)[number];

export function isViewName(value: unknown): value is ViewName {
  return typeof value === 'string' && (VIEWS as readonly string[]).includes(value);
}

export interface GapbridgeBridge {
  /** Which shell the renderer runs in. */
  readonly shell: 'electron' | 'web';
  /** Opens an allow-listed https address in the system browser; false when refused. */
  openExternal(url: string): Promise<boolean>;
  /** Tells the shell the interface language, so that its menu follows. */
  setLanguage(language: LanguageCode): Promise<void>;
  /**
   * Saves the page as printed (the certificate) as a PDF: in Electron through printToPDF and a
   * save dialog; in a browser through its print dialog. False when the user cancelled.
   */
  savePageAsPdf(suggestedFileName: string): Promise<boolean>;
  /** Calls `listener` when the application menu asks for a view; returns the unsubscribe. */
  onNavigate(listener: (view: ViewName) => void): () => void;
}

/** IPC channel names, one prefix so that the main process can refuse anything else. */
export const IPC = {
  openExternal: 'gapbridge:open-external',
  setLanguage: 'gapbridge:set-language',
  savePageAsPdf: 'gapbridge:save-page-as-pdf',
  navigate: 'gapbridge:navigate',
} as const;

/** The renderer's origin in Electron. Chosen once: IndexedDB is per origin, so never change it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'gapbridge';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
