// The Electron shell itself: a real window on the built app, a real core process on a temp
// library. What the browser e2e tests cannot see is checked here: the isolation of the
// renderer from Node, the bridge, navigation, and the library lock released on quit.
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { DailiesBridge } from '../../shared/bridge.js';
import type { LibraryInfo } from '../../shared/domain.js';
import type { WireReply } from '../../shared/errors.js';

const root = process.cwd();
const SHELL_ENTRY = path.join(root, 'dist/main/electron/main.js');

/** The Electron binary, or why there is none; in plain Node the package exports its path. */
function findElectron(): { binary: string } | { reason: string } {
  let binary: unknown;
  try {
    binary = createRequire(path.join(root, 'package.json'))('electron');
  } catch (err) {
    return { reason: `require('electron') threw "${(err as Error).message.split('\n')[0]}" (its binary download was skipped or unreachable)` };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return { reason: `${String(binary)} does not exist` };
  return { binary };
}

const electronFound = findElectron();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const skipReason = 'reason' in electronFound
  ? `Electron binary not installed here: ${electronFound.reason}`
  : noDisplay ? 'No display to open an Electron window on: run under `xvfb-run -a`.' : null;
// Reporters list skipped tests without their reason: say it once, while the runner loads this file.
if (skipReason && process.env.TEST_WORKER_INDEX === undefined) process.stdout.write(`Electron shell tests skipped. ${skipReason}\n`);

test.describe('Electron shell', () => {
  test.describe.configure({ mode: 'serial' });
  test.skip(skipReason !== null, skipReason ?? '');
  let app: ElectronApplication;
  let page: Page;
  let scratch: string;
  let library: string;

  test.beforeAll(async () => {
    if ('reason' in electronFound) return;
    if (!existsSync(SHELL_ENTRY)) throw new Error(`${SHELL_ENTRY} is missing: run \`npm run build\` first.`);
    scratch = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'dailies-electron-')));
    library = path.join(scratch, 'Library');
    app = await electron.launch({
      executablePath: electronFound.binary,
      // Chromium refuses to run as root with its OS sandbox (CI containers); the renderer's
      // own sandbox (sandbox: true, contextIsolation) is unaffected by this switch.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), SHELL_ENTRY, '--library', library],
      env: {
        ...process.env,
        // better-sqlite3 in a checkout is built for this Node; the shell runs the core under it.
        DAILIES_NODE: process.execPath,
        // A profile of its own: no clash with a Dailies the developer has open.
        DAILIES_USER_DATA: path.join(scratch, 'user-data'),
      },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('opens one window titled Dailies on the app origin', async () => {
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle()))).toEqual([
      expect.stringMatching(/^Dailies/),
    ]);
    expect(page.url()).toBe('dailies-app://app/index.html');
  });

  test('isolates the renderer: the bridge is there, Node is not', async () => {
    const seen = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        bridge: typeof w.dailies,
        members: Object.keys((w.dailies ?? {}) as object).sort(),
        mediaOrigin: (w.dailies as DailiesBridge | undefined)?.mediaOrigin,
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        Buffer: typeof w.Buffer,
      };
    });
    expect(seen).toEqual({
      bridge: 'object', members: ['call', 'mediaOrigin', 'onEvent', 'pickFolder', 'pickPath', 'revealFile'], mediaOrigin: 'dailies-media://library',
      require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined',
    });
  });

  test('carries a contract call through the bridge to the core', async () => {
    const reply = await page.evaluate(() => (window as unknown as { dailies: DailiesBridge }).dailies.call('library.info', {}));
    expect(reply.ok).toBe(true);
    expect((reply as Extract<WireReply<LibraryInfo>, { ok: true }>).value.path).toBe(library);
    const bad = await page.evaluate(() => (window as unknown as { dailies: DailiesBridge }).dailies.call('library.info', { extra: 1 }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  test('reveals a take by its id only: the core refuses made-up input and unknown takes', async () => {
    const byPath = await page.evaluate(() =>
      (window as unknown as { dailies: DailiesBridge }).dailies.revealFile({ path: '/etc/passwd' } as unknown as { id: number }));
    expect(byPath).toMatchObject({ ok: false, error: { code: 'validation' } });
    const unknown = await page.evaluate(() => (window as unknown as { dailies: DailiesBridge }).dailies.revealFile({ id: 424242 }));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  test('blocks navigation to another origin and new windows', async () => {
    const attempted = app.evaluate(({ BrowserWindow }) => new Promise<string>((resolve) => {
      BrowserWindow.getAllWindows()[0]!.webContents.once('will-navigate', (event) => resolve(event.url));
    }));
    await page.evaluate(() => {
      window.location.href = 'http://example.com/';
    });
    expect(await attempted).toBe('http://example.com/');
    // The page is still ours and still talks to the core.
    expect(await page.evaluate(() => location.href)).toBe('dailies-app://app/index.html');
    const reply = await page.evaluate(() => (window as unknown as { dailies: DailiesBridge }).dailies.call('library.info', {}));
    expect(reply.ok).toBe(true);

    expect(await page.evaluate(() => window.open('http://example.com/') === null)).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('releases the library when it quits', async () => {
    expect(existsSync(path.join(library, 'library.lock'))).toBe(true);
    await app.close();
    expect(existsSync(path.join(library, 'library.lock'))).toBe(false);
  });
});
