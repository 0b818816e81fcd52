import path from 'node:path';
import { expect, test } from './fixtures.js';
import { BROKEN_CLIP, CLIPS, FILE_COUNT, NOTES, REFERENCE_IMAGE } from './media-fixtures.js';
import { ImportDialog } from './pages/import-dialog.js';
import { LibraryPage } from './pages/library-page.js';
import { keepScreenshot } from './review-screenshots.js';

const golden = CLIPS[0]!;

test('an empty library fills from a folder, shows probe data, searches, and skips duplicates', async ({ page, dailies, clipFolder }) => {
  const library = new LibraryPage(page);
  const dialog = new ImportDialog(page);
  await library.open(dailies.url);

  // Empty library: says so, and says how to fill it.
  await expect(library.emptyState).toBeVisible();
  await expect(library.emptyState).toContainText('Import a folder…');
  await keepScreenshot(page, test.info(), 'library-empty');
  await library.emptyState.getByRole('button', { name: 'Import a folder…' }).click();

  // No native picker in a browser: the dialog asks for the path on the machine running Dailies.
  await expect(dialog.root).toBeVisible();
  await expect(dialog.root).toContainText('computer running Dailies');
  await expect(dialog.pathField).toBeFocused();
  await dialog.importPath(clipFolder);

  // Progress, then the summary: 3 clips + 1 image imported (the image as a reference), the
  // zero-byte clip failed with its reason, the text file ignored.
  await expect(dialog.progress).toBeVisible();
  await dialog.waitUntilFinished();
  await expect(dialog.progress).toHaveJSProperty('value', FILE_COUNT);
  await expect(dialog.root).toContainText(`${FILE_COUNT} of ${FILE_COUNT} files`);
  await expect(dialog.count('Imported')).toHaveText(String(CLIPS.length + 1));
  await expect(dialog.count('Duplicates')).toHaveText('0');
  await expect(dialog.count('Failed')).toHaveText('1');
  await expect(dialog.count('Ignored')).toHaveText('1');
  await expect(dialog.root).toContainText('3 clips added as renders; 1 image added as a reference');
  await expect(dialog.files('Failed')).toHaveCount(1);
  await expect(dialog.files('Failed')).toContainText(BROKEN_CLIP);
  await expect(dialog.files('Failed')).toContainText('empty (0 bytes)');
  await expect(dialog.files('Ignored')).toHaveCount(1);
  await expect(dialog.files('Ignored')).toContainText(NOTES);
  await keepScreenshot(page, test.info(), 'import-summary');
  await expect(dialog.files('Ignored')).toContainText('Not a video, image or audio file (.txt)');
  await dialog.close();

  // The grid: three takes, each with a poster that really loaded.
  await expect(library.emptyState).toBeHidden();
  await expect(library.tiles).toHaveCount(CLIPS.length);
  await expect(library.renderCount).toHaveText('3 renders');
  for (const clip of CLIPS) {
    const poster = library.poster(library.tile(clip.title));
    await expect(poster).toBeVisible();
    await expect.poll(() => poster.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
  }

  // The detail panel: probe data, the hash, and a player that actually loads the file.
  await library.tile(golden.title).click();
  await expect(library.tile(golden.title)).toHaveAttribute('aria-selected', 'true');
  await expect(library.detailTitle).toHaveText(golden.title);
  await expect(library.fact('Duration')).toHaveText('0:02.00');
  await expect(library.fact('Resolution')).toHaveText('320 × 240');
  await expect(library.fact('Frame rate')).toHaveText('25 fps');
  await expect(library.fact('Video codec')).toHaveText('h264');
  await expect(library.fact('Size')).toHaveText(/^\d+(\.\d)? (KB|bytes)$/);
  await expect(library.fact('sha256')).toHaveText(/^[0-9a-f]{64}$/);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(dailies.url).origin });
  await library.detail.getByRole('button', { name: 'Copy sha256' }).click();
  await expect(library.detail.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await library.fact('sha256').textContent());
  await expect(library.fact('Origin')).toHaveText(path.join(clipFolder, golden.file));
  await expect.poll(() => library.player.evaluate((v: HTMLVideoElement) => (v.readyState >= 1 ? v.duration : 0))).toBeGreaterThan(1.9);

  // Keyboard: arrows and Home/End move through the grid, Enter opens the active take.
  const order = await library.tiles.evaluateAll((tiles) => tiles.map((t) => t.getAttribute('aria-label') ?? ''));
  expect([...order].sort()).toEqual(CLIPS.map((c) => c.title).sort());
  await library.grid.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(library.detailTitle).toHaveText(order[0]!);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(library.detailTitle).toHaveText(order[1]!);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(library.detailTitle).toHaveText(order[2]!);
  await expect(library.tile(order[2]!)).toHaveAttribute('aria-selected', 'true');

  // Search by file name.
  await library.searchFor('golden');
  await expect(library.tiles).toHaveCount(1);
  await expect(library.tile(golden.title)).toBeVisible();
  await expect(library.renderCount).toHaveText('1 render matching “golden”');
  await library.searchFor('');
  await expect(library.tiles).toHaveCount(CLIPS.length);

  // Importing the same folder again: everything is a duplicate, the grid does not grow.
  await library.importButton.click();
  await dialog.importPath(clipFolder);
  await dialog.waitUntilFinished();
  await expect(dialog.count('Imported')).toHaveText('0');
  await expect(dialog.count('Duplicates')).toHaveText(String(CLIPS.length + 1));
  await expect(dialog.files('Duplicates')).toHaveCount(CLIPS.length + 1);
  await expect(dialog.files('Duplicates').filter({ hasText: REFERENCE_IMAGE })).toHaveCount(1);
  await expect(dialog.count('Failed')).toHaveText('1');
  await expect(dialog.count('Ignored')).toHaveText('1');
  await page.keyboard.press('Escape');
  await expect(dialog.root).toBeHidden();
  await expect(library.renderCount).toHaveText('3 renders');
  await expect(library.tiles).toHaveCount(CLIPS.length);
});

