// Electron: the preload's `window.dailies` bridge. The main process checks the sender and the
// core validates every input; here we only forward.
import type { DailiesBridge } from '../../shared/bridge.js';
import type { Transport } from './transport.js';

declare global {
  interface Window {
    /** Present only inside the Electron app (exposed by the preload via contextBridge). */
    dailies?: DailiesBridge;
  }
}

export function ipcTransport(bridge: DailiesBridge): Transport {
  return {
    call: (channel, input) => bridge.call(channel, input),
    // IPC never drops messages while the window lives, so there is nothing to resync.
    connect: (sink) => bridge.onEvent((event) => sink.event(event)),
    pickFolder: () => bridge.pickFolder(),
    pickPath: (request) => bridge.pickPath(request),
    revealFile: (input) => bridge.revealFile(input),
    mediaOrigin: bridge.mediaOrigin.replace(/\/+$/, ''),
  };
}
