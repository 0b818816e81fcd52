// The desktop shell's entry (package.json "main"). It owns windows, menus, dialogs and the two
// custom schemes; the library itself lives in a separate core process (core-process.ts), so
// nothing the window waits on ever blocks on SQLite or ffmpeg.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell, type IpcMainInvokeEvent, type OpenDialogOptions } from 'electron';
import { APP_SCHEME, IPC, MEDIA_SCHEME } from '../../shared/bridge.js';
import type { WireReply } from '../../shared/errors.js';
import type { RevealResult } from '../../shared/review.js';
import { APP_NAME, resolveLibraryDir } from '../library/user-data.js';
import { libraryLayout } from '../store/layout.js';
import { registerAppProtocol } from './app-protocol.js';
import { isAppUrl, isTrustedSender } from './app-url.js';
import { CoreHost, CoreStartError, nodeCoreChild } from './core-host.js';
import { KeychainSecretStore } from './keychain-secrets.js';
import { registerMediaProtocol } from './media-protocol.js';
import { menuTemplate } from './menu.js';
import { pickPath, type PathDialogs } from './path-dialog.js';
import { revealRender } from './reveal.js';
import { lockDownSession } from './session-policy.js';
import { utilityCoreChild } from './utility-core-child.js';
import { createMainWindow, guardAllWebContents, isOwnWebContents, ownWindows } from './window.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.resolve(here, '../../renderer');
const CORE_ENTRY = path.join(here, 'core-process.js');

function log(msg: string): void {
  process.stderr.write(`[dailies] ${msg}\n`);
}

// Both must happen before `ready`. Standard + secure give the renderer a real, secure origin;
// neither scheme is corsEnabled, so no other origin can read them.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);
app.enableSandbox();
guardAllWebContents(log);

// `electron dist/main/electron/main.js` (npm start) reads no package.json, so Electron would name
// the app "Electron" and keep its data there. Pin it: the default library must be the one
// `serve` opens (main/library/user-data.ts). DAILIES_USER_DATA gives tests a profile of their
// own, so they neither meet a running Dailies's single-instance lock nor touch its data.
app.setName(APP_NAME);
app.setPath('userData', process.env.DAILIES_USER_DATA ? path.resolve(process.env.DAILIES_USER_DATA) : path.join(app.getPath('appData'), APP_NAME));

/** `--library` or DAILIES_LIBRARY when given; otherwise Library/ in Electron's own userData. */
function chooseLibraryDir(argv: readonly string[], env: NodeJS.ProcessEnv): string {
  const explicit = argv.some((a) => a === '--library' || a.startsWith('--library=')) || !!env.DAILIES_LIBRARY;
  return explicit ? resolveLibraryDir(argv, env) : path.join(app.getPath('userData'), 'Library');
}

/** The Node that built this checkout's native modules; only a development checkout uses it. */
function developmentNode(): string | null {
  for (const candidate of [process.env.DAILIES_NODE, process.env.npm_node_execpath]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return null;
}

async function openLibrary(libraryDir: string): Promise<CoreHost> {
  const secrets = new KeychainSecretStore(path.join(app.getPath('userData'), 'provider-keys.json'), safeStorage);
  try {
    return await CoreHost.start(utilityCoreChild(CORE_ENTRY, libraryDir), secrets);
  } catch (err) {
    // A packaged app has better-sqlite3 rebuilt for Electron (electron-builder.yml); a
    // development checkout has it built for Node, which the tests need. There the core runs
    // under that Node instead: still its own process, still off the window's thread.
    if (!(err instanceof CoreStartError) || !err.nativeModuleMismatch || app.isPackaged) throw err;
    const node = developmentNode();
    if (!node) {
      throw new CoreStartError(
        `${err.message}\n\nbetter-sqlite3 is built for Node, not for Electron ${process.versions.electron}. ` +
          'Start Dailies with `npm start` (the library then runs under Node), or set DAILIES_NODE to a Node binary.',
      );
    }
    log(`better-sqlite3 is built for Node, not Electron: the library runs under ${node} (development checkout).`);
    return CoreHost.start(nodeCoreChild(CORE_ENTRY, libraryDir, node), secrets);
  }
}

let coreStart: Promise<CoreHost> | null = null;
let quitting = false;
let coreClosed = false;

function fatal(title: string, message: string): void {
  if (quitting) return;
  quitting = true;
  for (const w of BrowserWindow.getAllWindows()) w.destroy();
  dialog.showErrorBox(title, message);
  app.exit(1);
}

const NOT_OURS = 'Only a Dailies window may call the library.';
const UNAUTHORIZED: WireReply<never> = { ok: false, error: { code: 'unauthorized', message: NOT_OURS } };

/** Checked on every IPC message: one of our windows, its top frame, showing our own page. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  const trusted = isTrustedSender({ frameUrl: frame?.url, topFrame: !!frame && frame.parent === null, ownWindow: isOwnWebContents(event.sender) });
  if (!trusted) log(`refused IPC from ${String(frame?.url).slice(0, 200)} (webContents ${event.sender.id})`);
  return trusted;
}

const FOLDER_DIALOG: OpenDialogOptions = { title: 'Import a folder', buttonLabel: 'Import', properties: ['openDirectory'] };

async function pickFolder(win: BrowserWindow | null): Promise<string | null> {
  const result = win ? await dialog.showOpenDialog(win, FOLDER_DIALOG) : await dialog.showOpenDialog(FOLDER_DIALOG);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Electron's dialogs, attached to the window that asked (sheet-style on macOS) when there is one. */
function dialogsFor(win: BrowserWindow | null): PathDialogs {
  return {
    showSaveDialog: (options) => (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options)),
    showOpenDialog: (options) => (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options)),
  };
}

