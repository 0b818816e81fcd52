#!/usr/bin/env node
// `npm run serve`: opens a library and serves the app on 127.0.0.1 (options: main/launch-options.ts).
// The access token is random per start unless DAILIES_TOKEN is set. Provider keys come from
// DAILIES_SECRET_<ACCOUNT>_<FIELD> variables or DAILIES_SECRETS_FILE (default: secrets.json, mode
// 0600, in the user-data folder).
import { openCore } from '../core.js';
import path from 'node:path';
import { LAUNCH_USAGE, parseLaunchOptions } from '../launch-options.js';
import { userDataDir } from '../library/user-data.js';
import { FileSecretStore } from '../secrets/file-secret-store.js';
import { startServeHost } from './server.js';

export async function serve(argv: readonly string[], reason?: string): Promise<void> {
  const { libraryDir, port, json, help } = parseLaunchOptions(argv);
  if (help) {
    process.stdout.write(LAUNCH_USAGE);
    return;
  }

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

  if (json) {
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
