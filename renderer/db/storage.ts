/** The device's storage, as the browser reports it: for telling a delegate what to free. */

/** Whether an error (Dexie's, IndexedDB's, or one wrapping them) means the disk or quota is full. */
export function isStorageFull(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== 'object') return false;
    const { name, inner, cause } = e as { name?: unknown; inner?: unknown; cause?: unknown };
    if (name === 'QuotaExceededError') return true;
    e = inner ?? cause;
  }
  return false;
}

export interface StorageSpace {
  /** Bytes Gapbridge's data takes on this device. */
  usage: number;
  /** Bytes the browser lets Gapbridge use (derived from the disk's size and free space). */
  quota: number;
}

/** Null where the browser cannot tell (navigator.storage.estimate is missing or fails). */
export async function storageSpace(): Promise<StorageSpace | null> {
  try {
    const estimate = await navigator.storage?.estimate?.();
    if (!estimate || estimate.usage === undefined || estimate.quota === undefined) return null;
    return { usage: estimate.usage, quota: estimate.quota };
  } catch {
    return null;
  }
}

/** Room asked for when the disk is full: the data waiting to be written, with a generous margin. */
export function spaceToFree(waitingBytes: number): number {
  return Math.max(10_000_000, waitingBytes * 10);
}
