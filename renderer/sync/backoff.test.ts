import { describe, expect, it } from 'vitest';
import { backoffDelayMs, retryAfterMs } from './backoff';

const policy = { firstMs: 2_000, capMs: 300_000 };

describe('backoff between sync tries', () => {
  it('grows the ceiling exponentially up to the cap', () => {
    const top = () => 1;
    expect(backoffDelayMs(0, policy, top)).toBe(2_000);
    expect(backoffDelayMs(3, policy, top)).toBe(16_000);
    expect(backoffDelayMs(20, policy, top)).toBe(300_000);
  });

  it('spreads devices over the whole window (full jitter), with a floor', () => {
    expect(backoffDelayMs(5, policy, () => 0.5)).toBe(32_000);
    expect(backoffDelayMs(5, policy, () => 0)).toBe(1_000);
  });

  it('reads Retry-After as seconds or as a date, bounded', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Mon, 07 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 07 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('99999999', now)).toBe(86_400_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
