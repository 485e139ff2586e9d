import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FULL_SCORE, findCode } from '../renderer/certificates/certificateFormat';
import { certificateKeysSchema } from '../renderer/certificates/certificateKeys';
import { findCodeInText } from '../renderer/certificates/findCode';
import { pdfText, PdfReadError } from '../renderer/certificates/pdfTextInNode';
import { verifyCertificate, type VerificationFailure } from '../renderer/certificates/verifyCertificate';

/** The keys the app ships; `npm run hub -- certificate-keys` prints a hub's. */
export const SHIPPED_KEYS = path.resolve(import.meta.dirname, '../renderer/certificates/certificate-keys.json');

const REASONS: Record<VerificationFailure, string> = {
  malformed: 'not a well-formed Gapbridge certificate code',
  'unknown-key': 'signed by a key that is not in the keys file',
  'revoked-key': 'signed by a key that has been revoked: it can no longer be trusted',
  tampered: 'the signature does not match: the certificate was changed after it was signed',
};

const percent = (basisPoints: number) => `${((basisPoints / FULL_SCORE) * 100).toFixed(2)}%`;

/**
 * `npm run verify -- FILE_OR_CODE [--keys FILE]`: checks a certificate offline. Returns the
 * exit code (0 valid, 1 not valid, 2 usage) and the lines to print.
 */
export function runVerify(args: readonly string[]): { exitCode: number; lines: string[] } {
  const keysAt = args.indexOf('--keys');
  const keysFile = keysAt >= 0 ? args[keysAt + 1] : SHIPPED_KEYS;
  const target = keysAt < 0 ? args[0] : args.filter((_, i) => i !== keysAt && i !== keysAt + 1)[0];
  if (!target || !keysFile) return { exitCode: 2, lines: ['usage: npm run verify -- FILE_OR_CODE [--keys KEYS.json]'] };

  let keys;
  try {
    keys = certificateKeysSchema.parse(JSON.parse(readFileSync(keysFile, 'utf8')));
  } catch (error) {
    return { exitCode: 2, lines: [`Cannot read the keys file ${keysFile}: ${(error as Error).message}`] };
  }
  const text = !target.startsWith('GBC1.') && existsSync(target) ? readFileSync(target, 'utf8') : target;
  const code = findCode(text) ?? text.trim();

  const result = verifyCertificate(code, keys);
  if (!result.ok) {
    const lines = [`NOT VALID: ${REASONS[result.reason]} (${result.detail}).`];
    if (result.certificate)
      lines.push(`It claims: ${result.certificate.holderName}, ${result.certificate.certificateId}.`);
    if (result.reason === 'unknown-key' && keysAt < 0)
      lines.push(
        "Checked against the keys this build ships; pass --keys FILE with a hub's keys (npm run hub -- certificate-keys).",
      );
    return { exitCode: 1, lines };
  }
  const { certificate, key } = result;
  return {
    exitCode: 0,
    lines: [
      'VALID Gapbridge certificate',
      `Holder:          ${certificate.holderName}`,
      `Certificate:     ${certificate.certificateId}`,
      `Course:          ${certificate.courseId}, content version ${certificate.contentVersion}`,
      `Issued:          ${certificate.issuedOn}`,
      `Overall score:   ${percent(certificate.overallScore)}`,
      ...certificate.moduleScores.map(({ moduleId, score }) => `  ${moduleId.padEnd(14)} ${percent(score)}`),
      `Signed with key: ${key.keyId}${key.retiredAt ? ` (retired ${key.retiredAt.slice(0, 10)}, still valid)` : ''}`,
    ],
  };
}

/**
 * The arguments with a PDF (the certificate as Gapbridge prints it) replaced by the code its text
 * holds under the QR code; other arguments as they are. A PDF without a code stays a file name,
 * so the verifier says it is not a code.
 */
export async function withCodeFromPdf(args: readonly string[]): Promise<string[]> {
  return Promise.all(
    args.map(async (arg) => {
      if (arg.startsWith('GBC1.') || !arg.toLowerCase().endsWith('.pdf') || !existsSync(arg)) return arg;
      try {
        return findCodeInText(await pdfText(new Uint8Array(await readFile(arg)))) ?? arg;
      } catch (error) {
        if (error instanceof PdfReadError) return arg;
        throw error;
      }
    }),
  );
}
