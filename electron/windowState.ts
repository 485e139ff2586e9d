/** Window size and position, remembered between runs in a small JSON file. */

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Partial<Pick<Rectangle, 'x' | 'y'>> & Pick<Rectangle, 'width' | 'height'>;
  isMaximized: boolean;
}

export const MINIMUM_SIZE = { width: 720, height: 520 } as const;
export const DEFAULT_WINDOW_STATE: WindowState = { bounds: { width: 1200, height: 800 }, isMaximized: false };

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function overlaps(a: Rectangle, b: Rectangle): boolean {
  const minimumVisible = 64;
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width >= minimumVisible && height >= minimumVisible;
}

/**
 * The saved state when it is well-formed; its position only while it is still visible on one of
 * the displays (a monitor may have been unplugged). Anything else gives the default.
 */
export function parseWindowState(saved: string | null, workAreas: readonly Rectangle[]): WindowState {
  let value: unknown;
  try {
    value = saved === null ? null : JSON.parse(saved);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  if (typeof value !== 'object' || value === null) return DEFAULT_WINDOW_STATE;
  const { bounds, isMaximized } = value as Partial<Record<keyof WindowState, unknown>>;
  if (typeof bounds !== 'object' || bounds === null) return DEFAULT_WINDOW_STATE;
  const { x, y, width, height } = bounds as Partial<Record<keyof Rectangle, unknown>>;
  if (!isFiniteNumber(width) || !isFiniteNumber(height)) return DEFAULT_WINDOW_STATE;

  const size = {
    width: Math.max(MINIMUM_SIZE.width, Math.round(width)),
    height: Math.max(MINIMUM_SIZE.height, Math.round(height)),
  };
  const maximized = isMaximized === true;
  if (!isFiniteNumber(x) || !isFiniteNumber(y)) return { bounds: size, isMaximized: maximized };
  const placed = { x: Math.round(x), y: Math.round(y), ...size };
  const isVisible = workAreas.some((area) => overlaps(placed, area));
  return { bounds: isVisible ? placed : size, isMaximized: maximized };
}

export function serializeWindowState(state: WindowState): string {
  return JSON.stringify(state);
}
