// UI benchmark: `npm run bench:ui` (builds, then tsx test/e2e/ui.bench.ts). It lives beside the
// end-to-end tests because it drives the same built app in the same Chromium with DOM code.
//
// The real renderer (dist/renderer) served by the real core (dist/main/serve) in Debian's
// Chromium (Playwright), on a library of BENCH_UI_RENDERS renders (default 100,000) written by
// test/e2e/big-library.ts. Measured in the page with performance.now():
//   1. First grid paint: from navigation start to the first frame after the first tile is in the
//      DOM, over several cold page loads.                                       target ≤ 1000 ms
//   2. Search as you type: each keystroke typed into the search box (words and query syntax), from
//      the keydown to the first frame whose grid answers the new text (the listbox's
//      data-results-for attribute says which search its tiles answer).             target p95 ≤ 50 ms
//   3. Scrolling: the grid scrolled by 1.5 screens a frame for a few seconds, including pages
//      loading on the way; frame times from requestAnimationFrame and long tasks from a
//      PerformanceObserver.                                          target: no frame over 50 ms
// Prints a table and writes .bench/ui.json. Wall-clock figures on a shared, loaded machine: read
// them with the load average printed beside them. Exits 0 unless the benchmark itself fails.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { makeBigLibrary } from './big-library.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RENDERS = Number(process.env.BENCH_UI_RENDERS ?? 100_000);
const LOADS = Number(process.env.BENCH_UI_LOADS ?? 7);
const QUERIES = ['golden hour', 'zebra', 'red fox rain', 'provider:kling rating:>=4 golden', 'take_99', 'astronaut neon cost:<1'];

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
}
const summary = (xs: number[]) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), max: Math.max(...xs) });

async function serve(library: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/main/serve/cli.js'), '--library', library, '--port', '0', '--json'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DAILIES_TOKEN: '', DAILIES_SECRETS_FILE: `${library}.secrets.json` },
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  child.stdout!.resume();
  return { url: (JSON.parse(line) as { url: string }).url, child };
}

