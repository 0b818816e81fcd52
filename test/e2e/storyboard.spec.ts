// The storyboard against the real core: the demo project's shots (rendered on the built-in
// simulator), a pick and a rating by keyboard, a shot added, renamed and moved, all still there
// after a reload; then the picks played in order as a rough cut.
import { expect, test } from './fixtures.js';
import { JobsPanel } from './pages/jobs-panel.js';
import { LibraryPage } from './pages/library-page.js';
import { ReviewGrid } from './pages/review-grid.js';
import { StoryboardView } from './pages/storyboard-view.js';
import { ViewsNav } from './pages/views-nav.js';
import { keepScreenshot } from './review-screenshots.js';

test('storyboard: pick by keyboard, add, rename and move shots; all persist across a reload; play the picks', async ({ page, dailies }, testInfo) => {
  const library = new LibraryPage(page);
  const jobs = new JobsPanel(page);
  const nav = new ViewsNav(page);
  const board = new StoryboardView(page);
  await library.open(dailies.url);

  await nav.show('Storyboard');
  await expect(board.root.getByRole('region', { name: 'No projects yet' })).toBeVisible();
  await nav.show('Library');
  await library.createDemoProject();
  await jobs.expectAllDone(3);

  await nav.show('Storyboard');
  expect(await board.order()).toEqual(['Opening: the market wakes', 'The cook', 'Closing: steam and neon']);
  const cook = board.shot('The cook');
  await expect(board.takes(cook)).toHaveCount(1);
  await expect(cook).toContainText('No pick yet');
  await expect(board.playPicks).toBeDisabled();

  // Select the take, then P picks it and 4 rates it.
  const take = board.takes(cook).first();
  const title = await take.getAttribute('aria-label');
  await take.click();
  await expect(take).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('p');
  await expect(cook).toContainText(`Pick: ${title}`);
  await expect(take).toHaveAttribute('data-flag', 'pick');
  await page.keyboard.press('4');
  await expect(take).toContainText('★★★★');

  // Add a shot (last), rename it, move it up above "Closing".
  await board.newShotName.fill('Titles over the street');
  await board.addShot.click();
  await expect(board.shots).toHaveCount(4);
  const titles = board.shot('Titles over the street');
  await titles.getByRole('button', { name: 'Rename Titles over the street' }).click();
  await titles.getByRole('textbox', { name: 'Shot name' }).fill('End titles');
  await titles.getByRole('textbox', { name: 'Shot name' }).press('Enter');
  const endTitles = board.shot('End titles');
  await expect(endTitles).toBeVisible();
  await endTitles.getByRole('button', { name: 'Move End titles up' }).click();
  await expect.poll(() => board.order()).toEqual(['Opening: the market wakes', 'The cook', 'End titles', 'Closing: steam and neon']);
  // Drag "Closing" onto the top half of the first shot: it becomes shot 1.
  await board.shot('Closing: steam and neon').locator('.shot-handle').dragTo(board.shot('Opening: the market wakes'), { targetPosition: { x: 200, y: 5 } });
  await expect.poll(() => board.order()).toEqual(['Closing: steam and neon', 'Opening: the market wakes', 'The cook', 'End titles']);
  await keepScreenshot(page, testInfo, 'storyboard');

  await page.reload();
  await nav.show('Storyboard');
  await expect.poll(() => board.order()).toEqual(['Closing: steam and neon', 'Opening: the market wakes', 'The cook', 'End titles']);
  await expect(board.shot('The cook')).toContainText(`Pick: ${title}`);
  await expect(board.takes(board.shot('The cook')).first()).toContainText('★★★★');
  await expect(board.shot('End titles')).toContainText('No takes yet');

  // The rough cut plays the one pick, in shot order, skipping shots without one.
  await board.playPicks.click();
  await expect(board.roughCut.getByRole('status')).toHaveText(`Shot 3 of 4: The cook — ${title}`);
  await expect(board.roughCut).toContainText('Skipped (no pick): Closing: steam and neon, Opening: the market wakes, End titles');
  await expect.poll(() => board.roughCut.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.2);
  await keepScreenshot(page, testInfo, 'storyboard-rough-cut');
});

test("a shot's take count, on the storyboard or in Costs, opens the Library on exactly that shot's takes", async ({ page, dailies }) => {
  const library = new LibraryPage(page);
  const review = new ReviewGrid(page);
  const nav = new ViewsNav(page);
  const board = new StoryboardView(page);
  await library.open(dailies.url);
  await library.createDemoProject();
  await new JobsPanel(page).expectAllDone(3);
  // A search typed before is not kept: the Library shows the shot, not the shot within the words.
  await library.searchFor('steam');
  await expect(library.renderCount).toHaveText('1 render matching “steam”');

  await nav.show('Storyboard');
  await board.shot('The cook').getByRole('button', { name: '1 take', exact: true }).click();
  await expect(nav.item('Library')).toHaveAttribute('aria-current', 'page');
  await expect(library.search).toHaveValue('');
  await expect(library.renderCount).toHaveText('1 render matching the filters');
  await expect(review.facetValue('Project', 'Demo: Night market')).toHaveAttribute('aria-pressed', 'true');
  await expect(review.facetValue('Shot', 'The cook')).toHaveAttribute('aria-pressed', 'true');
  await library.tiles.first().click();
  await expect(library.fact('Shot')).toHaveText('The cook');

  // From Costs too: a shot in "Rerolls per shot" opens its takes.
  await review.clearFilters.click();
  await expect(library.renderCount).toHaveText('3 renders');
  await nav.show('Costs');
  const rerolls = page.locator('[data-view="costs"]').getByRole('region', { name: 'Rerolls per shot' });
  await rerolls.getByRole('button', { name: 'Show numbers' }).click();
  await rerolls.getByRole('table', { name: 'Rerolls per shot' }).getByRole('button', { name: 'Closing: steam and neon' }).click();
  await expect(nav.item('Library')).toHaveAttribute('aria-current', 'page');
  await expect(library.renderCount).toHaveText('1 render matching the filters');
  await expect(review.facetValue('Shot', 'Closing: steam and neon')).toHaveAttribute('aria-pressed', 'true');
});
