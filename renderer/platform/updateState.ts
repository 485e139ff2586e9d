/**
 * What the desktop app's own updater is doing, as the main process tells the renderer
 * (electron/updates/updateController.ts decides it). Pure: imported by both sides.
 */
export type UpdateState =
  /** Nothing to say: no hub, no update, or between checks. */
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'downloading'; version: string; percent: number; transferred: number; total: number }
  /** Downloaded and verified; installs when the app quits. `postponed`: the delegate chose "Later". */
  | { kind: 'ready'; version: string; postponed: boolean }
  /** The check or the download failed; the next try is at `retryAt` (ms since the epoch). `version` is null when the check failed. */
  | { kind: 'failed'; version: string | null; retryAt: number };

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isVersion = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 64;

/** True for a well-formed state: what crosses IPC is checked on arrival, as every IPC message is. */
export function isUpdateState(value: unknown): value is UpdateState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  switch (state['kind']) {
    case 'idle':
    case 'checking':
      return true;
    case 'downloading':
      return (
        isVersion(state['version']) &&
        isCount(state['percent']) &&
        (state['percent'] as number) <= 100 &&
        isCount(state['transferred']) &&
        isCount(state['total'])
      );
    case 'ready':
      return isVersion(state['version']) && typeof state['postponed'] === 'boolean';
    case 'failed':
      return (state['version'] === null || isVersion(state['version'])) && isCount(state['retryAt']);
    default:
      return false;
  }
}
