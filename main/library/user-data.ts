// Where a library lives when none is given: the same folder Electron's app.getPath('userData')
// returns for "Dailies", so the desktop app and `serve` open the same library by default.
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Dailies';

export function userDataDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_NAME);
}

export function defaultLibraryDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  return (platform === 'win32' ? path.win32 : path.posix).join(userDataDir(platform, env, home), 'Library');
}

/** `--library <dir>` beats DAILIES_LIBRARY beats the platform default. */
export function resolveLibraryDir(argv: readonly string[], env = process.env): string {
  const i = argv.indexOf('--library');
  const fromArg = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--library='))?.slice('--library='.length);
  if (i >= 0 && (!fromArg || fromArg.startsWith('--'))) throw new Error('--library needs a folder path');
  return path.resolve(fromArg ?? env.DAILIES_LIBRARY ?? defaultLibraryDir());
}
