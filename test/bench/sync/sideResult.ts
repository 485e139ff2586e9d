import type { LinkCounts } from '../../support/linkProxy';

/** What one system's sync of D1 cost on the emulated link, as the link proxy counted it. */
export interface SideResult extends LinkCounts {
  /** Time spent syncing (all pushes, then the other device's pull), not counting local writes. */
  elapsedMs: number;
}
