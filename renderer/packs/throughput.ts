/** How far back the download speed is measured: recent enough to follow a link that changes. */
export const THROUGHPUT_WINDOW_MS = 20_000;

/**
 * Time left for a download, from the bytes received in the last few seconds (not since the start:
 * a 2G link that stalled or sped up says so quickly).
 */
export function createThroughputMeter(windowMs = THROUGHPUT_WINDOW_MS) {
  let samples: { at: number; bytes: number }[] = [];
  return {
    /** `bytes`: received so far in this run, counted from the first sample. */
    sample(at: number, bytes: number) {
      samples.push({ at, bytes });
      samples = samples.filter((each) => each.at >= at - windowMs);
    },
    /** Seconds until `remaining` bytes arrive at the recent speed; null until it is known. */
    secondsLeft(remaining: number): number | null {
      if (remaining <= 0) return 0;
      const first = samples[0];
      const last = samples.at(-1);
      if (!first || !last || last.at - first.at < 500 || last.bytes <= first.bytes) return null;
      const bytesPerMs = (last.bytes - first.bytes) / (last.at - first.at);
      return Math.ceil(remaining / bytesPerMs / 1000);
    },
    reset() {
      samples = [];
    },
  };
}
