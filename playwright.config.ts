// End-to-end tests: the real renderer (dist/renderer) served by the real core (dist/main/serve)
// in a real Chromium. Run `npm run build` first.
import { existsSync } from 'node:fs';
import { chromium, defineConfig, type LaunchOptions } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium where installed (CI here), else Playwright's own, else one clear error. */
function chromiumLaunchOptions(): LaunchOptions {
  if (existsSync(DEBIAN_CHROMIUM)) {
    return {
      executablePath: DEBIAN_CHROMIUM,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--disable-dev-shm-usage',
      ],
    };
  }
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // No browser registry entry: treated as not installed.
  }
  if (bundled && existsSync(bundled)) return {};
  const error = new Error('No Chromium found: install Debian\'s chromium (apt-get install -y chromium) or run npx playwright install chromium');
  error.stack = `Error: ${error.message}`; // one line, not a trace through Playwright's config loader
  throw error;
}

export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  retries: 0,
  reporter: 'list',
  // Its own folder: the Electron suite (playwright.electron.config.ts) cleans its output folder
  // when it starts, and two suites sharing one would delete each other's traces mid-run.
  outputDir: 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  forbidOnly: !!process.env.CI,
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
});
