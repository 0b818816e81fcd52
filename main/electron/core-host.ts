// The main process's handle on the core process: start it, carry calls by id, fan out events,
// close it cleanly at quit. Nothing here waits on SQLite; calls are messages and promises.
import { fork } from 'node:child_process';
import type { WireReply } from '../../shared/errors.js';
import type { CoreEvent } from '../../shared/events.js';
import type { FromCore, SecretsRequest, ToCore } from './core-messages.js';
import type { SecretStore } from '../secrets/secret-store.js';

export class CoreStartError extends Error {
  constructor(message: string, readonly nativeModuleMismatch = false) {
    super(message);
    this.name = 'CoreStartError';
  }
}

/** A started core process, whichever way it was started. */
export interface CoreChild {
  post(msg: ToCore): void;
  onMessage(listener: (msg: FromCore) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** The arguments core-process.js reads (the library folder, as `--library` on any command line). */
export function coreArgs(libraryDir: string): string[] {
  return ['--library', libraryDir];
}

/** The core under a plain Node binary: a development checkout's fallback, and the tests' way in. */
export function nodeCoreChild(entry: string, libraryDir: string, node: string, execArgv: string[] = []): CoreChild {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const p = fork(entry, coreArgs(libraryDir), { execPath: node, execArgv, env, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exitListeners: ((code: number | null) => void)[] = [];
  let exited = false;
  const exit = (code: number | null) => {
    if (exited) return;
    exited = true;
    for (const l of exitListeners) l(code);
  };
  p.on('exit', exit);
  // A binary that cannot be spawned reports only 'error'; a send racing the child's exit also
  // lands here. Neither may go unhandled in the main process.
  p.on('error', (err) => {
    process.stderr.write(`[dailies] core process (${node}): ${err.message}\n`);
    if (p.pid === undefined) exit(null);
  });
  return {
    post: (msg) => {
      if (p.connected) p.send(msg);
    },
    onMessage: (listener) => p.on('message', (m) => listener(m as FromCore)),
    onExit: (listener) => void exitListeners.push(listener),
    kill: () => void p.kill(),
  };
}

const UNAVAILABLE: WireReply<unknown> = {
  ok: false,
  error: { code: 'internal', message: 'The library process has stopped. Restart Dailies.' },
};

export class CoreHost {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: WireReply<unknown>) => void>();
  private readonly mediaLookups = new Map<number, (file: string | null) => void>();
  private readonly listeners = new Set<(e: CoreEvent) => void>();
  private readonly exitListeners = new Set<(code: number | null) => void>();
  private closing: Promise<void> | null = null;
  private exited = false;

  private constructor(private readonly child: CoreChild, readonly libraryDir: string, private readonly secrets: SecretStore | null) {
    child.onMessage((msg) => {
      if (msg.kind === 'secrets') {
        void this.answerSecrets(msg);
      } else if (msg.kind === 'reply') {
        this.pending.get(msg.id)?.(msg.reply);
        this.pending.delete(msg.id);
      } else if (msg.kind === 'media-path-reply') {
        this.mediaLookups.get(msg.id)?.(typeof msg.path === 'string' ? msg.path : null);
        this.mediaLookups.delete(msg.id);
      } else if (msg.kind === 'event') {
        for (const l of this.listeners) l(msg.event);
      }
    });
    child.onExit((code) => {
      this.exited = true;
      for (const resolve of this.pending.values()) resolve(UNAVAILABLE);
      this.pending.clear();
      for (const resolve of this.mediaLookups.values()) resolve(null);
      this.mediaLookups.clear();
      for (const l of this.exitListeners) l(code);
    });
  }

  /** Starts the core process and resolves once the library is open (or rejects with why not). */
  static start(child: CoreChild, secrets: SecretStore | null = null): Promise<CoreHost> {
    return new Promise((resolve, reject) => {
      let settled = false;
      child.onMessage((msg) => {
        if (settled) return;
        if (msg.kind === 'ready') {
          settled = true;
          resolve(new CoreHost(child, msg.libraryDir, secrets));
        } else if (msg.kind === 'failed') {
          settled = true;
          child.kill();
          reject(new CoreStartError(msg.message, msg.nativeModuleMismatch));
        }
      });
      child.onExit((code) => {
        if (settled) return;
        settled = true;
        reject(new CoreStartError(`The library process stopped while opening the library (exit code ${code ?? 'unknown'}).`));
      });
    });
  }

  private async answerSecrets(msg: SecretsRequest): Promise<void> {
    try {
      if (!this.secrets) throw new Error('This Dailies has no key storage.');
      let value: Record<string, string> | null = null;
      if (msg.op === 'get') value = await this.secrets.get(msg.accountId);
      else if (msg.op === 'set') await this.secrets.set(msg.accountId, msg.credentials);
      else await this.secrets.delete(msg.accountId);
      this.child.post({ kind: 'secrets-reply', id: msg.id, ok: true, value });
    } catch (err) {
      this.child.post({ kind: 'secrets-reply', id: msg.id, ok: false, error: (err as Error).message });
    }
  }

  call(channel: string, input: unknown): Promise<WireReply<unknown>> {
    if (this.exited || this.closing) return Promise.resolve(UNAVAILABLE);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      try {
        this.child.post({ kind: 'call', id, channel, input });
      } catch (err) {
        // Input that cannot be cloned, or a process that is already gone.
        this.pending.delete(id);
        resolve({ ok: false, error: { code: 'internal', message: `The call could not reach the library: ${(err as Error).message}` } });
      }
    });
  }

  /**
   * The file that serves an in-place asset, as the core's catalogue knows it (null: serve
   * nothing). The media protocol asks this for a hash its store does not hold; the answer is
   * only ever a catalogued path, checked by the core (external-media.ts).
   */
  externalMediaPath(sha256: string, ext: string): Promise<string | null> {
    if (this.exited || this.closing) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.mediaLookups.set(id, resolve);
      try {
        this.child.post({ kind: 'media-path', id, sha256, ext });
      } catch {
        this.mediaLookups.delete(id);
        resolve(null);
      }
    });
  }

  onEvent(listener: (e: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called when the core process ends for any reason, including after close(). */
  onExit(listener: (code: number | null) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  /**
   * Lets the core finish its writes and release the library lock. An import in progress may
   * take a while to reach a safe point; after `timeoutMs` the process is ended anyway (SQLite's
   * WAL and the store's temp-then-rename writes survive that, and a stale lock is taken over).
   */
  close(timeoutMs = 10_000): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const timer = setTimeout(() => this.child.kill(), timeoutMs);
      this.onExit(() => {
        clearTimeout(timer);
        resolve();
      });
      try {
        this.child.post({ kind: 'close' });
      } catch {
        this.child.kill();
      }
    });
    return this.closing;
  }
}
