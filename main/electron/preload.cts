// The renderer's only door to the core: `window.dailies`, shaped exactly as DailiesBridge in
// shared/bridge.ts. A sandboxed preload is CommonJS and may require nothing but 'electron', so
// the channel names below are copies of shared/bridge.ts's IPC; the `satisfies` clauses make
// the build fail if the two ever differ. No ipcRenderer, no Node, nothing else is exposed.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DailiesBridge, IPC as SharedIPC } from '../../shared/bridge.js';
import type { CoreEvent } from '../../shared/events.js';
import type { MEDIA_ORIGIN as SharedMediaOrigin } from './app-url.js';

const IPC = {
  call: 'dailies:call',
  event: 'dailies:event',
  pickFolder: 'dailies:pick-folder',
  pickPath: 'dailies:pick-path',
  revealFile: 'dailies:reveal-file',
} as const satisfies typeof SharedIPC;

const MEDIA_ORIGIN: typeof SharedMediaOrigin = 'dailies-media://library';

const bridge: DailiesBridge = {
  call: (channel, input) => ipcRenderer.invoke(IPC.call, channel, input),
  onEvent(listener) {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
    // The renderer sees the event only, never Electron's IpcRendererEvent (it holds `sender`).
    const forward = (_e: IpcRendererEvent, event: CoreEvent) => listener(event);
    ipcRenderer.on(IPC.event, forward);
    return () => {
      ipcRenderer.removeListener(IPC.event, forward);
    };
  },
  pickFolder: () => ipcRenderer.invoke(IPC.pickFolder),
  pickPath: (request) => ipcRenderer.invoke(IPC.pickPath, request),
  revealFile: (input) => ipcRenderer.invoke(IPC.revealFile, input),
  mediaOrigin: MEDIA_ORIGIN,
};

contextBridge.exposeInMainWorld('dailies', bridge);
