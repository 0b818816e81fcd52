// The New generation form's prompt builder: shot-list fields prefilled from the chosen shot,
// composed into the prompt; negative presets; the project's style lock, saved in the catalogue
// and appended to the prompt the job is sent with.
import { expect, test } from './fixtures.js';
import { GenerateDialog } from './pages/generate-dialog.js';
import { JobsPanel } from './pages/jobs-panel.js';
import { LibraryPage } from './pages/library-page.js';

const COMPOSED = 'medium close-up of a street-food cook tosses noodles in a flaming wok, handheld, firelight, cinematic, 35mm film';
const LOCK = 'muted teal and amber, soft grain';

test('shot-list fields to a prompt, negative presets, and the style lock on the prompt that is sent', async ({ page, dailies }) => {
  test.setTimeout(150_000);
  const library = new LibraryPage(page);
  const generate = new GenerateDialog(page);
  const jobs = new JobsPanel(page);
  await library.open(dailies.url);
  await library.createDemoProject();
  await expect(jobs.jobs).toHaveCount(3);

  await generate.open();
  const demoProject = generate.project.locator('option', { hasText: 'Demo: Night market' });
  await generate.project.selectOption({ label: (await demoProject.textContent())! });
  await generate.shot.selectOption({ label: '2. The cook' });

  // The builder opens with the shot's fields; "Use as prompt" writes the composed prompt.
  const builder = generate.root.locator('details.prompt-builder');
  await expect(builder.getByLabel('Subject')).toHaveValue('a street-food cook');
  await expect(builder.getByLabel('Framing')).toHaveValue('medium close-up');
  await builder.getByLabel('Camera', { exact: true }).fill('handheld');
  await builder.getByRole('button', { name: 'Use as prompt' }).click();
  await expect(generate.prompt).toHaveValue(COMPOSED);

  // Presets add their words to the negative prompt and take them out again.
  const presets = generate.root.getByRole('group', { name: 'Negative prompt presets' });
  await presets.getByLabel('no extra fingers').check();
  await presets.getByLabel('no warping').check();
  await expect(generate.negativePrompt).toHaveValue('no extra fingers, no warping');
  await presets.getByLabel('no extra fingers').uncheck();
  await expect(generate.negativePrompt).toHaveValue('no warping');

  // The style lock is kept with the project and counted in the prompt's length as sent.
  const lock = builder.getByLabel(/^Project style lock/);
  await lock.fill(LOCK);
  await builder.getByRole('button', { name: 'Save style lock' }).click();
  await expect(builder.getByRole('button', { name: 'Save style lock' })).toBeDisabled();
  const sentLength = `${COMPOSED}. ${LOCK}`.length;
  await expect(builder.getByRole('status', { name: 'Prompt as sent' })).toHaveText(`As sent with the style lock: ${sentLength} / 2,500 characters`);

  await generate.waitForEstimate();
  await generate.submit();
  const job = jobs.newest;
  await expect(job).toContainText(COMPOSED);
  await expect(job).toHaveAccessibleName(/^Job \d+: Done$/, { timeout: 60_000 });
  // The job (and its render) carry the prompt as sent: the style lock is part of it.
  await jobs.renderLink(job, `${COMPOSED}. ${LOCK}`).click();
  await expect(library.fact('Prompt')).toHaveText(`${COMPOSED}. ${LOCK}`);
  await expect(library.fact('Negative prompt')).toHaveText('no warping');

  // A new form on the same project shows the saved lock (it lives in the catalogue).
  await generate.open();
  await generate.project.selectOption({ label: (await demoProject.textContent())! });
  await generate.shot.selectOption({ label: '1. Opening: the market wakes' });
  await expect(generate.root.getByLabel(/^Project style lock/)).toHaveValue(LOCK);
});
