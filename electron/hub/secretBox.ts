/** Encrypts the session token for the disk with the system's keychain or keyring. */
export interface SecretBox {
  /** False when the system offers no real encryption: the token is then never stored. */
  available(): Promise<boolean>;
  encrypt(plain: string): Promise<Uint8Array>;
  decrypt(encrypted: Uint8Array): Promise<string>;
}

/** The part of Electron's `safeStorage` the box uses (asynchronous API; the synchronous one is deprecated). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Uint8Array>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string }>;
  getSelectedStorageBackend?(): string;
}

/**
 * `safeStorage` as a SecretBox. On Linux without a keyring, Chromium falls back to `basic_text`,
 * a key built into the program: that is obfuscation, not encryption, so it counts as unavailable.
 */
export function safeStorageBox(safeStorage: SafeStorageLike, platform: NodeJS.Platform): SecretBox {
  return {
    async available() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
      return platform !== 'linux' || safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
    },
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    async decrypt(encrypted) {
      return (await safeStorage.decryptStringAsync(Buffer.from(encrypted))).result;
    },
  };
}
