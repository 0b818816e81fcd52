// Fixtures: a folder of generated clips (made once per worker) and, per test, a fresh library
// served by the real core (`node dist/main/serve/cli.js --json`) on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { makeClipFolder, makeManyClips } from './media-fixtures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVE_CLI = path.join(ROOT, 'dist/main/serve/cli.js');
const RENDERER_INDEX = path.join(ROOT, 'dist/renderer/index.html');
const START_TIMEOUT_MS = 30_000;

export interface ServedLibrary {
  /** The token URL: visiting it sets the session cookie and redirects to the app. */
  url: string;
  token: string;
  port: number;
  library: string;
  /** Stops the host and starts it again on the same port with the same token (a host restart). */
  restart(): Promise<void>;
}

type ServeInfo = Omit<ServedLibrary, 'restart'>;

interface Started {
  info: ServeInfo;
  child: ChildProcess;
  stderr: () => string;
}

/**
 * Where a served library keeps provider keys: a file of the test's own, beside its library.
 * Without it serve uses the user-data folder's secrets.json, which is the developer's real key
 * store — and one file shared by parallel workers, where one test's account keys overwrote
 * another's of the same name mid-test (a Kling job then failed 401 on a signature mismatch).
 */
const secretsFileOf = (libraryDir: string) => `${libraryDir}.secrets.json`;

async function startServe(libraryDir: string, again?: { port: number; token: string }, extraEnv: Record<string, string> = {}): Promise<Started> {
  for (const file of [SERVE_CLI, RENDERER_INDEX]) {
    if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` before the e2e tests.`);
  }
  const child = spawn(process.execPath, [SERVE_CLI, '--library', libraryDir, '--port', String(again?.port ?? 0), '--json'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    // An empty DAILIES_TOKEN means "make a random one", whatever the developer's shell has set.
    env: { ...process.env, ...extraEnv, DAILIES_TOKEN: again?.token ?? '', DAILIES_SECRETS_FILE: secretsFileOf(libraryDir) },
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  const lines = createInterface({ input: child.stdout! });
  const firstLine = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed nothing in ${START_TIMEOUT_MS} ms. stderr:\n${stderr}`)), START_TIMEOUT_MS);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before printing its address. stderr:\n${stderr}`));
    });
  });
  try {
    const info = JSON.parse(await firstLine) as ServeInfo;
    return { info, child, stderr: () => stderr };
  } catch (err) {
    await stopServe(child);
    throw err;
  } finally {
    lines.close();
    child.stdout!.resume();
  }
}

async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}

/** How many takes `manyClipsFolder` holds: more than one grid page. */
export const MANY_CLIPS = 130;

export const test = base.extend<
  { dailies: ServedLibrary; libraryTemplate: string | null; serveEnv: Record<string, string> },
  { clipFolder: string; manyClipsFolder: string }
>({
  /** A folder whose catalogue.sqlite the served library starts from (big-library.ts); null: empty. */
  libraryTemplate: [null, { option: true }],
  /** More environment for the served core (e.g. DAILIES_FFMPEG, to hold back its ffmpeg work). */
  serveEnv: [{}, { option: true }],

  clipFolder: [
    async ({}, use) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'dailies-e2e-clips-'));
      try {
        await makeClipFolder(dir);
        await use(dir);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],

  manyClipsFolder: [
    async ({}, use) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'dailies-e2e-many-'));
      try {
        await makeManyClips(dir, MANY_CLIPS);
        await use(dir);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],

  // Any script error or console error fails the test: that is how a CSP violation (an inline
  // style or script the strict policy blocks) or an unhandled rejection shows itself. The page
  // depends on `dailies` so the server is stopped only after the page is done with it.
  page: async ({ page, dailies: _served }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      // A refused contract call (a validation error shown next to its field) is an HTTP 4xx
      // that Chromium logs; the UI handles it, so it is not a problem here.
      // Likewise the event stream's reconnection attempts while the host is down.
      const { pathname } = new URL(msg.location().url || 'about:blank');
      if (msg.text().startsWith('Failed to load resource') && (pathname.startsWith('/api/call/') || pathname === '/api/events')) return;
      problems.push(`console error: ${msg.text()} (${msg.location().url})`);
    });
    await use(page);
    await page.close();
    expect(problems, 'errors in the page').toEqual([]);
  },

  dailies: async ({ libraryTemplate, serveEnv }, use, testInfo) => {
    const libraryDir = await mkdtemp(path.join(os.tmpdir(), 'dailies-e2e-library-'));
    let started: Started | undefined;
    let stderr = '';
    try {
      if (libraryTemplate) await copyFile(path.join(libraryTemplate, 'catalogue.sqlite'), path.join(libraryDir, 'catalogue.sqlite'));
      started = await startServe(libraryDir, undefined, serveEnv);
      const { port, token } = started.info;
      await use({
        ...started.info,
        restart: async () => {
          await stopServe(started!.child);
          stderr += started!.stderr();
          started = undefined;
          started = await startServe(libraryDir, { port, token }, serveEnv);
        },
      });
    } finally {
      if (started) {
        await stopServe(started.child);
        stderr += started.stderr();
      }
      if (testInfo.status !== testInfo.expectedStatus && stderr) {
        await testInfo.attach('serve-stderr', { body: stderr, contentType: 'text/plain' });
      }
      await rm(libraryDir, { recursive: true, force: true });
      await rm(secretsFileOf(libraryDir), { force: true });
    }
  },
});

/** One contract call with the page's session cookie, as the renderer makes it (setup a test needs, not under test). */
export async function callCore<T>(page: Page, dailies: ServedLibrary, channel: string, input: unknown): Promise<T> {
  const res = await page.request.post(`${new URL(dailies.url).origin}/api/call/${channel}`, { data: input });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.value as T;
}

export { expect };
