#!/usr/bin/env node
// `dailies serve`: opens a library and serves the app on 127.0.0.1.
//   --library <dir>   the library folder (else DAILIES_LIBRARY, else the platform default)
//   --port <n>        port to listen on (default: any free port)
//   --json            print one JSON line {url, token, port, library} instead of prose (for scripts)
// The access token is random per start unless DAILIES_TOKEN is set. Provider keys come from
// DAILIES_SECRET_<ACCOUNT>_<FIELD> variables or DAILIES_SECRETS_FILE (default: secrets.json, mode
// 0600, in the user-data folder).
import { openCore } from '../core.js';
import path from 'node:path';
import { resolveLibraryDir, userDataDir } from '../library/user-data.js';
import { FileSecretStore } from '../secrets/file-secret-store.js';
import { startServeHost } from './server.js';

export async function serve(argv: readonly string[], reason?: string): Promise<void> {
  const libraryDir = resolveLibraryDir(argv);
  const portArg = argv.indexOf('--port');
  const port = portArg >= 0 ? Number(argv[portArg + 1]) : Number(process.env.DAILIES_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port needs a number between 0 and 65535');

  // Provider keys: DAILIES_SECRET_<ACCOUNT>_<FIELD> variables, else a 0600 file beside the
  // default library (never inside a library, which may be bundled and shared).
  const secrets = new FileSecretStore(process.env.DAILIES_SECRETS_FILE ?? path.join(userDataDir(), 'secrets.json'));
  const core = openCore({ libraryDir, host: 'serve', secrets });
  let host;
  try {
    host = await startServeHost({ core, port, ...(process.env.DAILIES_TOKEN ? { token: process.env.DAILIES_TOKEN } : {}) });
  } catch (err) {
    await core.close();
    throw err;
  }

  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ url: host.url, token: host.token, port: host.port, library: core.layout.root })}\n`);
  } else {
    if (reason) process.stdout.write(`${reason}\n`);
    process.stdout.write(`Dailies is serving the library at ${core.layout.root}\nOpen ${host.url}\n(Ctrl+C to stop.)\n`);
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) {
  serve(process.argv.slice(2)).catch((err: Error) => {
    process.stderr.write(`dailies: ${err.message}\n`);
    process.exit(1);
  });
}
