import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { toHubOrigin } from './hubOrigin';
import type { SecretBox } from './secretBox';

/** A signed-in session, held in the main process's memory only. */
export interface HubSession {
  email: string;
  /** The bearer token: encrypted on disk, never sent to the renderer. */
  token: string;
  expiresAt: string;
}

/** The hub the delegate chose, and the session on it if signed in. */
export interface HubSettings {
  hubUrl: string;
  session: HubSession | null;
}

export class NoSecureStorage extends Error {
  constructor() {
    super('The system offers no encrypted storage for the hub session');
    this.name = 'NoSecureStorage';
  }
}

const fileSchema = z.object({
  version: z.literal(1),
  hubUrl: z.string(),
  session: z
    .object({
      email: z.string().min(1),
      expiresAt: z.string().min(1),
      /** The token as encrypted by the SecretBox, in base64. */
      encryptedToken: z.string().min(1),
    })
    .nullable(),
});
type HubFile = z.infer<typeof fileSchema>;

export interface HubSettingsFile {
  /** True when a session may be stored (the SecretBox can really encrypt). */
  canKeepSecrets(): Promise<boolean>;
  /** What is stored; null when nothing is, or the file is unreadable. A token that cannot be decrypted counts as signed out. */
  read(): Promise<HubSettings | null>;
  /** Stores the settings; with a session, only encrypted, else fails with NoSecureStorage. */
  write(settings: HubSettings): Promise<void>;
}

/**
 * The hub address stored in `file`, without decrypting the session: the app's updater asks the
 * same hub (electron/appUpdates.ts). Null when none is stored or the file is unreadable.
 */
export async function readHubAddress(file: string): Promise<string | null> {
  try {
    return toHubOrigin(fileSchema.parse(JSON.parse(await readFile(file, 'utf8'))).hubUrl);
  } catch {
    return null;
  }
}

/** The hub address and the encrypted session token, in one JSON file (under userData). */
export function createHubSettingsFile(file: string, box: SecretBox): HubSettingsFile {
  async function decryptSession(stored: HubFile['session']): Promise<HubSession | null> {
    if (!stored) return null;
    try {
      const token = await box.decrypt(Buffer.from(stored.encryptedToken, 'base64'));
      return token ? { email: stored.email, expiresAt: stored.expiresAt, token } : null;
    } catch {
      // Another user's keychain, a reinstalled system: the token is lost, sign in again.
      return null;
    }
  }

  return {
    canKeepSecrets: () => box.available(),

    async read() {
      let parsed: HubFile;
      try {
        parsed = fileSchema.parse(JSON.parse(await readFile(file, 'utf8')));
      } catch {
        return null;
      }
      const hubUrl = toHubOrigin(parsed.hubUrl);
      if (!hubUrl) return null;
      return { hubUrl, session: await decryptSession(parsed.session) };
    },

    async write({ hubUrl, session }) {
      let stored: HubFile['session'] = null;
      if (session) {
        if (!(await box.available())) throw new NoSecureStorage();
        const encrypted = await box.encrypt(session.token);
        stored = {
          email: session.email,
          expiresAt: session.expiresAt,
          encryptedToken: Buffer.from(encrypted).toString('base64'),
        };
      }
      const content: HubFile = { version: 1, hubUrl, session: stored };
      // Written beside the file, then renamed over it: a crash leaves the old file or the new one.
      const temporary = `${file}.${randomUUID()}.tmp`;
      try {
        await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}
