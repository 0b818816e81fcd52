// Compare opened from the grid's selection (C or the selection bar's button), refused with a
// reason past four takes; and the review keys acting on exactly one target — the open take or
// the selection — with the grid's badges following live.
import { expect, test } from './fixtures.js';
import { CLIPS, makeManyClips } from './media-fixtures.js';
import { CompareView } from './pages/compare-view.js';
import { DetailPanel } from './pages/detail-panel.js';
import { JobsPanel } from './pages/jobs-panel.js';
import { LibraryPage } from './pages/library-page.js';
import { ReviewGrid } from './pages/review-grid.js';
import { ViewsNav } from './pages/views-nav.js';
import { keepScreenshot } from './review-screenshots.js';

async function importFolder(library: LibraryPage, folder: string, url: string): Promise<void> {
  await library.open(url);
  await library.importFolder(folder);
}

async function tileNames(library: LibraryPage, n: number): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < n; i++) names.push((await library.tiles.nth(i).getAttribute('aria-label')) ?? '');
  return names;
}

test('C and the selection bar open Compare on the selected takes, in the order chosen', async ({ page, dailies, clipFolder }) => {
  const library = new LibraryPage(page);
  const review = new ReviewGrid(page);
  const compare = new CompareView(page);
  const nav = new ViewsNav(page);
  await importFolder(library, clipFolder, dailies.url);
  await expect(library.tiles).toHaveCount(CLIPS.length);
  const names = await tileNames(library, CLIPS.length);

  // Compare with nothing in it says how to fill it from the grid, as this test then does.
  await nav.show('Compare');
  await expect(compare.empty).toContainText('select two to four takes (Shift- or Ctrl/⌘-click) and press C');
  await compare.empty.getByRole('button', { name: 'Go to the Library' }).click();

  // All three selected: C opens Compare with them.
  await library.tiles.first().click();
  await library.tiles.last().click({ modifiers: ['Shift'] });
  await expect(review.batchBar).toContainText('3 selected');
  await expect(review.compareButton).toBeEnabled();
  await library.grid.focus();
  await page.keyboard.press('c');
  await expect(nav.item('Compare')).toHaveAttribute('aria-current', 'page');
  await expect(compare.panes).toHaveCount(3);
  await expect(compare.panes.nth(0)).toHaveAccessibleName(`A: ${names[0]}`);
  await expect(compare.panes.nth(2)).toHaveAccessibleName(`C: ${names[2]}`);

  // Two chosen by Ctrl/⌘-click (last first): the button opens Compare with them in that order.
  await nav.show('Library');
  await library.tiles.last().click();
  await library.tiles.nth(1).click({ modifiers: ['ControlOrMeta'] });
  await expect(review.batchBar).toContainText('2 selected');
  await review.compareButton.click();
  await expect(nav.item('Compare')).toHaveAttribute('aria-current', 'page');
  await expect(compare.panes).toHaveCount(2);
  await expect(compare.panes.nth(0)).toHaveAccessibleName(`A: ${names[2]}`);
  await expect(compare.panes.nth(1)).toHaveAccessibleName(`B: ${names[1]}`);
  await keepScreenshot(page, test.info(), 'compare-from-selection');
});

test('more than four selected: Compare is off and says why; C does not leave the library', async ({ page, dailies }) => {
  const library = new LibraryPage(page);
  const review = new ReviewGrid(page);
  const nav = new ViewsNav(page);
  const folder = test.info().outputPath('six-takes');
  await makeManyClips(folder, 6);
  await importFolder(library, folder, dailies.url);
  await expect(library.renderCount).toHaveText('6 renders');

  await library.tiles.first().click();
  await library.tiles.nth(4).click({ modifiers: ['Shift'] });
  await expect(review.batchBar).toContainText('5 selected');
  await expect(review.compareButton).toBeDisabled();
  await expect(review.compareNote).toContainText('Compare shows 2 to 4 takes side by side; 5 are selected. Deselect 1');
  await library.grid.focus();
  await page.keyboard.press('c');
  await expect(review.batchBar.getByRole('alert')).toContainText('5 are selected');
  await expect(nav.item('Library')).toHaveAttribute('aria-current', 'page');

  // Back to four: Compare works again.
  await library.tiles.nth(4).click({ modifiers: ['ControlOrMeta'] });
  await expect(review.batchBar).toContainText('4 selected');
  await expect(review.compareButton).toBeEnabled();
  await expect(review.batchBar.getByRole('alert')).toHaveCount(0);
  await page.keyboard.press('c');
  await expect(nav.item('Compare')).toHaveAttribute('aria-current', 'page');
  await expect(new CompareView(page).panes).toHaveCount(4);
});

