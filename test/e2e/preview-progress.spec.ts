// The status bar's preview progress (issue 5, "progress bars for every long task"): after an
// import, the hover-scrub strips are made in the background and the views bar says how many are
// left, then goes away; a strip that could not be made is listed with its file and reason.
// To see the indicator mid-work without racing it, the served core's ffmpeg (DAILIES_FFMPEG) is a
// wrapper that holds back strip-making (ffmpeg's tile filter), or poster-making (the poster's
// scale), until the test opens that gate; the real ffmpeg then does the work. Nothing else changes.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { callCore, expect, test } from './fixtures.js';
import { CLIPS, FILE_COUNT } from './media-fixtures.js';
import { ImportDialog } from './pages/import-dialog.js';
import { LibraryPage } from './pages/library-page.js';
import { PreviewStatus } from './pages/preview-status.js';
import { keepScreenshot } from './review-screenshots.js';

const realFfmpeg = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
const dir = mkdtempSync(path.join(os.tmpdir(), 'dailies-e2e-gate-'));
const gate = path.join(dir, 'open');
const posterGate = path.join(dir, 'posters-open');
const wrapper = path.join(dir, 'ffmpeg');
const sq = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
writeFileSync(
  wrapper,
  [
    '#!/bin/sh',
    'case "$*" in',
    `  *tile=*) while [ ! -e ${sq(gate)} ]; do sleep 0.05; done ;;`,
    `  *"scale='min("*) while [ ! -e ${sq(posterGate)} ]; do sleep 0.05; done ;;`,
    'esac',
    `exec ${sq(realFfmpeg)} "$@"`,
    '',
  ].join('\n'),
);
chmodSync(wrapper, 0o755);

test.use({ serveEnv: { DAILIES_FFMPEG: wrapper } });
test.beforeEach(() => {
  rmSync(gate, { force: true });
  writeFileSync(posterGate, '');
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const storedFile = (library: string, source: string) => {
  const sha = createHash('sha256').update(readFileSync(source)).digest('hex');
  return path.join(library, 'media', sha.slice(0, 2), sha.slice(2, 4), `${sha}.mp4`);
};

test('importing a folder shows "Making previews" with counts in the views bar until the strips are made', async ({ page, dailies, clipFolder }) => {
  const library = new LibraryPage(page);
  const status = new PreviewStatus(page);
  await library.open(dailies.url);
  await expect(status.bar).toBeHidden();
  await library.importFolder(clipFolder);

  // The import is finished and the takes are in the grid; their strips wait for the gate.
  await expect(library.tiles).toHaveCount(CLIPS.length);
  await expect(status.bar).toBeVisible();
  await expect(status.bar).toHaveAttribute('max', String(CLIPS.length));
  await expect(status.bar).toHaveAttribute('value', '0');
  await expect(status.count).toHaveText(`0 of ${CLIPS.length}`);
  await keepScreenshot(page, test.info(), 'preview-progress');

  // A window opened mid-work asks the core and shows the same.
  await page.reload();
  await expect(status.count).toHaveText(`0 of ${CLIPS.length}`);

  writeFileSync(gate, '');
  await expect(status.bar).toBeHidden();
  await expect(status.failedButton).toBeHidden();
  // The strips are there: hovering a tile scrubs through it.
  const tile = library.tile(CLIPS[0]!.title);
  await tile.hover();
  await expect(library.scrubStrip(tile)).toBeVisible();
  const state = await callCore<{ pending: number; done: number; failed: number }>(page, dailies, 'media.progress', {});
  expect(state).toMatchObject({ pending: 0, done: CLIPS.length, failed: 0 });
});

test('a strip that could not be made is listed with its file and reason until dismissed', async ({ page, dailies, clipFolder }) => {
  const library = new LibraryPage(page);
  const status = new PreviewStatus(page);
  await library.open(dailies.url);
  await library.importFolder(clipFolder);
  await expect(status.count).toHaveText(`0 of ${CLIPS.length}`);

  // One take's stored file goes away before its strip is made: ffmpeg cannot read it.
  const lost = CLIPS[1]!;
  const stored = storedFile(dailies.library, path.join(clipFolder, lost.file));
  expect(existsSync(stored)).toBe(true);
  rmSync(stored);
  writeFileSync(gate, '');

  await expect(status.bar).toBeHidden();
  await expect(status.failedButton).toHaveText('1 preview failed');
  await status.failedButton.click();
  const line = status.failure(lost.title);
  await expect(line).toContainText('hover-scrub strip');
  await expect(line).toContainText(path.join(clipFolder, lost.file));
  await expect(line).toContainText(/The hover-scrub strip could not be made: .*No such file or directory/);
  await keepScreenshot(page, test.info(), 'preview-failures');

  await status.failures.getByRole('button', { name: 'Dismiss' }).click();
  await expect(status.failedButton).toBeHidden();
  await page.reload();
  await expect(library.tiles).toHaveCount(CLIPS.length);
  await expect(status.failedButton).toBeHidden();
});

test('a take whose poster is not made yet shows a placeholder tile that fills in when it is', async ({ page, dailies, clipFolder }) => {
  const library = new LibraryPage(page);
  rmSync(posterGate);
  writeFileSync(gate, '');
  await library.open(dailies.url);
  await library.importButton.click();
  await new ImportDialog(page).importPath(clipFolder);
  // The takes are catalogued before their posters (which show they decode) are made; a window
  // opened meanwhile lists them.
  await expect
    .poll(async () => (await callCore<{ items: unknown[] }>(page, dailies, 'renders.page', {})).items.length)
    .toBe(CLIPS.length);
  await page.reload();
  await expect(library.tiles).toHaveCount(CLIPS.length);
  for (const clip of CLIPS) {
    await expect(library.tile(clip.title)).toContainText('video');
    await expect(library.poster(library.tile(clip.title))).toHaveCount(0);
  }
  // The reloaded window also shows the import still running, in the views bar (import.running).
  const folderName = path.basename(clipFolder);
  const importing = page.getByRole('navigation', { name: 'Views' }).getByRole('progressbar', { name: `Importing from ${folderName}` });
  await expect(importing).toHaveAttribute('max', String(FILE_COUNT));
  await expect(library.renderCount).toHaveText(`${CLIPS.length} renders`);
  await keepScreenshot(page, test.info(), 'poster-placeholders');

  writeFileSync(posterGate, '');
  for (const clip of CLIPS) await expect(library.poster(library.tile(clip.title))).toBeVisible();
  await expect(importing).toBeHidden();
});

test('an import hidden from its dialog stays in the views bar, and Show brings its progress back', async ({ page, dailies, clipFolder }) => {
  const library = new LibraryPage(page);
  const dialog = new ImportDialog(page);
  rmSync(posterGate);
  writeFileSync(gate, '');
  await library.open(dailies.url);
  await library.importButton.click();
  await dialog.importPath(clipFolder);
  await expect(dialog.progress).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Views' });
  const importing = nav.getByRole('progressbar', { name: `Importing from ${path.basename(clipFolder)}` });
  // While the dialog shows it, the bar does not repeat it.
  await expect(importing).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(dialog.root).toBeHidden();
  await expect(importing).toBeVisible();
  await expect(importing).toHaveAttribute('max', String(FILE_COUNT));

  await nav.getByRole('button', { name: `Show the import from ${path.basename(clipFolder)}` }).click();
  await expect(dialog.progress).toBeVisible();
  writeFileSync(posterGate, '');
  await dialog.waitUntilFinished();
  await expect(dialog.count('Imported')).toHaveText(String(CLIPS.length + 1));
  await dialog.close();
  await expect(importing).toBeHidden();
});
