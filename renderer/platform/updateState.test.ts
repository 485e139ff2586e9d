import { describe, expect, it } from 'vitest';
import { isUpdateState } from './updateState';

describe('isUpdateState', () => {
  it('accepts each state the main process sends', () => {
    for (const state of [
      { kind: 'idle' },
      { kind: 'checking' },
      { kind: 'downloading', version: '0.2.0', percent: 12.5, transferred: 1, total: 8 },
      { kind: 'ready', version: '0.2.0', postponed: false },
      { kind: 'failed', version: null, retryAt: 1_800_000_000_000 },
      { kind: 'failed', version: '0.2.0', retryAt: 1_800_000_000_000 },
    ])
      expect(isUpdateState(state), JSON.stringify(state)).toBe(true);
  });

  it('refuses anything else', () => {
    for (const state of [
      null,
      'ready',
      { kind: 'installing' },
      { kind: 'downloading', version: '0.2.0', percent: 140, transferred: 1, total: 8 },
      { kind: 'downloading', version: '0.2.0', percent: Number.NaN, transferred: 1, total: 8 },
      { kind: 'ready', version: '', postponed: false },
      { kind: 'ready', version: 'x'.repeat(65), postponed: false },
      { kind: 'ready', version: '0.2.0' },
      { kind: 'failed', version: '0.2.0', retryAt: -1 },
    ])
      expect(isUpdateState(state), JSON.stringify(state)).toBe(false);
  });
});
