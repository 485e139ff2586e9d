/**
 * Reads a body to its end, giving up if the link goes quiet for `stallMs`: `onStall` aborts the
 * request, and the read is cancelled too, since not every body stream follows the abort signal.
 * A body longer than `maxBytes` is abandoned as well.
 */
export async function readWithStallGuard(
  response: Response,
  stallMs: number,
  onStall: () => void,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stalled = false;
  const quiet = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      onStall();
      reader.cancel().catch(() => undefined);
    }, stallMs);
  };
  try {
    for (quiet(); ; quiet()) {
      const { done, value } = await reader.read();
      if (stalled) throw new Error('stalled');
      if (done) break;
      length += value.byteLength;
      if (length > maxBytes) throw new Error('too large');
      chunks.push(value);
    }
  } finally {
    clearTimeout(timer);
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
