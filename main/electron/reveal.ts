// "Reveal file" in the desktop app: the renderer names a take by its id, never by a path. The
// core validates the id (the contract's zod schema for review.reveal) and answers with the file
// it catalogued for that take — in the library's store, or where a watched folder keeps it in
// place — and only then is that path shown in the system's file manager.
import { existsSync } from 'node:fs';
import type { WireReply } from '../../shared/errors.js';
import type { RevealResult } from '../../shared/review.js';

export interface RevealDeps {
  /** One contract call to the core (CoreHost.call). */
  call(channel: string, input: unknown): Promise<WireReply<unknown>>;
  /** Shows the file selected in the file manager (Electron's shell.showItemInFolder). */
  show(path: string): void;
}

export async function revealRender(deps: RevealDeps, input: unknown): Promise<WireReply<RevealResult>> {
  const reply = (await deps.call('review.reveal', input)) as WireReply<RevealResult>;
  if (!reply.ok) return reply;
  const { path } = reply.value;
  // A file that went away (moved, on an unplugged drive) cannot be selected in a folder: the
  // panel then shows its last known path, with the copy button, as in a browser.
  if (!existsSync(path)) return { ok: true, value: { path, revealed: false } };
  deps.show(path);
  return { ok: true, value: { path, revealed: true } };
}
