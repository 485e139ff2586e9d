/** How long to wait before the next try, never less than the first step nor more than the cap. */
export interface BackoffPolicy {
  firstMs: number;
  capMs: number;
}

/** From a few seconds to five minutes: a link that drops every minute is tried again soon, a dead one rarely. */
export const SYNC_BACKOFF: BackoffPolicy = { firstMs: 2_000, capMs: 5 * 60_000 };

/**
 * "Full jitter" exponential backoff: a random wait up to first·2^failures (capped). Many devices
 * that lost the hub together (a power cut at the hub, a national link back up) then return spread
 * out, not all in the same second.
 */
export function backoffDelayMs(failures: number, policy: BackoffPolicy = SYNC_BACKOFF, random = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.firstMs * 2 ** Math.max(0, failures));
  return Math.max(policy.firstMs / 2, Math.round(random() * ceiling));
}

/**
 * The wait a `Retry-After` header asks for, in milliseconds: delta-seconds or an HTTP date.
 * Null when absent or unreadable; never negative, never more than a day.
 */
export function retryAfterMs(header: string | null | undefined, nowMs = Date.now()): number | null {
  if (!header) return null;
  const text = header.trim();
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - nowMs;
  if (!Number.isFinite(ms)) return null;
  return Math.min(Math.max(0, ms), 86_400_000);
}
