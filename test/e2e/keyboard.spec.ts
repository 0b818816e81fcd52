import { expect, test } from './fixtures.js';
import { ImportDialog } from './pages/import-dialog.js';
import { KeyboardHelp } from './pages/keyboard-help.js';
import { LibraryPage } from './pages/library-page.js';

test('? shows the keyboard map of the views on screen, / goes to search, and letters typed in search stay text', async ({ page, dailies, clipFolder }) => {
  const library = new LibraryPage(page);
  const help = new KeyboardHelp(page);
  await library.open(dailies.url);
  await library.importButton.click();
  const dialog = new ImportDialog(page);
  await dialog.importPath(clipFolder);
  await dialog.waitUntilFinished();
  await dialog.close();
  await expect(library.tiles).toHaveCount(3);

  await page.keyboard.press('?');
  await expect(help.root).toBeVisible();
  await expect(help.group('Library')).toBeVisible();
  await expect(help.group('Grid')).toBeVisible();
  await expect(help.row('Search').getByRole('rowheader')).toHaveText('/');
  await expect(help.row('Show this keyboard map')).toBeVisible();
  await expect(help.root.getByRole('region', { name: 'Search syntax' })).toContainText('provider:kling');
  // Every description is readable where it is: none pushed past the overlay's edge by a row of
  // many keys (the Grid's Shift+arrows once hid their own description that way).
  await expect.poll(() => help.root.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
  await expect.poll(() => help.descriptionsOutside()).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('keyboard-map.png') });
  await page.keyboard.press('Escape');
  await expect(help.root).toBeHidden();

  await page.keyboard.press('/');
  await expect(library.search).toBeFocused();
  await page.keyboard.type('night?');
  await expect(library.search).toHaveValue('night?');
  await expect(help.root).toBeHidden();
});
