// The desktop shell end to end: Playwright's `_electron` launches the built app
// (dist/main/electron/main.js) against a temp library. Wherever Electron's binary is not
// installed (as on the machines with no route to its download), the test reports itself
// skipped with that reason. On Linux it needs a display: run it under `xvfb-run -a`.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/electron',
  workers: 1,
  retries: 0,
  reporter: 'list',
  // Its own folder: Playwright empties outputDir at start, so suites never share one.
  outputDir: 'test-results/electron',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  forbidOnly: !!process.env.CI,
  use: { trace: 'retain-on-failure' },
});
