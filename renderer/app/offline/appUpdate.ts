import { create } from 'zustand';

interface AppUpdate {
  /** A new version is installed and waiting for a reload. */
  isReady: boolean;
  reload: () => void;
}

/** Whether a new version waits, and how to switch to it; set by the offline worker. */
export const useAppUpdate = create<AppUpdate>(() => ({ isReady: false, reload: () => window.location.reload() }));
