// A create whose answer is lost, with a provider that cannot look a task up by our key (Luma):
// the job waits for the user instead of being sent again blind. The Jobs button says a job is
// waiting even with the panel closed; the row explains, and Drop ends it without a second send.
import { useSimulator } from './simulator.js';
import { callCore, expect, test } from './fixtures.js';
import { GenerateDialog } from './pages/generate-dialog.js';
import { JobsPanel } from './pages/jobs-panel.js';
import { LibraryPage } from './pages/library-page.js';
import { keepScreenshot } from './review-screenshots.js';

const sim = useSimulator({ accessKey: 'e2e-lost-access', secretKey: 'e2e-lost-secret', processingMs: 300 });

test('a lost answer waits for your decision: the Jobs button says so, Drop sends nothing again', async ({ page, dailies }) => {
  const library = new LibraryPage(page);
  const generate = new GenerateDialog(page);
  const jobs = new JobsPanel(page);
  const prompt = 'A koi pond at dawn, mist over the water';
  await library.open(dailies.url);
  await callCore(page, dailies, 'providers.save', { id: 'luma-lost', provider: 'luma', label: 'Luma (answers lost)', baseUrl: sim().baseUrlOf('luma'), credentials: { apiKey: sim().apiKeyOf('luma') } });
  // Luma takes the task, then the connection drops before its answer arrives.
  sim().state.faults.add({ mode: 'next', fault: 'connection_reset', phase: 'after', provider: 'luma' });
  const lumaTasks = () => [...sim().state.tasks.values()].filter((t) => t.provider === 'luma');

  await generate.open();
  await generate.account.selectOption('luma-lost');
  await generate.prompt.fill(prompt);
  await generate.waitForEstimate();
  await generate.submit();

  const job = jobs.newest;
  await expect(job).toContainText(prompt);
  await expect(job).toHaveAccessibleName(/^Job \d+: Answer lost$/, { timeout: 30_000 });
  await expect(job).toContainText('it may be running and charged at Luma');
  await expect(jobs.toggle).toHaveAccessibleName('Jobs, 1 waiting for you');
  await expect(job.getByRole('button', { name: /^Send again/ })).toBeVisible();
  await keepScreenshot(page, test.info(), 'jobs-answer-lost');
  expect(lumaTasks()).toHaveLength(1);

  await job.getByRole('button', { name: 'Drop' }).click();
  await expect(job).toHaveAccessibleName(/^Job \d+: Cancelled$/);
  await expect(job.getByRole('button', { name: 'Drop' })).toHaveCount(0);
  await expect(jobs.toggle).toHaveAccessibleName('Jobs');
  expect(lumaTasks()).toHaveLength(1);
  await expect(library.tiles).toHaveCount(0);
});
