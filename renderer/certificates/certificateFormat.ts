import { fromBase64Url, toBase64Url } from './base64url';

/**
 * The signed certificate, as a code short enough for a QR code on paper:
 *
 *   GBC1.<base64url(payload ‖ Ed25519 signature)>
 *
 * The payload is a fixed binary layout (see `encodePayload`), so there is exactly one encoding of
 * a certificate and nothing to canonicalise. Pure: runs in the hub, the command and the browser.
 */
export const CODE_PREFIX = 'GBC1.';
const FORMAT = 1;
export const SIGNATURE_BYTES = 64;
/** Signed before the payload, so that a signature made for something else (a pack manifest) is never a certificate's. */
const SIGNATURE_CONTEXT = new TextEncoder().encode('gapbridge certificate v1\0');
/** Scores travel as whole basis points: 8667 is 86.67%. */
export const FULL_SCORE = 10_000;
const MAX_TEXT_BYTES = 255;
const DAY_MS = 86_400_000;

export interface ModuleScore {
  moduleId: string;
  /** Best score of the module's quiz, in basis points. */
  score: number;
}

export interface CertificatePayload {
  /** Such as GB-7F3K-92QD-XM4P. */
  certificateId: string;
  /** The id of the hub key that signed it (see certificateKeys.ts). */
  keyId: string;
  /** The holder's name as they typed it (trimmed, Unicode NFC). */
  holderName: string;
  courseId: string;
  contentVersion: string;
  /** The day the hub issued it, YYYY-MM-DD (UTC). */
  issuedOn: string;
  /** Mean of the best score of each module, in basis points. */
  overallScore: number;
  moduleScores: ModuleScore[];
}

export class CertificateFormatError extends Error {}

export function toBasisPoints(fraction: number): number {
  return Math.round(fraction * FULL_SCORE);
}

/** The holder's name as it is stored and signed: outer spaces trimmed, Unicode NFC, no control characters. */
export function normaliseHolderName(typed: string): string {
  return typed.trim().normalize('NFC');
}

