import { expect, test } from './fixtures.js';
import { DetailPanel } from './pages/detail-panel.js';
import { KeyboardHelp } from './pages/keyboard-help.js';
import { LibraryPage } from './pages/library-page.js';
import { keepScreenshot } from './review-screenshots.js';

test('? shows the keyboard map of the views on screen, / goes to search, and letters typed in search stay text', async ({ page, dailies, clipFolder }) => {
  const library = new LibraryPage(page);
  const help = new KeyboardHelp(page);
  await library.open(dailies.url);
  await library.importFolder(clipFolder);
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
  await keepScreenshot(page, test.info(), 'keyboard-map');
  await page.keyboard.press('Escape');
  await expect(help.root).toBeHidden();

  // The same map from the bar, for a mouse user who has not learnt `?` yet; Escape closes it.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Keys ?' }).click();
  await expect(help.root).toBeVisible();
  await expect(help.row('Show this keyboard map')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help.root).toBeHidden();

  await page.keyboard.press('/');
  await expect(library.search).toBeFocused();
  await page.keyboard.type('night?');
  await expect(library.search).toHaveValue('night?');
  await expect(help.root).toBeHidden();
});

test('in the grid, Enter opens a take, Space plays and pauses it, and arrows walk the panel from take to take; with none open, Space opens', async ({ page, dailies, clipFolder }) => {
  const library = new LibraryPage(page);
  const detail = new DetailPanel(page);
  await library.open(dailies.url);
  await library.importFolder(clipFolder);
  await expect(library.tiles).toHaveCount(3);
  const order = await library.tiles.evaluateAll((tiles) => tiles.map((t) => t.getAttribute('aria-label') ?? ''));

  // Nothing open: Space opens the active take.
  await library.grid.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press(' ');
  await expect(detail.title).toHaveText(order[0]!);
  await detail.waitForMetadata();

  // Open: Space plays it, without leaving the grid, and again pauses it.
  await page.keyboard.press(' ');
  await expect(detail.button('Pause')).toBeVisible();
  await expect.poll(() => detail.currentTime()).toBeGreaterThan(0.2);
  await expect(library.grid).toBeFocused();
  await page.keyboard.press(' ');
  await expect(detail.button('Play')).toBeVisible();
  expect(await detail.video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);

  // With a take open, an arrow opens the next one (selected, in the panel); Space plays that
  // one and P picks it — the marks land on the take on screen, not the one before.
  await page.keyboard.press('ArrowRight');
  await expect(detail.title).toHaveText(order[1]!);
  await expect(library.tile(order[1]!)).toHaveAttribute('aria-selected', 'true');
  await expect(library.grid.locator('[aria-selected="true"]')).toHaveCount(1);
  await detail.waitForMetadata();
  await page.keyboard.press(' ');
  await expect(detail.button('Pause')).toBeVisible();
  await expect(detail.title).toHaveText(order[1]!);
  await page.keyboard.press('p');
  await expect(library.tile(order[1]!).getByText('Pick', { exact: true })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(detail.title).toHaveText(order[0]!);
  await expect(detail.pick).toHaveAttribute('aria-pressed', 'false');
  await expect(library.tile(order[0]!).getByText('Pick', { exact: true })).toHaveCount(0);
});

test('in a narrower window the search box keeps a usable width and every toolbar button stays on screen', async ({ page, dailies }) => {
  const library = new LibraryPage(page);
  for (const width of [1440, 1100]) {
    await page.setViewportSize({ width, height: 760 });
    await library.open(dailies.url);
    await expect.poll(() => library.search.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThanOrEqual(240);
    for (const name of ['Import a folder…', 'New generation', 'Jobs', 'Settings']) {
      await expect(page.getByRole('button', { name, exact: true }).first()).toBeInViewport({ ratio: 1 });
    }
  }
});
