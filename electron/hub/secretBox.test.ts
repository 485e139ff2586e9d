import { describe, expect, it } from 'vitest';
import { safeStorageBox, type SafeStorageLike } from './secretBox';

function safeStorage(available: boolean, backend: string): SafeStorageLike {
  return {
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (plain) => Buffer.from(plain, 'utf8').reverse(),
    decryptStringAsync: async (encrypted) => ({ result: Buffer.from(encrypted).reverse().toString('utf8') }),
    getSelectedStorageBackend: () => backend,
  };
}

describe('safeStorageBox', () => {
  it('is available only with real encryption: not without it, nor with Linux basic_text', async () => {
    expect(await safeStorageBox(safeStorage(true, 'gnome_libsecret'), 'linux').available()).toBe(true);
    expect(await safeStorageBox(safeStorage(true, 'basic_text'), 'linux').available()).toBe(false);
    expect(await safeStorageBox(safeStorage(false, 'kwallet6'), 'linux').available()).toBe(false);
    expect(await safeStorageBox(safeStorage(true, 'unknown'), 'darwin').available()).toBe(true);
    expect(await safeStorageBox(safeStorage(false, 'unknown'), 'win32').available()).toBe(false);
  });

  it('encrypts and decrypts through safeStorage', async () => {
    const box = safeStorageBox(safeStorage(true, 'kwallet6'), 'linux');
    const encrypted = await box.encrypt('secret-token');
    expect(Buffer.from(encrypted).toString('utf8')).not.toBe('secret-token');
    expect(await box.decrypt(encrypted)).toBe('secret-token');
  });
});