/** Whether a (normalised) name fits a certificate: 1 to 255 bytes of UTF-8, no control characters. */
export function isValidHolderName(name: string): boolean {
  try {
    checkText('holder name', name);
    return true;
  } catch {
    return false;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function checkText(label: string, value: string): Uint8Array {
  const bytes = encoder.encode(value);
  if (bytes.length === 0 || bytes.length > MAX_TEXT_BYTES) throw new CertificateFormatError(`${label} length`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new CertificateFormatError(`${label} has a control character`);
  return bytes;
}

function checkScore(label: string, score: number): number {
  if (!Number.isInteger(score) || score < 0 || score > FULL_SCORE) throw new CertificateFormatError(`${label} score`);
  return score;
}

function daysSinceEpoch(isoDate: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? Date.parse(`${isoDate}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== isoDate)
    throw new CertificateFormatError('issue date');
  const days = ms / DAY_MS;
  if (days < 0 || days > 0xffff) throw new CertificateFormatError('issue date range');
  return days;
}

/**
 * The layout: format (1 byte); key id, certificate id, course id, content version and holder
 * name (each 1 byte of length, then UTF-8); issue day (2 bytes, days since 1970-01-01); overall
 * score (2 bytes); module count (1 byte), then each module's id (length, UTF-8) and score (2 bytes).
 * Numbers are big-endian.
 */
export function encodePayload(payload: CertificatePayload): Uint8Array {
  const parts: number[] = [FORMAT];
  const text = (label: string, value: string) => {
    const bytes = checkText(label, value);
    parts.push(bytes.length, ...bytes);
  };
  const u16 = (value: number) => parts.push(value >> 8, value & 0xff);
  text('key id', payload.keyId);
  text('certificate id', payload.certificateId);
  text('course id', payload.courseId);
  text('content version', payload.contentVersion);
  text('holder name', payload.holderName);
  u16(daysSinceEpoch(payload.issuedOn));
  u16(checkScore('overall', payload.overallScore));
  if (payload.moduleScores.length === 0 || payload.moduleScores.length > 255)
    throw new CertificateFormatError('module count');
  parts.push(payload.moduleScores.length);
  for (const { moduleId, score } of payload.moduleScores) {
    text('module id', moduleId);
    u16(checkScore(moduleId, score));
  }
  return Uint8Array.from(parts);
}

/** The payload in `bytes`, or a CertificateFormatError when they are not exactly one well-formed payload. */
export function decodePayload(bytes: Uint8Array): CertificatePayload {
  let at = 0;
  const need = (count: number) => {
    if (at + count > bytes.length) throw new CertificateFormatError('truncated');
  };
  const u8 = () => {
    need(1);
    return bytes[at++]!;
  };
  const u16 = () => (u8() << 8) | u8();
  const text = () => {
    const length = u8();
    need(length);
    const value = decoder.decode(bytes.subarray(at, at + length));
    at += length;
    return value;
  };
  if (u8() !== FORMAT) throw new CertificateFormatError('unknown format');
  let payload: CertificatePayload;
  try {
    const keyId = text();
    const certificateId = text();
    const courseId = text();
    const contentVersion = text();
    const holderName = text();
    const issuedOn = new Date(u16() * DAY_MS).toISOString().slice(0, 10);
    const overallScore = u16();
    const moduleScores = Array.from({ length: u8() }, () => ({ moduleId: text(), score: u16() }));
    payload = { certificateId, keyId, holderName, courseId, contentVersion, issuedOn, overallScore, moduleScores };
  } catch (error) {
    throw error instanceof CertificateFormatError ? error : new CertificateFormatError('bad text');
  }
  if (at !== bytes.length) throw new CertificateFormatError('trailing bytes');
  // One encoding per certificate: what does not re-encode to the same bytes is not a payload.
  const again = encodePayload(payload);
  if (again.length !== bytes.length || again.some((byte, i) => byte !== bytes[i]))
    throw new CertificateFormatError('not canonical');
  return payload;
}

/** What the signature covers: the context, then the payload. */
export function signedMessage(payloadBytes: Uint8Array): Uint8Array {
  const message = new Uint8Array(SIGNATURE_CONTEXT.length + payloadBytes.length);
  message.set(SIGNATURE_CONTEXT);
  message.set(payloadBytes, SIGNATURE_CONTEXT.length);
  return message;
}

export function assembleCode(payloadBytes: Uint8Array, signature: Uint8Array): string {
  if (signature.length !== SIGNATURE_BYTES) throw new CertificateFormatError('signature length');
  const joined = new Uint8Array(payloadBytes.length + SIGNATURE_BYTES);
  joined.set(payloadBytes);
  joined.set(signature, payloadBytes.length);
  return CODE_PREFIX + toBase64Url(joined);
}

export interface SplitCode {
  payloadBytes: Uint8Array;
  signature: Uint8Array;
  payload: CertificatePayload;
}

/** The parts of a code (surrounding spaces ignored); a CertificateFormatError when it is not one. */
export function splitCode(code: string): SplitCode {
  const trimmed = code.trim();
  if (!trimmed.startsWith(CODE_PREFIX)) throw new CertificateFormatError('not a Gapbridge certificate code');
  const bytes = fromBase64Url(trimmed.slice(CODE_PREFIX.length));
  if (!bytes || bytes.length <= SIGNATURE_BYTES) throw new CertificateFormatError('not base64url');
  const payloadBytes = bytes.subarray(0, bytes.length - SIGNATURE_BYTES);
  return {
    payloadBytes,
    signature: bytes.subarray(bytes.length - SIGNATURE_BYTES),
    payload: decodePayload(payloadBytes),
  };
}

/** Finds a certificate code in a text (a file, a pasted message); null when there is none. */
export function findCode(text: string): string | null {
  return /GBC1\.[A-Za-z0-9_-]+/.exec(text)?.[0] ?? null;
}
