import { expect, MANY_CLIPS, test } from './fixtures.js';
import { ImportDialog } from './pages/import-dialog.js';
import { LibraryPage } from './pages/library-page.js';

test('a long library pages in as you scroll and keeps only nearby tiles in the page', async ({ page, dailies, manyClipsFolder }) => {
  const library = new LibraryPage(page);
  const dialog = new ImportDialog(page);
  await library.open(dailies.url);
  await library.importButton.click();
  await dialog.importPath(manyClipsFolder);
  await dialog.waitUntilFinished(MANY_CLIPS);
  await expect(dialog.count('Imported')).toHaveText(String(MANY_CLIPS));
  await dialog.close();

  await expect(library.renderCount).toHaveText(`${MANY_CLIPS} renders`);
  await expect(library.tiles.first()).toHaveAttribute('aria-setsize', String(MANY_CLIPS));
  const rendered = await library.tiles.count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(MANY_CLIPS / 2);

  // End jumps to the last loaded tile; reaching the end of a page fetches the next one, so a
  // few presses reach take number MANY_CLIPS.
  await library.grid.focus();
  await expect(async () => {
    await page.keyboard.press('End');
    await expect(library.tiles.last()).toHaveAttribute('aria-posinset', String(MANY_CLIPS), { timeout: 1_000 });
  }).toPass();
  await expect(library.tiles.first()).not.toHaveAttribute('aria-posinset', '1');
  expect(await library.tiles.count()).toBeLessThan(MANY_CLIPS / 2);

  await page.keyboard.press('Enter');
  await expect(library.detailTitle).toHaveText(/^take_\d{3}\.mp4$/);
});
