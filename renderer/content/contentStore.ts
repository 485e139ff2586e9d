import { create } from 'zustand';
import { db } from '../db';
import { installPacksFrom, PackError, type PackErrorCode } from './packLoader';

type ContentStatus = 'idle' | 'installing' | 'ready' | PackErrorCode;

export const useContentStore = create<{ status: ContentStatus }>(() => ({ status: 'idle' }));

/**
 * Installs the content packs shipped with the app (under /packs/ of its own origin) that are
 * missing or newer than the installed ones. Runs after the first render; never blocks it.
 */
export async function installBundledContent(): Promise<void> {
  useContentStore.setState({ status: 'installing' });
  try {
    await installPacksFrom(db, new URL('/packs/', window.location.href).href, fetch, document.documentElement.lang);
    useContentStore.setState({ status: 'ready' });
  } catch (error) {
    console.error('Content packs not installed', error);
    useContentStore.setState({ status: error instanceof PackError ? error.code : 'corrupt' });
  }
}
