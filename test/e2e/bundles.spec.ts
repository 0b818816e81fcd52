// Export → import preview → import, through the real UI against the real core.
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.js';
import { CLIPS } from './media-fixtures.js';
import { ExportBundleDialog, ImportBundleDialog } from './pages/bundle-dialogs.js';
import { LibraryPage } from './pages/library-page.js';
import { keepScreenshot } from './review-screenshots.js';

test('exports a project as a bundle, previews it, and imports it (a re-import adds nothing)', async ({ page, request, dailies, clipFolder }) => {
  const call = async (channel: string, input: unknown) => {
    const res = await request.post(`http://127.0.0.1:${dailies.port}/api/call/${channel}`, {
      headers: { authorization: `Bearer ${dailies.token}` }, data: input,
    });
    return ((await res.json()) as { value: any }).value; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const project = await call('projects.create', { name: 'Bundle spot' });
  await call('import.folder', { path: clipFolder, projectId: project.id });
  await expect.poll(async () => (await call('renders.count', { filter: { projectId: project.id } })).count, { timeout: 60_000 }).toBe(CLIPS.length);

  const out = await mkdtemp(path.join(os.tmpdir(), 'dailies-e2e-bundle-'));
  try {
    const file = path.join(out, 'bundle-spot.dailies');
    const library = new LibraryPage(page);
    await library.open(dailies.url);

    const exporter = new ExportBundleDialog(page);
    await exporter.open();
    await expect(exporter.root).toBeVisible();
    await expect(exporter.root.getByLabel('Project')).toHaveValue(String(project.id));
    await exporter.exportTo(file);
    await expect(exporter.heading).toHaveText('Export finished', { timeout: 60_000 });
    await expect(exporter.root).toContainText(`Exported ${CLIPS.length} takes`);
    expect(existsSync(file)).toBe(true);
    await exporter.root.getByRole('button', { name: 'Done' }).click();
    await expect(exporter.root).toBeHidden();

    const importer = new ImportBundleDialog(page);
    await importer.open();
    // A path with nothing there is refused in words, and nothing changes.
    await importer.preview(path.join(out, 'missing.dailies'));
    await expect(importer.root.getByRole('alert')).toContainText('There is no bundle at');

    await importer.preview(file);
    await expect(importer.heading).toHaveText('Import this bundle?');
    await expect(importer.root).toContainText('Bundle spot');
    // Into the library it came from: every take is already here.
    await expect(importer.row('Takes')).toHaveText(['0', '0', String(CLIPS.length), '0']);
    await keepScreenshot(page, test.info(), 'bundle-import-preview');
    await importer.root.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(importer.heading).toHaveText('Import finished', { timeout: 60_000 });
    await expect(importer.root).toContainText('Imported 0 new takes');
    expect((await call('renders.count', { filter: {} })).count).toBe(CLIPS.length);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
