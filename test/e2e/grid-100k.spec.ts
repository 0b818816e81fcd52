// The grid at 100,000 renders against the real core: the DOM stays bounded from the first row to
// the last, and search (free words, the query syntax, highlights, bad syntax) finds what the
// library holds.
import { BIG_LIBRARY, expect, test } from './big-fixtures.js';
import { ZEBRA_EVERY } from './big-library.js';
import { LibraryPage } from './pages/library-page.js';
import { keepScreenshot } from './review-screenshots.js';

/** Tiles and elements the grid may hold at once, whatever the library's size (a few screens). */
const MAX_TILES = 150;
const MAX_GRID_ELEMENTS = 3000;

test('scrolling 100,000 renders to the end keeps the grid’s DOM bounded', async ({ page, dailies }) => {
  test.setTimeout(900_000);
  const library = new LibraryPage(page);
  await library.open(dailies.url);
  await expect(library.renderCount).toHaveText(`${BIG_LIBRARY.toLocaleString('en')} renders`, { timeout: 60_000 });
  await expect(library.tiles.first()).toHaveAttribute('aria-setsize', String(BIG_LIBRARY));
  await keepScreenshot(page, test.info(), 'grid-100k-top');

  let last = 0;
  let biggest = { tiles: 0, elements: 0 };
  while (last < BIG_LIBRARY) {
    const seen = await library.grid.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
      const tiles = el.querySelectorAll('[role="option"]');
      const lastTile = tiles[tiles.length - 1];
      return { tiles: tiles.length, elements: el.querySelectorAll('*').length, last: Number(lastTile?.getAttribute('aria-posinset') ?? 0) };
    });
    biggest = { tiles: Math.max(biggest.tiles, seen.tiles), elements: Math.max(biggest.elements, seen.elements) };
    if (seen.last === last) await page.waitForTimeout(20);
    last = seen.last;
  }
  expect(biggest.tiles, 'tiles in the DOM at any point').toBeLessThanOrEqual(MAX_TILES);
  expect(biggest.elements, 'elements in the grid at any point').toBeLessThanOrEqual(MAX_GRID_ELEMENTS);
  await expect(library.tiles.last()).toHaveAttribute('aria-posinset', String(BIG_LIBRARY));
  await expect(library.tile('take_1.mp4')).toBeVisible();
  await keepScreenshot(page, test.info(), 'grid-100k-end');
});

test('search over 100,000 renders finds the expected takes, marks the matched words and explains bad syntax', async ({ page, dailies }) => {
  test.setTimeout(300_000);
  const library = new LibraryPage(page);
  await library.open(dailies.url);
  await expect(library.renderCount).toHaveText(`${BIG_LIBRARY.toLocaleString('en')} renders`, { timeout: 60_000 });

  const zebras = Array.from({ length: BIG_LIBRARY / ZEBRA_EVERY }, (_, k) => (k + 1) * ZEBRA_EVERY);
  await library.searchFor('zebra');
  await expect(library.renderCount).toHaveText(`${zebras.length} renders matching “zebra”`);
  // Newest first: the highest-numbered zebra take leads, and every tile shown is a zebra take.
  await expect(library.tiles.first()).toHaveAccessibleName(`take_${zebras[zebras.length - 1]}.mp4`);
  for (const name of await library.tiles.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))) {
    expect(Number(/^take_(\d+)\.mp4$/.exec(name ?? '')?.[1]) % ZEBRA_EVERY).toBe(0);
  }
  await expect(library.tiles.first().locator('mark')).toHaveText('zebra');
  await keepScreenshot(page, test.info(), 'search-zebra');

  // The query syntax: ratings are i % 6 in this library.
  const rated = zebras.filter((i) => i % 6 >= 4);
  await library.searchFor('zebra rating:>=4 provider:kling');
  const kling = rated.filter((i) => i % 3 === 0);
  await expect(library.renderCount).toHaveText(`${kling.length} renders matching “zebra rating:>=4 provider:kling”`);
  await library.searchFor('zebra rating:>=4');
  await expect(library.renderCount).toHaveText(`${rated.length} renders matching “zebra rating:>=4”`);

  await library.searchFor('zebra ratng:5');
  await expect(page.getByRole('alert')).toContainText('“ratng:” is not a filter');
  await keepScreenshot(page, test.info(), 'search-bad-syntax');
});
