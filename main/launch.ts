#!/usr/bin/env node
// `npm start`: opens the desktop app where Electron's binary is installed, otherwise serves the
// same app on 127.0.0.1 and says why. Arguments (--library, --port) pass through.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAUNCH_USAGE, parseLaunchOptions } from './launch-options.js';
import { serve } from './serve/cli.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const shellEntry = path.join(here, 'electron', 'main.js');

/** The Electron binary's path, or the reason there is none. */
export function findElectron(): { binary: string } | { reason: string } {
  if (process.env.DAILIES_NO_ELECTRON) return { reason: 'DAILIES_NO_ELECTRON is set.' };
  let binary: string;
  try {
    // In plain Node, the electron package exports the path of its downloaded binary.
    binary = createRequire(import.meta.url)('electron') as unknown as string;
  } catch {
    return { reason: "Electron's binary is not installed here (its download is unreachable or was skipped)." };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return { reason: "Electron's binary is not installed here." };
  if (!existsSync(shellEntry)) return { reason: 'The desktop shell was not built (Electron was missing at build time).' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'There is no display to open a window on (no DISPLAY or WAYLAND_DISPLAY).' };
  }
  return { binary };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // Checked here, before a window or a server exists, so a typo is told at once.
  if (parseLaunchOptions(argv).help) {
    process.stdout.write(LAUNCH_USAGE);
    return;
  }
  const electron = findElectron();
  if ('binary' in electron) {
    // DAILIES_NODE lets an unpackaged shell run the core under this Node when better-sqlite3 was
    // built for Node rather than Electron (see main/electron/core-host.ts).
    const child = spawn(electron.binary, [shellEntry, ...argv], {
      stdio: 'inherit',
      env: { ...process.env, DAILIES_NODE: process.env.DAILIES_NODE ?? process.execPath },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  await serve(argv, `Opening Dailies in your browser instead of a desktop window: ${electron.reason}`);
}

main().catch((err: Error) => {
  process.stderr.write(`dailies: ${err.message}\n`);
  process.exit(1);
});
