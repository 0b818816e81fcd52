// The reference library through the real UI and core: a folder of references imported from the
// References view (images, a source video, audio), quality badges with their reason, a role that
// is kept across a reload, and a Kling element made on a simulator this test runs (so it can read
// what the simulator received) whose id shows on the images it was made from. The New generation
// form's picker then shows the library role and the badge.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startKlingSimulator, type KlingSimulator } from '../../main/providers/simulator/index.js';
import { callCore, expect, test } from './fixtures.js';
import { makeReferenceFolder, REFERENCE_FILES } from './media-fixtures.js';
import { GenerateDialog } from './pages/generate-dialog.js';
import { ImportDialog } from './pages/import-dialog.js';
import { LibraryPage } from './pages/library-page.js';
import { ReferencesView } from './pages/references-view.js';
import { keepScreenshot } from './review-screenshots.js';

const KEYS = { accessKey: 'e2e-refs-access', secretKey: 'e2e-refs-secret' };
const { heroFace, smallFace, banner, plate, line } = REFERENCE_FILES;

let sim: KlingSimulator;
let folder: string;
test.beforeAll(async () => {
  sim = await startKlingSimulator({ ...KEYS, accountCostsIntervalMs: 0 });
  folder = await mkdtemp(path.join(os.tmpdir(), 'dailies-e2e-refs-'));
  await makeReferenceFolder(folder);
});
test.afterAll(async () => {
  await sim?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

test('import references, see each badge and reason, keep a role across a reload, make a Kling element', async ({ page, dailies }) => {
  test.setTimeout(120_000);
  const library = new LibraryPage(page);
  await library.open(dailies.url);
  await callCore(page, dailies, 'providers.save', {
    id: 'sim', provider: 'kling', label: 'Kling (test simulator)', baseUrl: sim.baseUrl, credentials: KEYS,
  });

  // Empty: the view says what references are for and offers the import.
  const refs = new ReferencesView(page);
  await refs.open();
  await expect(refs.emptyState).toContainText('Import a folder of them');

  // The same import dialog as the Library's, here putting everything in the reference library.
  await refs.emptyState.getByRole('button', { name: 'Import references…' }).click();
  const dialog = new ImportDialog(page);
  await expect(dialog.root).toContainText('Into the reference library');
  await dialog.importPath(folder);
  await dialog.waitUntilFinished();
  await expect(dialog.count('Imported')).toHaveText('5');
  await dialog.close();

  await expect(refs.cards).toHaveCount(5);
  // The source video is a reference (not a take) and says so; audio too.
  await expect(refs.card(plate.file)).toContainText(`Source video · ${plate.width}×${plate.height}`);
  await expect(refs.role(plate.file).locator('option:checked')).toHaveText('Source video');
  await expect(refs.role(line.file).locator('option:checked')).toHaveText('Audio');
  expect(await callCore<{ count: number }>(page, dailies, 'renders.count', {})).toEqual({ count: 0 });

  // Badges against Kling: the banner's aspect is outside Kling's range, with the reason written out.
  await expect(refs.checkAgainst).toHaveValue('kling');
  await expect(refs.quality(heroFace.file)).toContainText('✓ Good for Kling');
  await expect(refs.quality(smallFace.file)).toContainText('✓ Good for Kling');
  await expect(refs.quality(banner.file)).toContainText('⚠ Check for Kling');
  await expect(refs.reasons(banner.file)).toHaveText(["Aspect 4.00:1 is outside Kling's 1:2.5 to 2.5:1."]);
  await keepScreenshot(page, test.info(), 'references');

  // As an identity reference the 800 px face is too small: the badge turns, with why.
  await refs.role(smallFace.file).selectOption({ label: 'Identity' });
  await expect(refs.quality(smallFace.file)).toContainText('⚠ Check for Kling');
  await expect(refs.reasons(smallFace.file)).toHaveText(['Long edge 800 px is under 1024 px: too small to hold an identity.']);
  await refs.role(heroFace.file).selectOption({ label: 'Identity' });
  await expect(refs.quality(heroFace.file)).toContainText('✓ Good for Kling');

  // The roles are in the catalogue: a reload finds them.
  await page.reload();
  await refs.open();
  await expect(refs.role(smallFace.file).locator('option:checked')).toHaveText('Identity');
  await expect(refs.role(heroFace.file).locator('option:checked')).toHaveText('Identity');
  await expect(refs.reasons(smallFace.file)).toHaveText(['Long edge 800 px is under 1024 px: too small to hold an identity.']);

  // A Kling element from two faces (the first ticked is the frontal view), by keyboard: Enter submits.
  await expect(refs.createElementButton).toBeDisabled();
  await refs.pickForElement(heroFace.file).check();
  await expect(refs.pickForElement(heroFace.file)).toHaveAccessibleName(/\(frontal view\)/);
  await refs.pickForElement(smallFace.file).check();
  await refs.elementAccount.selectOption({ label: 'Kling (test simulator)' });
  await refs.elementName.fill('hero');
  await refs.elementName.press('Enter');

  await expect(refs.elementCreated).toContainText(/Element “hero” created on Kling \(test simulator\): \S+/);
  // The simulator received it: one element, named, with the second face as its other view.
  const elements = sim.state.snapshot().elements;
  expect(elements).toHaveLength(1);
  const [element] = elements;
  expect(element).toMatchObject({ element_name: 'hero' });
  expect(element!.element_refer_list).toHaveLength(1);
  await expect(refs.elementCreated).toContainText(element!.element_id);
  // Its id is kept on both images, and survives a reload.
  await page.reload();
  await refs.open();
  await expect(refs.card(heroFace.file)).toContainText(`Kling element: ${element!.element_id}`);
  await expect(refs.card(smallFace.file)).toContainText(`Kling element: ${element!.element_id}`);
  await expect(refs.card(banner.file)).not.toContainText('Kling element:');

  // New generation: the picker shows the library roles and badges, and offers the element.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
  const generate = new GenerateDialog(page);
  await generate.open();
  await generate.taskType.selectOption('multi_reference');
  const picker = generate.root.getByRole('list', { name: 'Reference images' });
  const small = picker.getByRole('listitem', { name: smallFace.file, exact: true });
  await expect(small).toContainText('Library role: Identity');
  await expect(small.getByRole('group', { name: `Quality of ${smallFace.file}` })).toContainText('Long edge 800 px is under 1024 px');
  await expect(picker.getByRole('listitem', { name: plate.file, exact: true })).toHaveCount(0);
  await expect(generate.root.getByRole('group', { name: 'Kling elements' })).toContainText(element!.element_id);
});
