// Screenshots of each review view, kept as test artifacts (test-results/screenshots and attached
// to the test's report) so a reviewer can see the views without running the app.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

const DIR = path.resolve('test-results/screenshots');

export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await mkdir(DIR, { recursive: true });
  const file = path.join(DIR, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled' });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}
