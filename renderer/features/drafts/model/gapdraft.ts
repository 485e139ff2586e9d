import * as Y from 'yjs';
import { z } from 'zod';
import type { DraftRecord } from '../../../db/records';
import { LANGUAGES, type LanguageCode } from '../../../i18n/languages';

/**
 * A draft on a USB stick: one JSON file with the draft's metadata and its whole Yjs state.
 * Importing a draft that exists merges the two states (Yjs), so nothing is duplicated or lost.
 */
const MAX_GAPDRAFT_BYTES = 50 * 1024 * 1024;

const gapdraftSchema = z.strictObject({
  format: z.literal('gapdraft'),
  version: z.literal(1),
  draft: z.strictObject({
    id: z.string().min(1).max(200),
    title: z.string().max(1000),
    status: z.enum(['draft', 'ready', 'submitted']),
    language: z.enum(LANGUAGES.map((l) => l.code) as [LanguageCode, ...LanguageCode[]]),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  }),
  state: z.base64(),
  /**
   * Safe mode's export of a draft that would not open: every stored update as it is on disk,
   * unreadable ones included, for whoever tries to recover them. `state` is what could be read.
   */
  rawUpdates: z.array(z.base64()).max(1_000_000).optional(),
});

export type GapdraftMeta = z.infer<typeof gapdraftSchema>['draft'];

export class GapdraftError extends Error {
  constructor(readonly code: 'too-large' | 'not-gapdraft' | 'damaged') {
    super(code);
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

export function encodeGapdraft(draft: Pick<DraftRecord, keyof GapdraftMeta>, doc: Y.Doc): string {
  const { id, title, status, language, createdAt, updatedAt } = draft;
  return JSON.stringify({
    format: 'gapdraft',
    version: 1,
    draft: { id, title, status, language, createdAt, updatedAt },
    state: toBase64(Y.encodeStateAsUpdate(doc)),
  });
}

/** Safe mode's export: what could be read, and every stored update untouched. */
export function encodeRawGapdraft(
  draft: Pick<DraftRecord, keyof GapdraftMeta>,
  readable: Y.Doc,
  storedUpdates: readonly Uint8Array[],
): string {
  const file = JSON.parse(encodeGapdraft(draft, readable)) as Record<string, unknown>;
  return JSON.stringify({ ...file, rawUpdates: storedUpdates.map(toBase64) });
}

/** Reads a .gapdraft file; the Yjs state is checked by applying it to a scratch document. */
export function decodeGapdraft(bytes: ArrayBuffer): { meta: GapdraftMeta; update: Uint8Array } {
  if (bytes.byteLength > MAX_GAPDRAFT_BYTES) throw new GapdraftError('too-large');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new GapdraftError('not-gapdraft');
  }
  const parsed = gapdraftSchema.safeParse(json);
  if (!parsed.success) throw new GapdraftError('not-gapdraft');
  const update = fromBase64(parsed.data.state);
  try {
    Y.applyUpdate(new Y.Doc(), update);
  } catch {
    throw new GapdraftError('damaged');
  }
  return { meta: parsed.data.draft, update };
}
