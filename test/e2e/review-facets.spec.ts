// The library's range and lineage facets and the batch move to a shot, on the review takes: a
// parent (35 credits) with two edits (20 and 15 credits), all added today.
import type { Project, Shot } from '../../shared/domain.js';
import { callCore } from './fixtures.js';
import { LibraryPage } from './pages/library-page.js';
import { ReviewGrid } from './pages/review-grid.js';
import { expect, importBoth, test } from './review-fixtures.js';
import { EXTEND, PARENT, RESTYLE } from './review-media.js';

/** A day as the date inputs take it (the user's local day). */
function dayValue(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('cost and date-added ranges and "has versions" narrow the grid, with counts', async ({ page, dailies, reviewFolders }) => {
  const library = new LibraryPage(page);
  const review = new ReviewGrid(page);
  await library.open(dailies.url);
  await importBoth(library, reviewFolders);
  const titles = () => library.tiles.evaluateAll((ts) => ts.map((t) => t.getAttribute('aria-label')).sort());

  // Versions: the parent has two edits; the edits have none.
  await expect(review.facetValue('Versions', 'Has versions')).toHaveText('Has versions1');
  await expect(review.facetValue('Versions', 'No versions')).toHaveText('No versions2');
  await review.facetValue('Versions', 'Has versions').click();
  await expect(library.renderCount).toHaveText('1 render matching the filters');
  expect(await titles()).toEqual([PARENT.title]);
  await review.clearFilters.click();
  await expect(library.renderCount).toHaveText('3 renders');

  // Cost: the placeholders show the library's range; from 16 leaves 35 and 20, up to 30 leaves 20.
  const costFrom = review.facet('Cost').getByRole('spinbutton', { name: 'Cost from' });
  const costTo = review.facet('Cost').getByRole('spinbutton', { name: 'Cost to' });
  await expect(costFrom).toHaveAttribute('placeholder', '15');
  await expect(costTo).toHaveAttribute('placeholder', '35');
  await costFrom.fill('16');
  await expect(library.renderCount).toHaveText('2 renders matching the filters');
  expect(await titles()).toEqual([EXTEND.title, PARENT.title].sort());
  await costTo.fill('30');
  await expect(library.renderCount).toHaveText('1 render matching the filters');
  expect(await titles()).toEqual([EXTEND.title]);
  await review.clearFilters.click();
  await expect(library.renderCount).toHaveText('3 renders');
  await expect(costFrom).toHaveValue('');

  // Date added: until yesterday finds nothing and says so; from today finds all three.
  const addedFrom = review.facet('Date added').getByLabel('Added from');
  const addedUntil = review.facet('Date added').getByLabel('Added until');
  const today = Date.now();
  await addedUntil.fill(dayValue(today - 86_400_000));
  await expect(library.renderCount).toHaveText('0 renders matching the filters');
  await expect(page.getByText('Nothing matches with the filters chosen on the left.')).toBeVisible();
  await addedUntil.fill(dayValue(today));
  await addedFrom.fill(dayValue(today));
  await expect(library.renderCount).toHaveText('3 renders matching the filters');
  await expect(addedFrom).toHaveValue(dayValue(today));
});

test('batch move to shot: a shot added meanwhile is offered at once, and the moved takes are found under it', async ({ page, dailies, reviewFolders }) => {
  const library = new LibraryPage(page);
  const review = new ReviewGrid(page);
  await library.open(dailies.url);
  await importBoth(library, reviewFolders);
  const project = await callCore<Project>(page, dailies, 'projects.create', { name: 'Harbour' });

  await library.tile(EXTEND.title).click();
  await library.tile(RESTYLE.title).click({ modifiers: ['ControlOrMeta'] });
  await expect(review.batchBar).toContainText('2 selected');
  const moveTo = review.batchBar.getByRole('combobox', { name: 'Move to shot' });

  // The shot is made elsewhere (the storyboard, another window) while the bar is open.
  const shot = await callCore<Shot>(page, dailies, 'shots.create', { projectId: project.id, name: 'Opening' });
  await expect(moveTo.locator('optgroup[label="Harbour"] option')).toHaveText(['Opening']);
  await moveTo.selectOption({ label: 'Opening' });

  await review.facetValue('Project', 'Harbour').click();
  await expect(review.facetValue('Shot', 'Opening')).toHaveText('Opening2');
  await expect(library.renderCount).toHaveText('2 renders matching the filters');
  const filed = await callCore<{ count: number }>(page, dailies, 'renders.count', { filter: { shotId: shot.id } });
  expect(filed.count).toBe(2);
  await library.tile(EXTEND.title).click();
  await expect(library.fact('Shot')).toHaveText('Opening');
});
