// Reviewing in the grid: multi-select with the mouse and keys, batch stars / reject / tags,
// facets with counts, the query syntax, and smart collections.
import { expect, test } from './fixtures.js';
import { CLIPS } from './media-fixtures.js';
import { JobsPanel } from './pages/jobs-panel.js';
import { LibraryPage } from './pages/library-page.js';
import { ReviewGrid } from './pages/review-grid.js';
import { keepScreenshot } from './review-screenshots.js';

test('select takes, rate, reject and tag them in one go, then find them by facet, query and saved search', async ({ page, dailies, clipFolder }) => {
  const library = new LibraryPage(page);
  const review = new ReviewGrid(page);
  await library.open(dailies.url);
  await library.importFolder(clipFolder);
  await expect(library.tiles).toHaveCount(CLIPS.length);
  await expect(review.collections).toContainText('Save search…');

  // Click the first, Shift+click the last: all three selected.
  await library.tiles.first().click();
  await library.tiles.last().click({ modifiers: ['Shift'] });
  await expect(review.batchBar).toContainText('3 selected');
  await expect(library.grid.locator('[aria-selected="true"]')).toHaveCount(3);

  // Keys act on the selection.
  await library.grid.focus();
  await page.keyboard.press('4');
  await expect(library.grid.getByLabel('4 stars')).toHaveCount(3);
  await expect(review.facetValue('Rating', /^★★★★\d/)).toContainText('3');
  await page.keyboard.press('x');
  await expect(library.grid.getByText('Reject', { exact: true })).toHaveCount(3);

  // Ctrl/⌘+click takes one out; the batch bar tags the other two.
  await library.tiles.first().click({ modifiers: ['ControlOrMeta'] });
  await expect(review.batchBar).toContainText('2 selected');
  await review.batchBar.getByRole('textbox', { name: 'Tags for the selected takes' }).fill('hero');
  await review.batchBar.getByRole('button', { name: 'Add tag' }).click();
  await expect(review.facetValue('Tag', 'hero')).toContainText('2');
  await keepScreenshot(page, test.info(), 'review-grid-selection');

  // The tag facet narrows the grid; saved, it comes back after the filters are cleared.
  await review.facetValue('Tag', 'hero').click();
  await expect(library.renderCount).toHaveText('2 renders matching the filters');
  await review.saveSearch('Heroes');
  await expect(review.collection('Heroes')).toBeVisible();
  await review.clearFilters.click();
  await expect(library.renderCount).toHaveText('3 renders');
  await expect(review.collection('Heroes')).toHaveAttribute('aria-pressed', 'false');
  await review.collection('Heroes').click();
  await expect(library.renderCount).toHaveText('2 renders matching the filters');
  // The open collection is marked, and says how many takes it holds.
  await expect(review.collection('Heroes')).toHaveAttribute('aria-pressed', 'true');
  await expect(review.collectionCount('Heroes')).toHaveText('2');
  await review.clearFilters.click();
  await expect(review.collection('Heroes')).toHaveAttribute('aria-pressed', 'false');

  // A smart collection stays up to date: tag one more take and its count follows, unopened.
  await library.tiles.first().click();
  await library.tiles.nth(1).click({ modifiers: ['Shift'] });
  await expect(review.batchBar).toContainText('2 selected');
  await review.batchBar.getByRole('textbox', { name: 'Tags for the selected takes' }).fill('hero');
  await review.batchBar.getByRole('button', { name: 'Add tag' }).click();
  await expect(review.collectionCount('Heroes')).toHaveText('3');
  await review.batchBar.getByRole('button', { name: 'Clear selection' }).click();

  // The same through the query syntax, and a search that finds nothing says what to try.
  await library.searchFor('tag:hero is:reject rating:4');
  await expect(library.renderCount).toHaveText('3 renders matching “tag:hero is:reject rating:4”');
  await library.searchFor('tag:hero is:pick');
  await expect(page.getByText('Nothing matches “tag:hero is:pick”')).toBeVisible();
  await keepScreenshot(page, test.info(), 'review-grid-no-matches');
});

test('narrow to one shot: the Shot facet asks for a project first, then lists its shots with counts', async ({ page, dailies }) => {
  const library = new LibraryPage(page);
  const review = new ReviewGrid(page);
  await library.open(dailies.url);
  await library.createDemoProject();
  await new JobsPanel(page).expectAllDone(3);
  await expect(library.renderCount).toHaveText('3 renders');

  await expect(review.facet('Shot')).toContainText('Choose a project above to filter by its shots.');
  await review.facetValue('Project', 'Demo: Night market').click();
  for (const shot of ['Opening: the market wakes', 'The cook', 'Closing: steam and neon']) {
    await expect(review.facetValue('Shot', shot)).toHaveText(`${shot}1`);
  }
  await review.facetValue('Shot', 'The cook').click();
  await expect(library.renderCount).toHaveText('1 render matching the filters');
  await library.tiles.first().click();
  await expect(library.fact('Shot')).toHaveText('The cook');

  // Leaving the project leaves its shot too.
  await review.facetValue('Project', 'Demo: Night market').click();
  await expect(library.renderCount).toHaveText('3 renders');
  await expect(review.facet('Shot')).toContainText('Choose a project above');
});

test('saving under a name in use says it replaces that collection, and × asks before deleting one', async ({ page, dailies, clipFolder }) => {
  const library = new LibraryPage(page);
  const review = new ReviewGrid(page);
  await library.open(dailies.url);
  await library.importFolder(clipFolder);
  await expect(library.tiles).toHaveCount(CLIPS.length);

  await library.searchFor('golden');
  await review.saveSearch('Picks of the day');
  await expect(review.collectionCount('Picks of the day')).toHaveText('1');

  // The same name again, over another search: the form says it replaces, and it does.
  await library.searchFor('take');
  await review.collections.getByRole('button', { name: 'Save search…' }).click();
  await review.collections.getByRole('textbox', { name: 'Name of the saved search' }).fill('Picks of the day');
  await expect(review.collections.getByRole('note')).toHaveText('“Picks of the day” is saved already: saving replaces it with what is on screen.');
  await review.collections.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(review.collections.getByRole('listitem')).toHaveCount(1);
  await expect(review.collectionCount('Picks of the day')).toHaveText(String(CLIPS.length));

  // × asks first; Keep keeps it, Delete deletes it.
  await review.collections.getByRole('button', { name: 'Delete saved search Picks of the day' }).click();
  const confirm = review.collections.getByRole('group', { name: 'Delete Picks of the day?' });
  await confirm.getByRole('button', { name: 'Keep' }).click();
  await expect(review.collection('Picks of the day')).toBeVisible();
  await review.collections.getByRole('button', { name: 'Delete saved search Picks of the day' }).click();
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(review.collection('Picks of the day')).toHaveCount(0);
  await expect(review.collections).toContainText('Search or pick filters, then “Save search…”');
});
