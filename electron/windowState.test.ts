import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, MINIMUM_SIZE, parseWindowState, serializeWindowState } from './windowState';

const laptop = [{ x: 0, y: 0, width: 1366, height: 728 }];

describe('parseWindowState', () => {
  it('round-trips a saved state', () => {
    const state = { bounds: { x: 40, y: 30, width: 1000, height: 640 }, isMaximized: true };
    expect(parseWindowState(serializeWindowState(state), laptop)).toEqual(state);
  });

  it.each([null, '', '{', '"text"', '[]', '{"bounds":{"width":"wide","height":3}}', '\u0000\u0001'])(
    'falls back to the default for %j',
    (saved) => {
      expect(parseWindowState(saved, laptop)).toEqual(DEFAULT_WINDOW_STATE);
    },
  );

  it('forgets a position on a display that is gone, but keeps the size', () => {
    const saved = serializeWindowState({ bounds: { x: 2400, y: 100, width: 1000, height: 700 }, isMaximized: false });
    expect(parseWindowState(saved, laptop)).toEqual({ bounds: { width: 1000, height: 700 }, isMaximized: false });
  });

  it('never restores a window smaller than the minimum', () => {
    const saved = serializeWindowState({ bounds: { x: 0, y: 0, width: 10, height: 10 }, isMaximized: false });
    expect(parseWindowState(saved, laptop).bounds).toMatchObject(MINIMUM_SIZE);
  });
});