test('P, X and 1–5 act on exactly one target, the UI says which, and the tiles show it live', async ({ page, dailies, clipFolder }) => {
  const library = new LibraryPage(page);
  const review = new ReviewGrid(page);
  const detail = new DetailPanel(page);
  await importFolder(library, clipFolder, dailies.url);
  await expect(library.tiles).toHaveCount(CLIPS.length);
  const [first, second] = [library.tiles.nth(0), library.tiles.nth(1)];

  // One take open and selected: the keys act on it; the panel and its tile both show the pick.
  await first.click();
  await expect(detail.root).toBeVisible();
  await expect(detail.keysTargetNote).toHaveCount(0);
  await library.grid.focus();
  await page.keyboard.press('p');
  await expect(detail.pick).toHaveAttribute('aria-pressed', 'true');
  await expect(first.getByText('Pick', { exact: true })).toBeVisible();
  await page.keyboard.press('3');
  await expect(first.getByLabel('3 stars')).toBeVisible();

  // Select the second and take the open one out of the selection: the panel still shows the
  // first, but the keys now act on the selected second take only, and the panel says so.
  await second.click({ modifiers: ['ControlOrMeta'] });
  await first.click({ modifiers: ['ControlOrMeta'] });
  await expect(library.grid.locator('[aria-selected="true"]')).toHaveCount(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(detail.keysTargetNote).toBeVisible();
  await library.grid.focus();
  await page.keyboard.press('x');
  await page.keyboard.press('5');
  await expect(second.getByText('Reject', { exact: true })).toBeVisible();
  await expect(second.getByLabel('5 stars')).toBeVisible();
  // The open take kept its marks: nothing acted on it twice.
  await expect(first.getByText('Pick', { exact: true })).toBeVisible();
  await expect(first.getByLabel('3 stars')).toBeVisible();
  await expect(detail.pick).toHaveAttribute('aria-pressed', 'true');
  // A reject recedes in the grid; a pick does not.
  await expect(second).toHaveAttribute('data-flag', 'reject');
  await expect.poll(() => second.locator('.tile-thumb').evaluate((el) => Number(getComputedStyle(el).opacity))).toBeLessThan(1);
  await expect.poll(() => first.locator('.tile-thumb').evaluate((el) => Number(getComputedStyle(el).opacity))).toBe(1);

  // C, too, acts on the selected second take: it goes into Compare, the open first does not.
  await page.keyboard.press('c');
  const compareToggle = detail.actions.getByRole('button', { name: /^(Add to Compare|In Compare)$/ });
  await expect(compareToggle).toHaveAttribute('aria-pressed', 'false');

  // Opening the second makes it the one target again.
  await second.click();
  await expect(detail.keysTargetNote).toHaveCount(0);
  await expect(detail.reject).toHaveAttribute('aria-pressed', 'true');
  await expect(compareToggle).toHaveAttribute('aria-pressed', 'true');
  await keepScreenshot(page, test.info(), 'keys-target');
});

test('takes of two shots compared: the diff names the shots that differ, not their ids; no parameter repeats a fact', async ({ page, dailies }) => {
  const library = new LibraryPage(page);
  const review = new ReviewGrid(page);
  const compare = new CompareView(page);
  const detail = new DetailPanel(page);
  const nav = new ViewsNav(page);
  await library.open(dailies.url);
  await library.createDemoProject();
  await new JobsPanel(page).expectAllDone(3);
  await expect(library.tiles).toHaveCount(3);

  // One take open: its parameters say how it was made, without repeating its provider, model,
  // task, project or shot (shown by name above) as raw keys or ids.
  await library.tiles.first().click();
  const params = detail.section('Parameters').getByRole('table', { name: 'Parameters' });
  await expect(params.getByRole('rowheader', { name: 'model', exact: true })).toHaveCount(1);
  await expect(params.getByRole('rowheader', { name: 'durationS', exact: true })).toHaveCount(1);
  for (const key of ['taskType', 'projectId', 'shotId']) await expect(params.getByRole('rowheader', { name: key, exact: true })).toHaveCount(0);
  const shotA = (await library.fact('Shot').textContent()) ?? '';

  await library.tiles.nth(1).click({ modifiers: ['Shift'] });
  await expect(review.batchBar).toContainText('2 selected');
  await review.compareButton.click();
  await expect(nav.item('Compare')).toHaveAttribute('aria-current', 'page');
  await expect(compare.diffRow('Shot')).toHaveAttribute('data-differs', 'true');
  await expect(compare.diffRow('Shot').getByRole('cell').first()).toHaveText(shotA);
  await expect(compare.diffRow('Project')).toHaveAttribute('data-differs', 'false');
  await expect(compare.diffRow('Project').getByRole('cell').first()).toHaveText('Demo: Night market');
  for (const key of ['shotId', 'projectId', 'taskType', 'model']) await expect(compare.diffRow(key)).toHaveCount(0);
  // What differs is what a reviewer cares about: the prompt and the shot.
  await compare.diff.getByRole('checkbox', { name: 'Only differences' }).check();
  await expect(compare.diffTable.getByRole('row').filter({ has: page.getByRole('rowheader') })).toHaveText([/^Prompt/, /^Shot/]);
});
