// The review views against the real core in Chromium: the detail panel (player, marks, prompt,
// parameters, lineage, notes, reveal) and Compare (synced playback, diff, wipe, mute), on takes
// imported with sidecars (prompt, parameters, cost, parent). Costs has its own spec (costs.spec.ts).
import path from 'node:path';
import { CompareView } from './pages/compare-view.js';
import { DetailPanel } from './pages/detail-panel.js';
import { LibraryPage } from './pages/library-page.js';
import { ViewsNav } from './pages/views-nav.js';
import { expect, importBoth, test } from './review-fixtures.js';
import { EXTEND, PARENT, RESTYLE, REVIEW_FPS } from './review-media.js';
import { keepScreenshot } from './review-screenshots.js';

const FRAME = 1 / REVIEW_FPS;

test('detail: frame-accurate player, marks, prompt, parameters, lineage, notes, reveal', async ({ page, dailies, reviewFolders }, testInfo) => {
  const library = new LibraryPage(page);
  const detail = new DetailPanel(page);
  await library.open(dailies.url);
  await importBoth(library, reviewFolders);

  await library.tile(EXTEND.title).click();
  await expect(detail.title).toHaveText(EXTEND.title);
  await detail.waitForMetadata();

  // Frame steps by the keyboard once focus is off the grid (where arrows move the selection).
  await detail.focusPlayer();
  await expect(detail.timecode).toHaveText('00:00:00:00');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(detail.timecode).toHaveText('00:00:00:02');
  expect(Math.abs((await detail.currentTime()) - 2 * FRAME)).toBeLessThan(FRAME / 2);
  await page.keyboard.press('ArrowLeft');
  await expect(detail.timecode).toHaveText('00:00:00:01');
  await detail.button('Next frame').click();
  await expect(detail.timecode).toHaveText('00:00:00:02');

  // L plays (again: 2×), K stops; I / O mark in and out.
  await page.keyboard.press('i');
  await expect(detail.transport.getByRole('button', { name: 'Mark in' })).toHaveText('In 00:00:00:02');
  await page.keyboard.press('l');
  await expect(detail.button('Pause')).toBeVisible();
  await expect.poll(() => detail.currentTime()).toBeGreaterThan(0.3);
  await page.keyboard.press('l');
  await expect(detail.transport.getByLabel('Speed 2×')).toBeVisible();
  await page.keyboard.press('k');
  await expect(detail.button('Play')).toBeVisible();
  expect(await detail.video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);

  // Marks: P picks, 4 rates, X rejects (replacing the pick).
  await page.keyboard.press('p');
  await expect(detail.pick).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('4');
  await expect(detail.star(4)).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('x');
  await expect(detail.reject).toHaveAttribute('aria-pressed', 'true');
  await expect(detail.pick).toHaveAttribute('aria-pressed', 'false');

  // The keyboard map (?) lists the player's and the take's keys while the panel is open.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard' });
  await expect(help.getByRole('region', { name: 'Playback' })).toContainText('Next frame');
  await expect(help.getByRole('region', { name: 'Take' })).toContainText('Pick the take for its shot');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // Prompt with its negative and fields; parameters; copy prompt.
  const prompt = detail.section('Prompt');
  await expect(prompt).toContainText(EXTEND.prompt);
  await expect(prompt).toContainText('Negative: no text overlay');
  const params = detail.section('Parameters').getByRole('table', { name: 'Parameters' });
  await expect(params.getByRole('row', { name: /cfg_scale/ })).toContainText('0.7');
  await expect(params.getByRole('row', { name: /model/ })).toContainText('kling-v2-6');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(dailies.url).origin });
  await prompt.getByRole('button', { name: 'Copy prompt' }).click();
  await expect(prompt.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(EXTEND.prompt);

  // Lineage: the parent above this take; clicking it goes there, and shows both its edits.
  const tree = detail.lineage.getByRole('tree', { name: 'Lineage tree' });
  await expect(tree.getByRole('button', { name: `${EXTEND.title} (this take)` })).toBeDisabled();
  await keepScreenshot(page, testInfo, 'detail-panel');
  await tree.getByRole('button', { name: `Open ${PARENT.title}` }).click();
  await expect(detail.title).toHaveText(PARENT.title);
  await expect(tree.getByRole('treeitem')).toHaveCount(3);
  await expect(tree.getByRole('button', { name: `Open ${EXTEND.title}` })).toBeVisible();
  await expect(tree.getByRole('button', { name: `Open ${RESTYLE.title}` })).toBeVisible();
  await expect(tree).toContainText('restyle');

  // Notes persist (saved on blur) and survive a reload.
  await detail.notes.fill('Waves look great; the lens flare at 0:02 is too strong.');
  await detail.title.click();
  await expect(detail.section('Notes').getByRole('status')).toHaveText('Saved');

  // Reveal: served to a browser, the panel says where the file is (inside the library's store).
  await detail.actions.getByRole('button', { name: 'Reveal file' }).click();
  const where = detail.actions.getByRole('status');
  await expect(where).toContainText('The file is at:');
  await expect(where.locator('code')).toHaveText(new RegExp(`^${escape(path.join(dailies.library, 'media'))}.+\\.mp4$`));

  await page.reload();
  await library.tile(PARENT.title).click();
  await expect(detail.notes).toHaveValue('Waves look great; the lens flare at 0:02 is too strong.');
  await library.tile(EXTEND.title).click();
  await expect(detail.reject).toHaveAttribute('aria-pressed', 'true');
  await expect(detail.star(4)).toHaveAttribute('aria-checked', 'true');
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('compare: a lineage branch side by side, playing in sync, with the diff and an A/B wipe', async ({ page, dailies, reviewFolders }, testInfo) => {
  const library = new LibraryPage(page);
  const detail = new DetailPanel(page);
  const compare = new CompareView(page);
  const nav = new ViewsNav(page);
  await library.open(dailies.url);

  await nav.show('Compare');
  await expect(compare.empty).toContainText('Nothing to compare yet');
  await nav.show('Library');
  await importBoth(library, reviewFolders);

  await library.tile(PARENT.title).click();
  await detail.lineage.getByRole('button', { name: 'Compare branch' }).click();
  await expect(nav.item('Compare')).toHaveAttribute('aria-current', 'page');
  await expect(compare.panes).toHaveCount(3);
  await expect(compare.panes.nth(0)).toHaveAccessibleName(`A: ${PARENT.title}`);
  await expect.poll(() => compare.waitForMetadata()).toBe(true);

  // The diff: prompts and cfg_scale differ (the differing words are marked); duration does not.
  await expect(compare.diffRow('Prompt')).toHaveAttribute('data-differs', 'true');
  // The edits' panes come in catalogue order: find each one's column by its pane's name.
  const names = await compare.panes.evaluateAll((fs) => fs.map((f) => f.getAttribute('aria-label') ?? ''));
  const column = (title: string) => names.findIndex((n) => n.endsWith(`: ${title}`));
  const promptCells = compare.diffRow('Prompt').getByRole('cell');
  await expect(promptCells.nth(column(EXTEND.title)).locator('mark')).toContainText(['dawn', 'slow dolly in']);
  await expect(promptCells.nth(column(RESTYLE.title)).locator('mark')).toContainText(['dusk', 'watercolour']);
  await expect(compare.diffRow('Prompt').locator('mark', { hasText: 'lighthouse' })).toHaveCount(0);
  await expect(compare.diffRow('cfg_scale')).toHaveAttribute('data-differs', 'true');
  await expect(compare.diffRow('Duration')).toHaveAttribute('data-differs', 'false');
  await compare.diff.getByRole('checkbox', { name: 'Only differences' }).check();
  await expect(compare.diffRow('Duration')).toHaveCount(0);
  await expect(compare.diffRow('Model')).toHaveCount(1);

  // Seek: every pane within a frame of the position asked for.
  await compare.position.fill('1.6');
  await expect.poll(async () => Math.max(...(await compare.times()).map((t) => Math.abs(t - 1.6)))).toBeLessThanOrEqual(FRAME);

  // Play: all panes run, and stay within a frame of each other while playing and once paused.
  await compare.button('Play').click();
  await expect.poll(async () => (await compare.paused()).every((p) => !p)).toBe(true);
  await expect.poll(async () => Math.min(...(await compare.times()))).toBeGreaterThan(2.0);
  for (let i = 0; i < 5; i++) {
    const times = await compare.times();
    expect(Math.max(...times) - Math.min(...times), `pane times while playing: ${times.join(', ')}`).toBeLessThanOrEqual(FRAME);
    await page.waitForTimeout(120);
  }
  await compare.button('Pause').click();
  await expect.poll(async () => (await compare.paused()).every((p) => p)).toBe(true);
  let times = await compare.times();
  expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(FRAME);

  // Frame steps move every pane together.
  await compare.button('Next frame').click();
  await expect.poll(async () => {
    const t = await compare.times();
    return Math.max(...t) - Math.min(...t);
  }).toBeLessThanOrEqual(FRAME / 2);
  times = await compare.times();
  await keepScreenshot(page, testInfo, 'compare-three');

  // Per-pane mute: only A is heard at first; B can be unmuted on its own.
  expect(await compare.videos.evaluateAll((vs: HTMLVideoElement[]) => vs.map((v) => v.muted))).toEqual([false, true, true]);
  await compare.root.getByRole('button', { name: 'Mute B' }).click();
  await expect(compare.root.getByRole('button', { name: 'Mute B' })).toHaveAttribute('aria-pressed', 'false');
  expect(await compare.videos.evaluateAll((vs: HTMLVideoElement[]) => vs.map((v) => v.muted))).toEqual([false, false, true]);

  // Two panes: the A/B wipe stacks them with B clipped at the wipe position.
  await compare.root.getByRole('button', { name: 'Remove C from Compare' }).click();
  await expect(compare.panes).toHaveCount(2);
  await compare.root.getByRole('radio', { name: 'A/B wipe' }).click();
  const wipe = compare.root.getByRole('slider', { name: 'Wipe position' });
  await wipe.fill('30');
  await expect(compare.root.locator('.compare-video').nth(1)).toHaveCSS('clip-path', 'inset(0px 0px 0px 30%)');
  await keepScreenshot(page, testInfo, 'compare-wipe');
});

test('compare by keyboard: Space plays every pane, K stops them together, arrows step them a frame, ? lists the keys', async ({ page, dailies, reviewFolders }) => {
  const library = new LibraryPage(page);
  const detail = new DetailPanel(page);
  const compare = new CompareView(page);
  await library.open(dailies.url);
  await importBoth(library, reviewFolders);
  await library.tile(PARENT.title).click();
  await detail.lineage.getByRole('button', { name: 'Compare branch' }).click();
  await expect(compare.panes).toHaveCount(3);
  await expect.poll(() => compare.waitForMetadata()).toBe(true);
  const spread = async () => {
    const t = await compare.times();
    return Math.max(...t) - Math.min(...t);
  };
  await compare.root.getByRole('region', { name: 'Differences' }).click(); // focus in the view, off any field

  await page.keyboard.press('Space');
  await expect.poll(async () => (await compare.paused()).every((p) => !p)).toBe(true);
  await expect.poll(async () => Math.min(...(await compare.times()))).toBeGreaterThan(0.5);
  await page.keyboard.press('k');
  await expect.poll(async () => (await compare.paused()).every((p) => p)).toBe(true);
  await expect.poll(spread).toBeLessThanOrEqual(FRAME / 2);

  // A step goes to the start of the next (or previous) frame, every pane on the same frame.
  const frames = async () => (await compare.times()).map((t) => Math.floor(t * REVIEW_FPS + 1e-3));
  const [start] = await frames();
  await page.keyboard.press('ArrowRight');
  await expect.poll(frames).toEqual([start! + 1, start! + 1, start! + 1]);
  await expect.poll(spread).toBeLessThanOrEqual(FRAME / 2);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(frames).toEqual([start! - 1, start! - 1, start! - 1]);
  await expect.poll(spread).toBeLessThanOrEqual(FRAME / 2);

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard' });
  await expect(help.getByRole('region', { name: 'Compare' })).toContainText('Next frame');
  await expect(help.getByRole('region', { name: 'Compare' })).toContainText('Play backward');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('detail player: J plays backward, I/O marks bound playback, Loop off stops at the out mark, on returns to the in mark', async ({ page, dailies, reviewFolders }) => {
  const library = new LibraryPage(page);
  const detail = new DetailPanel(page);
  await library.open(dailies.url);
  await importBoth(library, reviewFolders);
  await library.tile(PARENT.title).click();
  await expect(detail.title).toHaveText(PARENT.title);
  await detail.waitForMetadata();
  await detail.focusPlayer();
  const loop = detail.button('Loop');
  const paused = () => detail.video.evaluate((v: HTMLVideoElement) => v.paused);

  // I at 1 s, O at 2 s: the buttons say where, and Clear marks appears.
  await detail.position.fill('1');
  await expect(detail.timecode).toHaveText('00:00:01:00');
  await page.keyboard.press('i');
  await detail.position.fill('2');
  await expect(detail.timecode).toHaveText('00:00:02:00');
  await page.keyboard.press('o');
  await expect(detail.button('Mark in')).toHaveText('In 00:00:01:00');
  await expect(detail.button('Mark out')).toHaveText('Out 00:00:02:00');

  // J from the out mark plays backward (the speed says so) toward the in mark.
  await page.keyboard.press('j');
  await expect(detail.transport.getByLabel('Speed ◀ 1×')).toBeVisible();
  await expect.poll(() => detail.currentTime()).toBeLessThan(1.8);
  await page.keyboard.press('k');
  await expect(detail.button('Play')).toBeVisible();
  expect(await detail.currentTime()).toBeGreaterThanOrEqual(1 - FRAME);

  // Loop off: Space plays from the in mark and stops at the out mark.
  await expect(loop).toHaveAttribute('aria-pressed', 'true');
  await loop.click();
  await expect(loop).toHaveAttribute('aria-pressed', 'false');
  await detail.position.fill('1.5');
  await page.keyboard.press('Space');
  await expect(detail.button('Play')).toBeVisible({ timeout: 10_000 });
  expect(await paused()).toBe(true);
  expect(Math.abs((await detail.currentTime()) - 2)).toBeLessThanOrEqual(FRAME);
  await expect(detail.timecode).toHaveText('00:00:02:00');

  // Loop on: playing past the out mark comes back to the in mark and keeps playing between them.
  await loop.click();
  await page.keyboard.press('Space');
  const seen: number[] = [];
  const wrapped = () => seen.some((t, i) => i > 0 && t < seen[i - 1]!); // from ~2 s back to ~1 s
  for (let i = 0; i < 100 && !wrapped(); i++) {
    seen.push(await detail.currentTime());
    await page.waitForTimeout(80);
  }
  expect(wrapped(), `time while looping: ${seen.join(', ')}`).toBe(true);
  expect(await paused()).toBe(false);
  for (const t of seen) expect(t, `time while looping: ${seen.join(', ')}`).toBeGreaterThanOrEqual(1 - FRAME);
  for (const t of seen) expect(t, `time while looping: ${seen.join(', ')}`).toBeLessThanOrEqual(2 + 2 * FRAME);
  await page.keyboard.press('k');

  // Clear marks: the whole clip again.
  await detail.transport.getByRole('button', { name: 'Clear marks' }).click();
  await expect(detail.button('Mark in')).toHaveText('In');
  await expect(detail.button('Mark out')).toHaveText('Out');
});