async function main() {
  for (const f of ['dist/main/serve/cli.js', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run npm run build (npm run bench:ui does).`);
  }
  const library = mkdtempSync(path.join(os.tmpdir(), 'dailies-bench-ui-'));
  console.log(`Writing a library of ${RENDERS.toLocaleString('en')} renders…`);
  let t = performance.now();
  makeBigLibrary(library, RENDERS);
  console.log(`  ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const { url, child } = await serve(library);
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // tsx compiles with esbuild's keepNames, which wraps named functions in a `__name(fn, "…")`
    // call; functions handed to page.evaluate carry that call into the page, so the page gets the
    // same helper (naming is all it does).
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const page = await context.newPage();
    await page.goto(url); // sets the session cookie; later loads go to the app itself
    const appUrl = page.url();
    await page.waitForSelector('[role="option"]');

    // 1. First grid paint, cold loads (the page's own navigation start → first frame with a tile).
    const firstPaint: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      await page.goto('about:blank');
      await page.addInitScript(() => {
        const w = window as unknown as { __firstTile?: number };
        new MutationObserver((_, obs) => {
          if (document.querySelector('[role="option"]')) {
            obs.disconnect();
            requestAnimationFrame(() => (w.__firstTile = performance.now()));
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(appUrl);
      await page.waitForFunction(() => (window as unknown as { __firstTile?: number }).__firstTile !== undefined, null, { timeout: 60_000 });
      firstPaint.push(await page.evaluate(() => (window as unknown as { __firstTile: number }).__firstTile));
    }

    // 2. Search as you type.
    const search = page.getByRole('searchbox', { name: 'Search renders' });
    const keystrokes: number[] = [];
    const typed: { text: string; ms: number }[] = [];
    for (const q of QUERIES) {
      await search.fill('');
      await page.waitForSelector('[role="listbox"][data-results-for=""]');
      await search.focus();
      for (let i = 1; i <= q.length; i++) {
        const text = q.slice(0, i).trim();
        const ms = await page.evaluate(
          ({ ch, text }) =>
            new Promise<number>((resolve, reject) => {
              const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
              const start = performance.now();
              // What a keystroke does to a controlled input: the value changes and React hears 'input'.
              const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
              input.dispatchEvent(new KeyboardEvent('keydown', { key: ch, bubbles: true }));
              setter.call(input, input.value + ch);
              input.dispatchEvent(new Event('input', { bubbles: true }));
              const timeout = setTimeout(() => reject(new Error(`no grid for “${text}” in 10 s`)), 10_000);
              const check = () => {
                const grid = document.querySelector('[role="listbox"][aria-label="Renders"]');
                const alert = document.querySelector('.search-error');
                if (grid?.getAttribute('data-results-for') === text || (alert && text.includes(':'))) {
                  clearTimeout(timeout);
                  resolve(performance.now() - start);
                } else requestAnimationFrame(check);
              };
              requestAnimationFrame(check);
            }),
          { ch: q[i - 1]!, text },
        );
        keystrokes.push(ms);
        typed.push({ text, ms });
      }
    }
    await search.fill('');
    await page.waitForSelector('[role="listbox"][data-results-for=""]');

    // 3. Scroll frame times.
    const scroll = await page.evaluate(
      () =>
        new Promise<{ frames: number[]; longTasks: number[] }>((resolve) => {
          const grid = document.querySelector<HTMLElement>('[role="listbox"][aria-label="Renders"]')!;
          const longTasks: number[] = [];
          const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
          obs.observe({ type: 'longtask', buffered: false });
          const frames: number[] = [];
          let last = performance.now();
          const end = last + 5000;
          const step = (now: number) => {
            frames.push(now - last);
            last = now;
            grid.scrollTop += grid.clientHeight * 1.5;
            if (now < end) requestAnimationFrame(step);
            else {
              obs.disconnect();
              resolve({ frames, longTasks });
            }
          };
          requestAnimationFrame(step);
        }),
    );
    const scrolledTo = await page.evaluate(() => {
      const tiles = document.querySelectorAll('[role="option"]');
      return Number(tiles[tiles.length - 1]?.getAttribute('aria-posinset') ?? 0);
    });

    const results = {
      renders: RENDERS,
      loadAverage: os.loadavg(),
      firstGridPaintMs: summary(firstPaint),
      searchKeystrokeMs: summary(keystrokes),
      scroll: { ...summary(scroll.frames), over50ms: scroll.frames.filter((f) => f > 50).length, longTasks: scroll.longTasks.length, longestTaskMs: Math.max(0, ...scroll.longTasks), reachedTake: scrolledTo },
    };
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    console.log(`\nUI benchmark, ${RENDERS.toLocaleString('en')} renders (load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
    console.log(`first grid paint   p50 ${results.firstGridPaintMs.p50.toFixed(0)} ms  p95 ${results.firstGridPaintMs.p95.toFixed(0)} ms  max ${results.firstGridPaintMs.max.toFixed(0)} ms  (n=${LOADS})  target ≤ 1000 ms: ${verdict(results.firstGridPaintMs.p95 <= 1000)}`);
    console.log(`search keystroke   p50 ${results.searchKeystrokeMs.p50.toFixed(1)} ms  p95 ${results.searchKeystrokeMs.p95.toFixed(1)} ms  max ${results.searchKeystrokeMs.max.toFixed(1)} ms  (n=${keystrokes.length})  target p95 ≤ 50 ms: ${verdict(results.searchKeystrokeMs.p95 <= 50)}`);
    // Which texts were slowest, to say where to look when the target is missed.
    console.log(`  slowest: ${[...typed].sort((a, b) => b.ms - a.ms).slice(0, 6).map((t) => `“${t.text}” ${t.ms.toFixed(0)} ms`).join(', ')}`);
    console.log(`scroll frames      p50 ${results.scroll.p50.toFixed(1)} ms  p95 ${results.scroll.p95.toFixed(1)} ms  max ${results.scroll.max.toFixed(1)} ms  frames > 50 ms: ${results.scroll.over50ms} of ${results.scroll.n}  long tasks: ${results.scroll.longTasks} (longest ${results.scroll.longestTaskMs.toFixed(0)} ms)  reached take ${scrolledTo}  target none > 50 ms: ${verdict(results.scroll.over50ms === 0)}`);
    mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
    writeFileSync(path.join(ROOT, '.bench/ui.json'), JSON.stringify(results, null, 2));
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(library, { recursive: true, force: true });
  }
  void t;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
