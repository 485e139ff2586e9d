import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keysOf, samplePayload, testKey } from '../../renderer/certificates/signing.testing';
import { runVerify, withCodeFromPdf } from '../../scripts/verifyCommand';

describe('npm run verify', () => {
  let dir: string;
  const key = testKey();
  let keysFile: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'gb-verify-'));
    keysFile = path.join(dir, 'keys.json');
    writeFileSync(keysFile, JSON.stringify(keysOf(key.published)));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the holder, scores, date and key of a valid code, given as text or in a file', () => {
    const code = key.sign(samplePayload());
    const direct = runVerify([code, '--keys', keysFile]);
    expect(direct.exitCode).toBe(0);
    expect(direct.lines.join('\n')).toMatch(/Holder: +Amina Diallo[\s\S]*Issued: +2026-12-07[\s\S]*86\.67%/);
    expect(direct.lines.at(-1)).toContain(key.published.keyId);
    const file = path.join(dir, 'certificate.txt');
    writeFileSync(file, `Gapbridge certificate\n\n${code}\n`);
    expect(runVerify(['--keys', keysFile, file])).toEqual(direct);
  });

  it('reads the code from a PDF that Chromium printed', async () => {
    const pdf = path.resolve(import.meta.dirname, '../../renderer/certificates/fixtures/chromium-printed-code.pdf');
    const printed = readFileSync(pdf.replace(/\.pdf$/, '.txt'), 'utf8').trim();
    expect(await withCodeFromPdf(['--keys', keysFile, pdf])).toEqual(['--keys', keysFile, printed]);
    // Signed by a test key of its own: found and read, but not in this keys file.
    const result = runVerify(await withCodeFromPdf([pdf, '--keys', keysFile]));
    expect(result.lines.join('\n')).toMatch(/not in the keys file[\s\S]*It claims: Amina Diallo/);
  });

  it('needs no network: it verifies with every network call failing', () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('network is off'));
    try {
      expect(runVerify([key.sign(samplePayload()), '--keys', keysFile]).exitCode).toBe(0);
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      fetch.mockRestore();
    }
  });

  it('says why a code fails', () => {
    const code = key.sign(samplePayload());
    const changed = code.slice(0, 40) + (code[40] === 'Q' ? 'R' : 'Q') + code.slice(41);
    expect(runVerify([changed, '--keys', keysFile]).exitCode).toBe(1);
    expect(runVerify([testKey().sign(samplePayload()), '--keys', keysFile]).lines[0]).toMatch(/not in the keys file/);
    writeFileSync(keysFile, JSON.stringify(keysOf({ ...key.published, revokedAt: '2026-12-01T00:00:00.000Z' })));
    expect(runVerify([code, '--keys', keysFile]).lines[0]).toMatch(/revoked/);
    expect(runVerify(['GBC1.AAAA', '--keys', keysFile]).lines[0]).toMatch(/not a well-formed/);
  });

  it('checks against the keys the app ships when no keys file is given', () => {
    const result = runVerify([key.sign(samplePayload())]);
    expect(result.exitCode).toBe(1);
    expect(result.lines.join('\n')).toMatch(/keys this build ships/);
    expect(runVerify([]).exitCode).toBe(2);
  });
});
