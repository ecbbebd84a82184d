import { contextBridge, ipcRenderer } from 'electron';

/** All the page gets: one typed door to the backend, nothing of Node or Electron. */
contextBridge.exposeInMainWorld('chitieu', {
  call: (operation: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('chitieu:call', operation, input),
});
