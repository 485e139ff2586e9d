import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ManifestRefusalReason, PackRefusalRecord } from '../db/records';

/** A download under way: bytes of this run's packs received and to receive, and the pack now coming. */
export interface PackDownloadProgress {
  packId: string;
  done: number;
  total: number;
  /** From the recent speed; null until it is known. */
  secondsLeft: number | null;
}

/** Where updates from the hub stand, as Settings → Hub and the status bar say it. */
export interface PackUpdateState {
  phase: 'idle' | 'checking' | 'downloading';
  progress: PackDownloadProgress | null;
  /** Packs in other languages the hub offers, downloaded when the delegate asks. */
  otherLanguages: { count: number; bytes: number };
  /** Versions refused after download (newest refusal per pack), while none newer is installed. */
  refusals: PackRefusalRecord[];
  /** The hub's last list of packs was refused, and why. */
  manifestRefusal: ManifestRefusalReason | null;
  /** Packs installed by the last run, to say so. */
  installed: string[];
}

export type PackUpdateStore = StoreApi<PackUpdateState>;

export function createPackUpdateStore(): PackUpdateStore {
  return createStore<PackUpdateState>(() => ({
    phase: 'idle',
    progress: null,
    otherLanguages: { count: 0, bytes: 0 },
    refusals: [],
    manifestRefusal: null,
    installed: [],
  }));
}
