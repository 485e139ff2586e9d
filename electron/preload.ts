import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, isViewName, type GapbridgeBridge, type HubBridge } from '../renderer/platform/contract';

/** The hub through the main process: the renderer sends requests and gets results, never the token. */
const hub = {
  account: () => ipcRenderer.invoke(IPC.hubAccount),
  register: (hubUrl, email, password) => ipcRenderer.invoke(IPC.hubRegister, hubUrl, email, password),
  signIn: (hubUrl, email, password) => ipcRenderer.invoke(IPC.hubSignIn, hubUrl, email, password),
  signOut: async () => {
    await ipcRenderer.invoke(IPC.hubSignOut);
  },
  exchange: (request) => ipcRenderer.invoke(IPC.hubExchange, request),
  request: (request) => ipcRenderer.invoke(IPC.hubRequest, request),
} satisfies HubBridge;

/** The renderer's only door to the main process: the contract, and not one IPC call more. */
const bridge = {
  shell: 'electron',
  openExternal: (url) => ipcRenderer.invoke(IPC.openExternal, url) as Promise<boolean>,
  setLanguage: async (language) => {
    await ipcRenderer.invoke(IPC.setLanguage, language);
  },
  savePageAsPdf: (suggestedFileName) => ipcRenderer.invoke(IPC.savePageAsPdf, suggestedFileName) as Promise<boolean>,
  saveFile: (suggestedName, content, type) =>
    ipcRenderer.invoke(IPC.saveFile, suggestedName, content, type) as Promise<boolean>,
  notify: (title, body) => ipcRenderer.invoke(IPC.notify, title, body) as Promise<boolean>,
  onNavigate(listener) {
    // The renderer never sees the IPC event or its sender.
    const forward = (_event: IpcRendererEvent, view: unknown) => {
      if (isViewName(view)) listener(view);
    };
    ipcRenderer.on(IPC.navigate, forward);
    return () => ipcRenderer.removeListener(IPC.navigate, forward);
  },
  hub,
} satisfies GapbridgeBridge;

contextBridge.exposeInMainWorld('gapbridge', bridge);