function registerIpc(core: Promise<CoreHost>): void {
  ipcMain.handle(IPC.call, async (event, channel: unknown, input: unknown): Promise<WireReply<unknown>> => {
    if (!trustedSender(event)) return UNAUTHORIZED;
    if (typeof channel !== 'string' || channel.length === 0 || channel.length > 128) {
      return { ok: false, error: { code: 'validation', message: 'A call needs a channel name.', issues: [{ field: 'channel', message: 'expected a channel name' }] } };
    }
    return (await core).call(channel, input);
  });
  ipcMain.handle(IPC.pickFolder, async (event): Promise<string | null> => {
    if (!trustedSender(event)) throw new Error(NOT_OURS);
    return pickFolder(BrowserWindow.fromWebContents(event.sender));
  });
  ipcMain.handle(IPC.pickPath, async (event, request: unknown): Promise<string | null> => {
    if (!trustedSender(event)) throw new Error(NOT_OURS);
    return pickPath(dialogsFor(BrowserWindow.fromWebContents(event.sender)), request);
  });
  ipcMain.handle(IPC.revealFile, async (event, input: unknown): Promise<WireReply<RevealResult>> => {
    if (!trustedSender(event)) return UNAUTHORIZED;
    const host = await core;
    return revealRender({ call: (channel, i) => host.call(channel, i), show: (file) => shell.showItemInFolder(file) }, input);
  });
}

/** File ▸ Import a Folder…: the import runs in the core; every window follows it by its events. */
async function importFromMenu(core: Promise<CoreHost>): Promise<void> {
  const win = BrowserWindow.getFocusedWindow() ?? ownWindows()[0] ?? null;
  const folder = await pickFolder(win);
  if (!folder) return;
  const reply = await (await core).call('import.folder', { path: folder });
  if (!reply.ok) {
    const box = { type: 'error' as const, message: 'Dailies could not import that folder.', detail: reply.error.message };
    await (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box));
  }
}

function showMainWindow(): void {
  const win = ownWindows()[0];
  if (!win) {
    createMainWindow(here);
    return;
  }
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

async function start(): Promise<void> {
  let libraryDir: string;
  try {
    libraryDir = chooseLibraryDir(process.argv, process.env);
  } catch (err) {
    return fatal('Dailies cannot start', (err as Error).message);
  }
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    return fatal('Dailies is not built', `The interface is missing from ${RENDERER_DIR}. Run \`npm run build\`, then start Dailies again.`);
  }

  lockDownSession(session.defaultSession, log);
  registerAppProtocol(protocol, RENDERER_DIR, log);
  const core = openLibrary(libraryDir);
  coreStart = core;
  // Files catalogued in place are looked up through the core (the catalogue lives there).
  registerMediaProtocol(protocol, libraryLayout(libraryDir), log, (sha, ext) =>
    core.then((host) => host.externalMediaPath(sha, ext), () => null));
  registerIpc(core);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({
    isPackaged: app.isPackaged,
    platform: process.platform,
    importFolder: () => void importFromMenu(core).catch((err: Error) => log(`import from menu: ${err.stack ?? err.message}`)),
    showLibraryFolder: () => void shell.openPath(libraryDir),
  })));

  // The window loads while the library opens; its first calls wait on `core`, not on the UI.
  createMainWindow(here);

  core.then(
    (host) => {
      host.onEvent((event) => {
        for (const win of ownWindows()) {
          if (isAppUrl(win.webContents.getURL())) win.webContents.send(IPC.event, event);
        }
      });
      host.onExit((code) => {
        coreClosed = true;
        if (!quitting) fatal('Dailies stopped', `The library process ended unexpectedly (exit code ${code ?? 'unknown'}). Open Dailies again to continue.`);
      });
    },
    // Another Dailies holds the library, or its catalogue is from a newer version: the
    // message from the core says which, and what to do.
    (err: Error) => fatal('Dailies cannot open this library', err.message),
  );
}

if (!app.requestSingleInstanceLock()) {
  // The first Dailies is focused by its 'second-instance' handler; this one has nothing to do.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (app.isReady()) showMainWindow();
  });
  app.on('activate', () => {
    if (app.isReady() && coreStart && !quitting) showMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Quit waits for the core to release the library (lock file, WAL checkpoint).
  app.on('before-quit', (event) => {
    if (!coreStart || coreClosed) return;
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    coreStart
      .then((host) => host.close(), () => undefined)
      .finally(() => {
        coreClosed = true;
        app.quit();
      });
  });
  app.whenReady().then(start).catch((err: Error) => fatal('Dailies cannot start', err.stack ?? err.message));
}
