// The native save/open dialog for one file, as the renderer asked for it. The request crosses from
// an untrusted renderer, so it is parsed by the contract's schema before any dialog opens; the
// dialog itself is passed in (Electron's `dialog` in the shell) so this mapping runs under Node.
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { PathRequest } from '../../shared/path-request.js';

export interface PathDialogs {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
}

/** The dialog's options for a request; throws the schema's error for a bad one. */
export function pathDialogOptions(raw: unknown): { mode: 'save'; options: SaveDialogOptions } | { mode: 'open'; options: OpenDialogOptions } {
  const request = PathRequest.parse(raw);
  const filters = request.extensions?.length ? [{ name: request.extensions.join(', '), extensions: request.extensions }] : [];
  if (request.mode === 'save') {
    return { mode: 'save', options: { title: request.title, ...(request.defaultName ? { defaultPath: request.defaultName } : {}), filters } };
  }
  return { mode: 'open', options: { title: request.title, properties: ['openFile'], filters } };
}

/** The path the user chose, or null when the dialog was cancelled. */
export async function pickPath(dialogs: PathDialogs, raw: unknown): Promise<string | null> {
  const asked = pathDialogOptions(raw);
  if (asked.mode === 'save') {
    const result = await dialogs.showSaveDialog(asked.options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }
  const result = await dialogs.showOpenDialog(asked.options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
