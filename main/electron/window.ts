// The one kind of window Dailies opens, and the rules every web contents lives by: no
// navigation away from the app, no new windows (https links go to the system browser), no
// <webview>. The renderer gets the bridge from the preload and nothing else.
import path from 'node:path';
import { app, BrowserWindow, shell, type WebContents } from 'electron';
import { APP_ENTRY_URL, externalLink } from './app-url.js';

/** webContents ids of the windows this shell made: the IPC sender check consults it. */
const ownWebContents = new Set<number>();

export function isOwnWebContents(contents: WebContents): boolean {
  return ownWebContents.has(contents.id);
}

export function ownWindows(): BrowserWindow[] {
  return BrowserWindow.getAllWindows().filter((w) => !w.isDestroyed() && ownWebContents.has(w.webContents.id));
}

export function createMainWindow(preloadDir: string): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Dailies',
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    webPreferences: {
      preload: path.join(preloadDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  const id = win.webContents.id;
  ownWebContents.add(id);
  win.webContents.once('destroyed', () => ownWebContents.delete(id));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

function openExternally(url: string): void {
  const link = externalLink(url);
  if (link) void shell.openExternal(link);
}

/** Installed once, before any window: applies to every web contents the app ever creates. */
export function guardAllWebContents(log: (msg: string) => void): void {
  app.on('web-contents-created', (_event, contents) => {
    // The renderer is a single page; any navigation is either a bug or someone else's page.
    contents.on('will-navigate', (event) => {
      event.preventDefault();
      log(`blocked navigation to ${event.url.slice(0, 200)}`);
    });
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // Links meant to leave the app use target="_blank"; they are the only way out, https only.
    contents.setWindowOpenHandler(({ url }) => {
      openExternally(url);
      return { action: 'deny' };
    });
  });
}
