// "Try this shot on…" against the real core and the built-in demo accounts: a Kling demo take
// re-run on the Veo demo account becomes a sibling take, and Compare opens with both, their
// providers and credits side by side.
import { expect, test } from './fixtures.js';
import { CompareView } from './pages/compare-view.js';
import { JobsPanel } from './pages/jobs-panel.js';
import { LibraryPage } from './pages/library-page.js';
import { keepScreenshot } from './review-screenshots.js';

test('tries a take on another provider and compares the two takes with their costs', async ({ page, dailies }) => {
  const library = new LibraryPage(page);
  const jobs = new JobsPanel(page);
  await library.open(dailies.url);
  await library.createDemoProject();
  await jobs.expectAllDone(3);

  await library.tiles.first().click();
  await library.detail.getByRole('button', { name: 'Try this shot on…' }).click();
  const form = library.detail.getByRole('form', { name: 'Try this shot on another provider' });
  const account = form.getByRole('combobox', { name: 'Account' });
  // Every provider has a demo account on the local simulator.
  for (const provider of ['veo', 'runway', 'minimax', 'pika', 'sora', 'luma']) await expect(account.locator(`option[value="demo-${provider}"]`)).toHaveCount(1);
  await account.selectOption('demo-veo');
  await form.getByRole('button', { name: 'Run it there' }).click();

  const started = library.detail.getByRole('status', { name: 'Try this shot on: started' });
  await expect(started).toContainText('Started job');
  await keepScreenshot(page, test.info(), 'try-on');
  await started.getByRole('button', { name: 'Compare both' }).click({ timeout: 60_000 });

  const compare = new CompareView(page);
  await expect(compare.panes).toHaveCount(2);
  await expect(compare.diffRow('Provider').getByRole('cell')).toHaveText(['kling', 'veo']);
  const credits = await compare.diffRow('Credits').getByRole('cell').allTextContents();
  expect(credits).toHaveLength(2);
  for (const c of credits) expect(Number(c.replace(/,/g, ''))).toBeGreaterThan(0);
});
