import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';

/** All the page gets: one typed door to the backend, its change events, and the paths of files it was given. */
contextBridge.exposeInMainWorld('chitieu', {
  call: (operation: string, input: unknown, client: string): Promise<unknown> =>
    ipcRenderer.invoke('chitieu:call', operation, input, client),
  onChange: (listener: (change: unknown) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, change: unknown) => listener(change);
    ipcRenderer.on('chitieu:change', forward);
    return () => ipcRenderer.removeListener('chitieu:change', forward);
  },
  pathOf: (file: File): string => webUtils.getPathForFile(file),
});
