import type { GapbridgeBridge } from './contract';
import { createWebBridge } from './webBridge';

declare global {
  interface Window {
    /** Set by electron/preload.ts; absent in a plain browser. */
    readonly gapbridge?: GapbridgeBridge;
  }
}

/** The only door to the desktop shell: Electron's preload bridge, or the web one. */
export const bridge: GapbridgeBridge = window.gapbridge ?? createWebBridge();
