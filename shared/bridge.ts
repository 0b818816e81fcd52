// What the Electron preload exposes to the renderer as `window.dailies` (via contextBridge).
// The renderer's client uses it when present and falls back to HTTP (serve mode) otherwise.
import type { CoreEvent } from './events.js';
import type { WireReply } from './errors.js';
import type { PathRequest } from './path-request.js';
import type { RevealResult } from './review.js';

export interface DailiesBridge {
  /** One contract call; the main process checks the sender and the core validates the input. */
  call(channel: string, input: unknown): Promise<WireReply<unknown>>;
  /** Subscribes to core events; returns the unsubscribe function. */
  onEvent(listener: (event: CoreEvent) => void): () => void;
  /** The native folder picker; resolves null when the user cancels. */
  pickFolder(): Promise<string | null>;
  /** The native save or open dialog for one file; resolves null when the user cancels. */
  pickPath(request: PathRequest): Promise<string | null>;
  /**
   * Shows a take's file in the system's file manager. Takes `{ id }` (the core validates it and
   * says which file that is); the renderer never hands the shell a path.
   */
  revealFile(input: { id: number }): Promise<WireReply<RevealResult>>;
  /**
   * Origin that serves `/media/<sha>.<ext>` and `/thumbs/<sha>/<poster|sprite>.jpg` — the same
   * paths the serve host uses — e.g. "dailies-media://library".
   */
  mediaOrigin: string;
}

export const IPC = {
  call: 'dailies:call',
  event: 'dailies:event',
  pickFolder: 'dailies:pick-folder',
  pickPath: 'dailies:pick-path',
  revealFile: 'dailies:reveal-file',
} as const;

export const MEDIA_SCHEME = 'dailies-media';
export const APP_SCHEME = 'dailies-app';
