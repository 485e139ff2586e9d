/**
 * The one bridge between the renderer and the desktop shell. `electron/preload.ts` implements it
 * with IPC (`satisfies GapbridgeBridge`); `webBridge.ts` implements it for a plain browser.
 * Pure types and constants: imported by both the renderer and the main process.
 */
import type { LanguageCode } from '../i18n/languages';
import type { AccountFailure, HubAccount } from '../sync/hubClient';
import type { HubRequest, HubResponse } from '../sync/hubRequest';
import type { SyncFailure } from '../sync/transport';
import type { SyncAnswer, SyncRequest } from '../sync/wire';

export const VIEWS = ['home', 'course', 'meetings', 'drafts', 'settings'] as const;
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
  /**
   * Saves a file the user names (in Electron a save dialog, in a browser a download).
   * False when the user cancelled.
   */
  saveFile(suggestedName: string, content: string | Uint8Array, type: SavedFileType): Promise<boolean>;
  /** Shows a desktop notification; false when notifications are not allowed. */
  notify(title: string, body: string): Promise<boolean>;
  /** Calls `listener` when the application menu asks for a view; returns the unsubscribe. */
  onNavigate(listener: (view: ViewName) => void): () => void;
  /** The hub, reached through the main process (Electron only; a browser talks to its hub itself). */
  readonly hub?: HubBridge | undefined;
}

/** An account request's outcome as it crosses IPC, where an Error would lose its kind. */
export type HubAccountResult<T> = { ok: true; value: T } | { ok: false; failure: AccountFailure };
export type HubExchangeResult = { ok: true; answer: SyncAnswer } | { ok: false; failure: SyncFailure };
export type HubRequestResult = { ok: true; response: HubResponse } | { ok: false; failure: SyncFailure };

/**
 * The hub as the Electron main process offers it: it makes every request and keeps the session
 * token, which never crosses to the renderer.
 */
export interface HubBridge {
  account(): Promise<HubAccountResult<HubAccount | null>>;
  register(hubUrl: string, email: string, password: string): Promise<HubAccountResult<HubAccount>>;
  signIn(hubUrl: string, email: string, password: string): Promise<HubAccountResult<HubAccount>>;
  signOut(): Promise<void>;
  exchange(request: SyncRequest): Promise<HubExchangeResult>;
  /** Another hub route (`HubClient.request`), with the session's token added here when signed in. */
  request(request: HubRequest): Promise<HubRequestResult>;
}

/** The kinds of text file the app saves, with their extension and media type. */
export const SAVED_FILE_TYPES = {
  ics: { extension: 'ics', mediaType: 'text/calendar' },
  docx: { extension: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  gapdraft: { extension: 'gapdraft', mediaType: 'application/json' },
} as const;
export type SavedFileType = keyof typeof SAVED_FILE_TYPES;

/** IPC channel names, one prefix so that the main process can refuse anything else. */
export const IPC = {
  openExternal: 'gapbridge:open-external',
  setLanguage: 'gapbridge:set-language',
  savePageAsPdf: 'gapbridge:save-page-as-pdf',
  saveFile: 'gapbridge:save-file',
  notify: 'gapbridge:notify',
  navigate: 'gapbridge:navigate',
  hubAccount: 'gapbridge:hub-account',
  hubRegister: 'gapbridge:hub-register',
  hubSignIn: 'gapbridge:hub-sign-in',
  hubSignOut: 'gapbridge:hub-sign-out',
  hubExchange: 'gapbridge:hub-exchange',
  hubRequest: 'gapbridge:hub-request',
} as const;

/** The renderer's origin in Electron. Chosen once: IndexedDB is per origin, so never change it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'gapbridge';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
