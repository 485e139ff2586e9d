import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reversibleBox } from './fakes.testing';
import { createHubSettingsFile, NoSecureStorage, readHubAddress } from './hubSettingsFile';

const TOKEN = 'tok_9Jf3kQ2mZx81LwPq0sVb7nRt';
const session = { email: 'amina@example.org', token: TOKEN, expiresAt: '2027-01-06T10:00:00.000Z' };

describe('the hub settings file', () => {
  let folder: string;
  let file: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'gapbridge-hub-file-'));
    file = path.join(folder, 'hub.json');
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('keeps the address and the session, the token only encrypted, readable by this user only', async () => {
    const settings = createHubSettingsFile(file, reversibleBox());
    await settings.write({ hubUrl: 'https://hub.example.org', session });
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('https://hub.example.org');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(folder)).toEqual(['hub.json']);
    expect(await settings.read()).toEqual({ hubUrl: 'https://hub.example.org', session });
  });

  it('refuses to store a session when the system cannot encrypt it, and leaves the file as it was', async () => {
    await createHubSettingsFile(file, reversibleBox()).write({ hubUrl: 'https://hub.example.org', session: null });
    const before = await readFile(file, 'utf8');
    const settings = createHubSettingsFile(file, reversibleBox(false));
    await expect(settings.write({ hubUrl: 'https://hub.example.org', session })).rejects.toBeInstanceOf(
      NoSecureStorage,
    );
    expect(await readFile(file, 'utf8')).toBe(before);
    // The address alone holds no secret.
    await settings.write({ hubUrl: 'https://other.example.org', session: null });
    expect((await settings.read())?.hubUrl).toBe('https://other.example.org');
  });

  it('reads nothing from a missing, damaged or tampered file', async () => {
    const settings = createHubSettingsFile(file, reversibleBox());
    expect(await settings.read()).toBeNull();
    await writeFile(file, '{"version":1,"hubUrl":');
    expect(await settings.read()).toBeNull();
    await writeFile(file, JSON.stringify({ version: 1, hubUrl: 'http://attacker.example', session: null }));
    expect(await settings.read()).toBeNull();
  });

  it('counts a token it cannot decrypt (another keychain) as signed out, keeping the address', async () => {
    await createHubSettingsFile(file, reversibleBox()).write({ hubUrl: 'https://hub.example.org', session });
    const otherKeychain = {
      ...reversibleBox(),
      decrypt: async () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      },
    };
    expect(await createHubSettingsFile(file, otherKeychain).read()).toEqual({
      hubUrl: 'https://hub.example.org',
      session: null,
    });
  });

  it('gives the app updater the hub address alone, signed in or not, and nothing from a bad file', async () => {
    expect(await readHubAddress(file)).toBeNull();
    const settings = createHubSettingsFile(file, reversibleBox());
    await settings.write({ hubUrl: 'https://hub.example.org', session });
    expect(await readHubAddress(file)).toBe('https://hub.example.org');
    await settings.write({ hubUrl: 'https://other.example.org', session: null });
    expect(await readHubAddress(file)).toBe('https://other.example.org');
    await writeFile(file, JSON.stringify({ version: 1, hubUrl: 'http://attacker.example', session: null }));
    expect(await readHubAddress(file)).toBeNull();
  });
});
