// Cancelling a job while its result downloads, in the Jobs panel against the real core: the
// provider already made and charged the video, so the row says the charge stays, shows it, and
// offers Retry. A simulator of this test's own sends half the file and then holds the
// connection (its stalled_download fault), so Cancel surely lands mid-transfer.
import { useSimulator } from './simulator.js';
import { callCore, expect, test } from './fixtures.js';
import { GenerateDialog } from './pages/generate-dialog.js';
import { JobsPanel } from './pages/jobs-panel.js';
import { LibraryPage } from './pages/library-page.js';

const KEYS = { accessKey: 'e2e-stall-access', secretKey: 'e2e-stall-secret' };
const sim = useSimulator({ ...KEYS, queueDelayMs: 50, processingMs: 200 });

test('Cancel while downloading: "that charge stays", the charge shown once, nothing in the library', async ({ page, dailies }) => {
  const library = new LibraryPage(page);
  const generate = new GenerateDialog(page);
  const jobs = new JobsPanel(page);
  const prompt = 'A kite caught in a tree, wind in the leaves';
  await library.open(dailies.url);
  await callCore(page, dailies, 'providers.save', { id: 'stalling', provider: 'kling', label: 'Kling (stalling download)', baseUrl: sim().baseUrl, credentials: KEYS });
  sim().state.faults.add({ mode: 'next', fault: 'stalled_download', endpoint: '/results' });

  await generate.open();
  await generate.account.selectOption('stalling');
  await generate.prompt.fill(prompt);
  await generate.waitForEstimate();
  await generate.submit();

  const job = jobs.newest;
  await expect(job).toContainText(prompt);
  // Half the bytes arrived and the rest will not: the download is under way.
  await expect(job).toHaveAccessibleName(/^Job \d+: Downloading$/, { timeout: 60_000 });
  await expect.poll(async () => Number(await jobs.progress(job).getAttribute('value')), { timeout: 30_000 }).toBeGreaterThan(0);
  const task = sim().state.snapshot().tasks.filter((t) => t.status === 'succeed').at(-1)!;
  const charged = task.charged!;

  await job.getByRole('button', { name: 'Cancel' }).click();
  await expect(job).toHaveAccessibleName(/^Job \d+: Cancelled$/);
  await expect(job).toContainText(
    `Cancelled: The provider had already made the video and charged ${charged} credits; that charge stays. The partial download was discarded.`,
  );
  await expect(job).toContainText(`· charged ${charged.toLocaleString('en-US', { maximumFractionDigits: 2 })} credit`);
  await expect(job.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(job.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await expect(jobs.progress(job)).toHaveCount(0);

  // The ledger keeps the estimate and the one charge; no take reached the library.
  await job.getByRole('button', { name: 'Details' }).click();
  const charges = jobs.drawer.getByRole('table', { name: 'Charges' });
  await expect(charges.getByRole('row')).toHaveCount(3); // header, estimate, charged
  await expect(charges).toContainText('Charged');
  await jobs.drawer.getByRole('button', { name: 'Close job details' }).click();
  await expect(library.emptyState).toBeVisible();
});
