// The core's own process. The shell forks this file with Electron's `utilityProcess` (talking
// over process.parentPort); a development checkout whose native modules are built for the
// system Node runs the same file under that Node (talking over process.send). Either way the
// window's process never touches SQLite or ffmpeg.
import { resolveLibraryDir } from '../library/user-data.js';
import type { Core } from '../core.js';
import { startCallbackListener, type CallbackListener } from '../jobs/callback-listener.js';
import { isNativeModuleMismatch, type FromCore, type ToCore } from './core-messages.js';
import type { Credentials, SecretStore } from '../secrets/secret-store.js';
import { externalMediaFile, ExternalMediaQuery } from '../store/external-media.js';

interface Port {
  send(msg: FromCore): void;
  onMessage(listener: (msg: ToCore) => void): void;
}

function parentPort(): Port {
  const utility = process.parentPort;
  if (utility) {
    return {
      send: (msg) => utility.postMessage(msg),
      onMessage: (listener) => utility.on('message', (e) => listener(e.data as ToCore)),
    };
  }
  if (process.send) {
    return {
      send: (msg) => void process.send!(msg),
      onMessage: (listener) => process.on('message', (m) => listener(m as ToCore)),
    };
  }
  throw new Error('core-process.js runs only as a child of the Dailies shell');
}

const port = parentPort();

/** Keys live with the main process (the OS keychain); this asks it over the port. */
class MainProcessSecrets implements SecretStore {
  readonly description = "your system's keychain (encrypted with Electron safeStorage)";
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: Credentials | null) => void; reject: (e: Error) => void }>();

  answer(msg: Extract<ToCore, { kind: 'secrets-reply' }>): void {
    const w = this.waiting.get(msg.id);
    this.waiting.delete(msg.id);
    if (!w) return;
    if (msg.ok) w.resolve(msg.value);
    else w.reject(new Error(msg.error));
  }

  private ask(op: 'get' | 'set' | 'delete', accountId: string, credentials?: Credentials): Promise<Credentials | null> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      port.send(op === 'set' ? { kind: 'secrets', id, op, accountId, credentials: credentials ?? {} } : { kind: 'secrets', id, op, accountId });
    });
  }

  get(accountId: string) {
    return this.ask('get', accountId);
  }
  async set(accountId: string, credentials: Credentials) {
    await this.ask('set', accountId, credentials);
  }
  async delete(accountId: string) {
    await this.ask('delete', accountId);
  }
}
const secrets = new MainProcessSecrets();
let core: Core | null = null;
let closing: Promise<void> | null = null;
let callbacks: CallbackListener | null = null;

function closeCore(): Promise<void> {
  closing ??= (callbacks?.close() ?? Promise.resolve()).then(() => core?.close()).catch((err: Error) => {
    process.stderr.write(`[dailies] closing the library failed: ${err.stack ?? err.message}\n`);
  });
  return closing;
}

async function open(): Promise<void> {
  try {
    // Imported here, not at the top: a native module built for another runtime fails while
    // loading, and that failure must reach the shell as a message, not as a silent exit.
    const { openCore } = await import('../core.js');
    core = openCore({ libraryDir: resolveLibraryDir(process.argv), host: 'electron', secrets });
  } catch (err) {
    port.send({ kind: 'failed', message: (err as Error).message ?? String(err), nativeModuleMismatch: isNativeModuleMismatch(err) });
    return; // the shell ends this process once it has read the message
  }
  const opened = core;
  // Provider callbacks reach the desktop app through a tunnel to this listener (Settings →
  // Providers shows its address); DAILIES_CALLBACK_PORT fixes the port for a long-lived tunnel.
  callbacks = await startCallbackListener(opened, Number(process.env.DAILIES_CALLBACK_PORT) || 0).catch((err: Error) => {
    process.stderr.write(`[dailies] no callback listener (${err.message}); jobs are polled\n`);
    return null;
  });
  opened.onEvent((event) => port.send({ kind: 'event', event }));
  port.onMessage((msg) => {
    if (msg?.kind === 'secrets-reply') {
      secrets.answer(msg);
    } else if (msg?.kind === 'call') {
      void opened.reply(msg.channel, msg.input).then((reply) => port.send({ kind: 'reply', id: msg.id, reply }));
    } else if (msg?.kind === 'media-path') {
      // Only a well-formed hash and extension are looked up; anything else is simply not found.
      const query = ExternalMediaQuery.safeParse({ sha256: msg.sha256, ext: msg.ext });
      void (query.success ? externalMediaFile(opened.db, query.data) : Promise.resolve(null))
        .catch(() => null)
        .then((file) => port.send({ kind: 'media-path-reply', id: msg.id, path: file }));
    } else if (msg?.kind === 'close') {
      void closeCore().then(() => {
        port.send({ kind: 'closed' });
        process.exit(0);
      });
    }
  });
  port.send({ kind: 'ready', libraryDir: opened.layout.root });
}

// Under Node the IPC channel closes when the shell dies; release the library before going.
process.on('disconnect', () => void closeCore().then(() => process.exit(0)));

void open();