test('a folder that does not exist is reported in the summary', async ({ page, dailies, clipFolder }) => {
  const library = new LibraryPage(page);
  const dialog = new ImportDialog(page);
  await library.open(dailies.url);
  await library.importButton.click();
  await dialog.importPath(path.join(clipFolder, 'no-such-folder'));
  await expect(dialog.heading).toHaveText('Import failed');
  await expect(dialog.root.getByRole('alert')).toContainText('no longer exists');

  // A relative path is refused before anything starts, next to the field.
  await dialog.root.getByRole('button', { name: 'Import another folder…' }).click();
  await dialog.importPath('relative/path');
  await expect(dialog.root.getByRole('alert')).toContainText('full path');
  await expect(dialog.pathField).toHaveAttribute('aria-invalid', 'true');
});

test('hovering across a tile scrubs through its sprite frames', async ({ page, dailies, clipFolder }) => {
  const library = new LibraryPage(page);
  const dialog = new ImportDialog(page);
  await library.open(dailies.url);
  await library.importButton.click();
  await dialog.importPath(clipFolder);
  await dialog.waitUntilFinished();
  await dialog.close();

  const tile = library.tile(golden.title);
  const thumb = library.poster(tile);
  await expect(thumb).toBeVisible();
  const box = (await thumb.boundingBox())!;
  const y = box.y + box.height / 2;
  const strip = library.scrubStrip(tile);
  const position = () => strip.evaluate((el) => getComputedStyle(el).backgroundPosition);

  // The strip is made after the import reports; it appears under the pointer once announced.
  await page.mouse.move(box.x + 2, y);
  await expect(strip).toBeVisible();
  const first = await position();
  expect(first).toBe('0% 0%');

  await page.mouse.move(box.x + box.width / 2, y, { steps: 4 });
  await expect.poll(position).not.toBe(first);
  const middle = await position();

  await page.mouse.move(box.x + box.width - 2, y, { steps: 4 });
  await expect.poll(position).toBe('100% 0%');
  expect(middle).not.toBe('100% 0%');

  await page.mouse.move(0, 0);
  await expect(strip).toBeHidden();
});
