// The storyboard against the real core: the demo project's shots (rendered on the built-in
// simulator), a pick and a rating by keyboard, a shot added, renamed and moved, all still there
// after a reload; then the picks played in order as a rough cut. And a project started from the
// storyboard itself, for a library of imported takes.
import { expect, test } from './fixtures.js';
import { CLIPS } from './media-fixtures.js';
import { CostsView } from './pages/costs-view.js';
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
  await expect(board.empty).toBeVisible();
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
  const costs = new CostsView(page);
  await costs.showNumbers('Rerolls per shot');
  await costs.table('Rerolls per shot').getByRole('button', { name: 'Closing: steam and neon' }).click();
  await expect(nav.item('Library')).toHaveAttribute('aria-current', 'page');
  await expect(library.renderCount).toHaveText('1 render matching the filters');
  await expect(review.facetValue('Shot', 'Closing: steam and neon')).toHaveAttribute('aria-pressed', 'true');
});

test('a storyboard starts from a project named there: add its shots, file imported takes under them, start another', async ({ page, dailies, clipFolder }, testInfo) => {
  const library = new LibraryPage(page);
  const review = new ReviewGrid(page);
  const nav = new ViewsNav(page);
  const board = new StoryboardView(page);
  await library.open(dailies.url);
  // Imported takes, no project: the demo project (offered only by an empty library) is not the way.
  await library.importFolder(clipFolder);
  await expect(library.tiles).toHaveCount(CLIPS.length);

  await nav.show('Storyboard');
  await expect(board.empty).toContainText('Name a project to start one');
  await board.createProject.click();
  await expect(board.empty.getByRole('alert')).toHaveText('Give the project a name.');
  await board.projectName.fill('Fox spot');
  await board.createProject.click();
  await expect(board.project.locator('option:checked')).toHaveText('Fox spot');
  await expect(board.root.getByRole('heading', { name: 'No shots yet' })).toBeVisible();
  await board.newShotName.fill('Opening');
  await board.addShot.click();
  await expect(board.shot('Opening')).toContainText('No takes yet');

  // File two takes under it from the Library's selection bar; the strip shows them.
  await nav.show('Library');
  await library.tiles.first().click();
  await library.tiles.nth(1).click({ modifiers: ['ControlOrMeta'] });
  await review.batchBar.getByRole('combobox', { name: 'Move to shot' }).selectOption({ label: 'Opening' });
  await nav.show('Storyboard');
  await expect(board.takes(board.shot('Opening'))).toHaveCount(2);
  await keepScreenshot(page, testInfo, 'storyboard-new-project');

  // Another project from the header: it is shown at once, empty; the first keeps its shot.
  await board.newProject.click();
  await board.projectName.fill('Second spot');
  await board.projectName.press('Enter');
  await expect(board.project.locator('option:checked')).toHaveText('Second spot');
  await expect(board.root.getByRole('heading', { name: 'No shots yet' })).toBeVisible();
  await expect(board.newProject).toBeVisible();
  await board.project.selectOption({ label: 'Fox spot' });
  await expect(board.takes(board.shot('Opening'))).toHaveCount(2);
});
