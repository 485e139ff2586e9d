/** Why checked bytes could not be inflated: not gzip, or more than the signed size (a gzip bomb). */
export type InflateOutcome = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'invalid-pack' | 'too-large' };

/**
 * Inflates a pack's gzip bytes (already checked against the signed hash) with the platform's
 * DecompressionStream (Chromium, and Node's globals), stopping as soon as the output passes
 * `inflatedSize`, the size the manifest signs: a bomb costs at most that much memory.
 */
export async function inflatePack(gzip: Uint8Array, inflatedSize: number): Promise<InflateOutcome> {
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      controller.enqueue(new Uint8Array(gzip));
      controller.close();
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('gzip')).getReader();
  const pieces: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      if (length > inflatedSize) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too-large' };
      }
      pieces.push(value);
    }
  } catch {
    return { ok: false, reason: 'invalid-pack' };
  }
  if (length !== inflatedSize) return { ok: false, reason: 'invalid-pack' };
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const piece of pieces) {
    bytes.set(piece, offset);
    offset += piece.length;
  }
  return { ok: true, bytes };
}
