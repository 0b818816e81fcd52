// What the shell's main process and the core process say to each other. Calls carry an id so
// replies can arrive in any order (a slow import.folder must not hold up a grid page).
import type { WireReply } from '../../shared/errors.js';
import type { CoreEvent } from '../../shared/events.js';

export type ToCore =
  | { kind: 'call'; id: number; channel: string; input: unknown }
  | { kind: 'secrets-reply'; id: number; ok: true; value: Record<string, string> | null }
  | { kind: 'secrets-reply'; id: number; ok: false; error: string }
  /** Which in-place file serves this hash (the media protocol's lookup; see external-media.ts). */
  | { kind: 'media-path'; id: number; sha256: string; ext: string }
  | { kind: 'close' };

/** The core asks the main process (which alone holds the OS keychain) for provider keys. */
export type SecretsRequest =
  | { kind: 'secrets'; id: number; op: 'get' | 'delete'; accountId: string }
  | { kind: 'secrets'; id: number; op: 'set'; accountId: string; credentials: Record<string, string> };

export type FromCore =
  | { kind: 'ready'; libraryDir: string }
  /** The core could not open the library; `message` is meant for the user. */
  | { kind: 'failed'; message: string; nativeModuleMismatch: boolean }
  | { kind: 'reply'; id: number; reply: WireReply<unknown> }
  | { kind: 'event'; event: CoreEvent }
  | SecretsRequest
  | { kind: 'media-path-reply'; id: number; path: string | null }
  | { kind: 'closed' };

/**
 * better-sqlite3 built for one Node ABI refuses to load under another. In a development
 * checkout it is built for the system Node (the tests need that), not for Electron.
 */
export function isNativeModuleMismatch(err: unknown): boolean {
  const text = `${(err as { code?: string })?.code ?? ''} ${(err as Error)?.message ?? String(err)}`;
  return /NODE_MODULE_VERSION|compiled against a different Node\.js version|ERR_DLOPEN_FAILED/.test(text);
}
