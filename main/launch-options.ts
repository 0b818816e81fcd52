// The options `npm start` and `npm run serve` take, parsed strictly: a mistyped option is an
// error that names it, not a silently ignored word that opens the default library instead.
import { parseArgs } from 'node:util';
import { defaultLibraryDir, resolveLibraryDir } from './library/user-data.js';

export const LAUNCH_USAGE = `Usage: npm start -- [options]      (or npm run serve -- [options] for the browser app only)

Opens Dailies: the desktop window where Electron's binary is installed, otherwise the same app
served on 127.0.0.1 for your browser (the URL with its access token is printed).

Options:
  --library <dir>   the library folder (else DAILIES_LIBRARY, else ${defaultLibraryDir()})
  --port <n>        browser app: the port to listen on (else DAILIES_PORT, else any free port)
  --json            browser app: print one JSON line {url, token, port, library} instead of prose
  -h, --help        this text
`;

export interface LaunchOptions {
  libraryDir: string;
  port: number;
  json: boolean;
  help: boolean;
}

export function parseLaunchOptions(argv: readonly string[], env = process.env): LaunchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: { library: { type: 'string' }, port: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (err) {
    throw new Error(`${(err as Error).message.split('\n')[0]} (run with --help for the options)`);
  }
  const portText = values.port ?? env.DAILIES_PORT ?? '0';
  const port = /^\d+$/.test(portText) ? Number(portText) : NaN;
  if (!Number.isInteger(port) || port > 65535) throw new Error(`--port needs a number between 0 and 65535, not "${portText}"`);
  return {
    libraryDir: resolveLibraryDir(values.library !== undefined ? ['--library', values.library] : [], env),
    port,
    json: values.json ?? false,
    help: values.help ?? false,
  };
}
