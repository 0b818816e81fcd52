// Editing a render from the detail panel's Edit… menu, against a Kling simulator this test runs
// (added as a provider account), so each test can read what the simulator received: the parent's
// video id for extend, a mask the size of the source frame, trajectory points flipped to the
// bottom-left origin, one non-zero camera axis. Each child render appears, made from its parent.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { type KlingSimulator } from '../../main/providers/simulator/index.js';
import { useSimulator } from './simulator.js';
import { resolveMediaTools } from '../../main/store/tools.js';
import { expect, test, type ServedLibrary } from './fixtures.js';
import { EditMenu } from './pages/edit-menu.js';
import { DetailPanel } from './pages/detail-panel.js';
import { LibraryPage } from './pages/library-page.js';
import { StoryboardView } from './pages/storyboard-view.js';
import { ViewsNav } from './pages/views-nav.js';
import { keepScreenshot } from './review-screenshots.js';

const KEYS = { accessKey: 'e2e-edit-access', secretKey: 'e2e-edit-secret' };
const sim = useSimulator({ ...KEYS, queueDelayMs: 100, processingMs: 300 });
const ACCOUNT = 'sim';
const PROMPT = 'A lighthouse at dusk, waves breaking on the rocks';

type Snapshot = ReturnType<KlingSimulator['state']['snapshot']>;


/** One contract call with the page's session, as the renderer makes it. */
async function call<T>(page: Page, dailies: ServedLibrary, channel: string, input: unknown): Promise<T> {
  const res = await page.request.post(`${new URL(dailies.url).origin}/api/call/${channel}`, { data: input });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.value as T;
}

async function waitDone(page: Page, dailies: ServedLibrary, jobId: number): Promise<{ renderId: number; idempotencyKey: string }> {
  type Job = { state: string; renderId: number | null; idempotencyKey: string; lastError: string | null };
  let job: Job | undefined;
  await expect
    .poll(async () => {
      job = await call<Job>(page, dailies, 'jobs.get', { id: jobId });
      return `${job.state}${job.lastError ? `: ${job.lastError}` : ''}`;
    }, { timeout: 60_000, message: `job ${jobId}` })
    .toBe('done');
  return { renderId: job!.renderId!, idempotencyKey: job!.idempotencyKey };
}

/** The create request the simulator received for a job. */
function received(key: string): { endpoint: string; body: Record<string, unknown> } {
  const snap: Snapshot = sim().state.snapshot();
  const c = snap.createsByExternalTaskId[key]?.find((x) => (x as { taskId: string | null }).taskId) as { endpoint: string; body: Record<string, unknown> } | undefined;
  if (!c) throw new Error(`the simulator received nothing for ${key}`);
  return c;
}

/** The newest job's create request, once the simulator has it. */
async function newestCreate(page: Page, dailies: ServedLibrary): Promise<{ jobId: number; key: string; endpoint: string; body: Record<string, unknown>; renderId: number }> {
  const [job] = await call<{ id: number }[]>(page, dailies, 'jobs.list', { limit: 1 });
  const done = await waitDone(page, dailies, job!.id);
  return { jobId: job!.id, key: done.idempotencyKey, renderId: done.renderId, ...received(done.idempotencyKey) };
}

/** The Kling video id the simulator gave the job with this key. */
function videoIdOf(key: string): string | null {
  return sim().state.snapshot().tasks.find((t) => t.external_task_id === key)?.video_id ?? null;
}

/** A library with one Kling take made on the test's simulator, open in its detail panel. */
async function withParent(page: Page, dailies: ServedLibrary, model = 'kling-v1-6', filed: { projectId: number; shotId: number } | null = null) {
  const library = new LibraryPage(page);
  await library.open(dailies.url);
  await call(page, dailies, 'providers.save', {
    id: ACCOUNT, provider: 'kling', label: 'Kling (test simulator)', baseUrl: sim().baseUrl, credentials: KEYS,
  });
  const { jobId } = await call<{ jobId: number }>(page, dailies, 'jobs.submit', {
    spec: { accountId: ACCOUNT, model, taskType: 'text_to_video', durationS: 5, aspectRatio: '16:9', prompt: PROMPT, ...filed },
  });
  const parent = await waitDone(page, dailies, jobId);
  const task = sim().state.snapshot().tasks.find((t) => t.external_task_id === parent.idempotencyKey)!;
  const video = sim().state.snapshot().videos.find((v) => v.id === task.video_id)!;
  await expect(library.tiles).toHaveCount(1);
  await library.tiles.first().click();
  await expect(library.detail).toBeVisible();
  const title = (await library.detailTitle.textContent())!;
  return { library, edit: new EditMenu(page, library.detail), parent: { ...parent, videoId: task.video_id!, width: video.width, height: video.height, title } };
}

/** The child render appears first in the grid, made from its parent by this edit. */
async function expectChild(library: LibraryPage, count: number, parentTitle: string, operation: string): Promise<void> {
  await expect(library.tiles).toHaveCount(count, { timeout: 60_000 });
  await library.tiles.first().click();
  await expect(library.fact('Made from')).toHaveText(`${parentTitle} (${operation})`);
}

test('Extend: chain depth, the parent’s Kling video id, the child linked; a warning past the second extension', async ({ page, dailies }) => {
  test.setTimeout(180_000);
  const { library, edit, parent } = await withParent(page, dailies);

  const dialog = await edit.open('Extend', 'Extend');
  await expect(dialog.root).toContainText('Extension 1 of this chain');
  await expect(dialog.root.getByRole('alert')).toHaveCount(0);
  await dialog.prompt.fill('The waves keep rolling in');
  await dialog.expectEstimate();
  await keepScreenshot(page, test.info(), 'edit-extend');
  await dialog.submit();
  await expect(edit.status).toContainText('Extend: job');

  const sent = await newestCreate(page, dailies);
  expect(sent.endpoint).toBe('video-extend');
  expect(sent.body.video_id).toBe(parent.videoId);
  expect(sent.body.prompt).toBe('The waves keep rolling in');
  await expectChild(library, 2, parent.title, 'extend');

  // The child is extension 1; extending it again would be extension 2 (no warning yet).
  const again = await edit.open('Extend', 'Extend');
  await expect(again.root).toContainText('Extension 2 of this chain (this render is already extension 1)');
  await expect(again.root.getByRole('alert')).toHaveCount(0);
  await again.expectEstimate();
  await again.submit();
  const second = await newestCreate(page, dailies);
  expect(second.body.video_id).toBe(videoIdOf(sent.key));
  await expect(library.tiles).toHaveCount(3, { timeout: 60_000 });
  await library.tiles.first().click();
  await expect(library.detail.getByText('Extension 2 of its chain')).toBeVisible();
  const third = await edit.open('Extend', 'Extend');
  await expect(third.root.getByRole('alert')).toContainText('extension 3 of this chain. Past the second extension quality degrades');
});

test('The child take appears, without a reload, in its parent’s lineage tree and in its shot’s strip; sent with the style lock once', async ({ page, dailies }) => {
  test.setTimeout(180_000);
  const LOCK = '35mm film, muted teal';
  await new LibraryPage(page).open(dailies.url);
  const project = await call<{ id: number }>(page, dailies, 'projects.create', { name: 'Lighthouse short' });
  const shot = await call<{ id: number }>(page, dailies, 'shots.create', { projectId: project.id, name: 'The beam' });
  await call(page, dailies, 'prompt.setStyleLock', { projectId: project.id, styleLock: LOCK });
  const { library, edit, parent } = await withParent(page, dailies, 'kling-v1-6', { projectId: project.id, shotId: shot.id });
  // The parent was submitted through the contract with the user's words only: the core locked it.
  expect(received(parent.idempotencyKey).body.prompt).toBe(`${PROMPT}. ${LOCK}`);

  // A second window on the same library shows the storyboard: the shot has the parent only.
  const boardPage = await page.context().newPage();
  await boardPage.goto(page.url());
  await new ViewsNav(boardPage).show('Storyboard');
  const board = new StoryboardView(boardPage);
  const strip = board.takes(board.shot('The beam'));
  await expect(strip).toHaveCount(1);
  await expect(strip.first()).toHaveAccessibleName(parent.title);

  const detail = new DetailPanel(page);
  await expect(detail.lineage).toContainText('nothing made from it yet');
  const dialog = await edit.open('Extend', 'Extend');
  await dialog.prompt.fill('The waves keep rolling in');
  const asSent = `The waves keep rolling in. ${LOCK}`;
  await expect(dialog.root.getByRole('status', { name: 'Prompt as sent' })).toContainText(`“${asSent}” (${asSent.length} / 2,500 characters)`);
  await dialog.expectEstimate();
  await dialog.submit();
  const sent = await newestCreate(page, dailies);
  expect(sent.body.prompt).toBe(asSent);
  const child = await call<{ title: string }>(page, dailies, 'renders.get', { id: sent.renderId });

  // Nothing clicked, nothing reloaded: the parent's tree (still open) gains the child…
  await expect(detail.title).toHaveText(parent.title);
  const tree = detail.lineage.getByRole('tree', { name: 'Lineage tree' });
  await expect(tree.getByRole('treeitem')).toHaveCount(2);
  await expect(tree.getByRole('button', { name: `${parent.title} (this take)` })).toBeDisabled();
  await expect(tree.getByRole('button', { name: `Open ${child.title}` })).toBeVisible();
  await expect(tree).toContainText('extend');
  // …and the other window's strip for the shot shows it next to its parent.
  await expect(strip).toHaveCount(2);
  await expect(board.shot('The beam').getByRole('button', { name: child.title, exact: true })).toBeVisible();
  await boardPage.close();

  // The child's own detail says what was sent and where it came from.
  await detail.lineage.getByRole('button', { name: `Open ${child.title}` }).click();
  await expect(detail.title).toHaveText(child.title);
  await expect(library.fact('Made from')).toHaveText(`${parent.title} (extend)`);
});

test('After the project’s style lock changes, a pre-filled prompt and a reroll are sent with the new lock only', async ({ page, dailies }) => {
  test.setTimeout(180_000);
  const OLD = '35mm film, muted teal';
  const NEW = 'Super 8, warm grain';
  await new LibraryPage(page).open(dailies.url);
  const project = await call<{ id: number }>(page, dailies, 'projects.create', { name: 'Relocked short' });
  const shot = await call<{ id: number }>(page, dailies, 'shots.create', { projectId: project.id, name: 'The lamp' });
  await call(page, dailies, 'prompt.setStyleLock', { projectId: project.id, styleLock: OLD });
  const { edit, parent } = await withParent(page, dailies, 'kling-v1-6', { projectId: project.id, shotId: shot.id });
  expect(received(parent.idempotencyKey).body.prompt).toBe(`${PROMPT}. ${OLD}`);
  await call(page, dailies, 'prompt.setStyleLock', { projectId: project.id, styleLock: NEW });

  // The dialog starts from the user's words of the prompt as sent, not from the old lock.
  const restyle = await edit.open('Restyle', 'Restyle');
  await expect(restyle.prompt).toHaveValue(PROMPT);
  const asSent = `${PROMPT}. ${NEW}`;
  await expect(restyle.root.getByRole('status', { name: 'Prompt as sent' })).toContainText(`“${asSent}”`);
  await restyle.expectEstimate();
  await restyle.submit();
  expect((await newestCreate(page, dailies)).body.prompt).toBe(asSent);

  const reroll = await edit.open(/^Reroll/, 'Reroll (same inputs again)');
  await expect(reroll.root).toContainText(`“${PROMPT}”`);
  await expect(reroll.root.getByRole('status', { name: 'Prompt as sent' })).toContainText(`“${asSent}”`);
  await reroll.expectEstimate();
  await reroll.submit();
  expect((await newestCreate(page, dailies)).body.prompt).toBe(asSent);
});

test('Inpaint: paint a mask over a chosen frame; the simulator gets it at the source frame’s size', async ({ page, dailies }) => {
  test.setTimeout(180_000);
  const { library, edit, parent } = await withParent(page, dailies);
  const references = async () => (await call<{ items: { title: string }[] }>(page, dailies, 'references.page', { limit: 500 })).items.map((r) => r.title).sort();
  const before = await references();

  // Frames stopped on while scrubbing are previews: cancelled, they leave nothing in the library.
  const scrubbed = await edit.open(/^Inpaint/, 'Inpaint (paint a mask)');
  const scrubStatus = scrubbed.root.getByRole('status', { name: 'Frame' });
  await expect(scrubStatus).toHaveText(`Frame at 0.0 s, ${parent.width}×${parent.height} px`);
  for (const ms of [1000, 3000, 2000]) {
    await scrubbed.root.getByRole('slider', { name: /^Frame at/ }).fill(String(ms));
    await expect(scrubStatus).toHaveText(`Frame at ${(ms / 1000).toFixed(1)} s, ${parent.width}×${parent.height} px`);
    await expect(scrubbed.root.getByRole('img', { name: `Frame to paint on (${parent.width}×${parent.height})` })).toHaveJSProperty('naturalWidth', parent.width);
  }
  await scrubbed.root.getByRole('button', { name: 'Cancel' }).click();
  await expect(scrubbed.root).toBeHidden();
  expect(await references()).toEqual(before);

  const dialog = await edit.open(/^Inpaint/, 'Inpaint (paint a mask)');
  const frameStatus = dialog.root.getByRole('status', { name: 'Frame' });
  await expect(frameStatus).toHaveText(`Frame at 0.0 s, ${parent.width}×${parent.height} px`);
  const slider = dialog.root.getByRole('slider', { name: /^Frame at/ });
  await slider.fill('3000');
  await expect(frameStatus).toHaveText(`Frame at 3.0 s, ${parent.width}×${parent.height} px`);
  await slider.fill('2000');
  await expect(frameStatus).toHaveText(`Frame at 2.0 s, ${parent.width}×${parent.height} px`);
  expect(await references()).toEqual(before);
  const canvas = dialog.root.getByRole('img', { name: /^Inpaint mask:/ });
  await expect(canvas).toHaveAccessibleName('Inpaint mask: nothing painted');
  await expect(dialog.submitButton).toBeDisabled();
  // Brush, then the eraser takes part of it back; the painted share is read back from the canvas.
  await dialog.drag(canvas, { x: 0.3, y: 0.4 }, { x: 0.6, y: 0.4 });
  await expect(canvas).toHaveAccessibleName(/^Inpaint mask: \d+% painted$/);
  const painted = Number(/(\d+)%/.exec((await canvas.getAttribute('aria-label'))!)![1]);
  await dialog.root.getByLabel('Eraser').check();
  await dialog.drag(canvas, { x: 0.45, y: 0.4 }, { x: 0.7, y: 0.4 });
  await expect.poll(async () => Number(/(\d+)%/.exec((await canvas.getAttribute('aria-label'))!)?.[1] ?? 0)).toBeLessThan(painted);
  await dialog.root.getByLabel('Brush').check();
  await dialog.prompt.fill('Replace the lighthouse with a paper lantern');
  await dialog.expectEstimate();
  await dialog.submit();

  const sent = await newestCreate(page, dailies);
  expect(sent.endpoint).toBe('omni-video');
  expect(sent.body.video_list).toEqual([{ video_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1/), refer_type: 'base' }]);
  const [mask] = sent.body.image_list as { image_url: string }[];
  expect(mask!.image_url).toMatch(new RegExp(` png ${parent.width}x${parent.height}$`));
  expect(sent.body.prompt).toMatch(/^Replace the lighthouse with a paper lantern .*<<<image_1>>>/);
  await expectChild(library, 2, parent.title, 'inpaint');
  // Submitted: the frame chosen (only that one) is kept, with the mask painted over it.
  const frameTitle = `Frame at 2.00 s of ${parent.title}`;
  expect(await references()).toEqual([...before, frameTitle, `Inpaint mask over ${frameTitle}`].sort());
});

test('Motion brush: a painted region and its path, sent with Kling’s bottom-left origin', async ({ page, dailies }) => {
  test.setTimeout(180_000);
  const { library, edit, parent } = await withParent(page, dailies);
  const dialog = await edit.open('Motion brush', 'Motion brush');
  const region = dialog.root.getByRole('img', { name: /^Region 1 mask:/ });
  await expect(region).toBeVisible();
  await dialog.drag(region, { x: 0.15, y: 0.25 }, { x: 0.3, y: 0.35 });
  await expect(region).toHaveAccessibleName(/^Region 1 mask: \d+% painted$/);
  await dialog.root.getByLabel('Draw path').check();
  const paths = dialog.root.getByRole('img', { name: /^Paths:/ });
  // The path starts on the painted stroke (a trajectory starts on its region).
  await dialog.drag(paths, { x: 0.225, y: 0.3 }, { x: 0.7, y: 0.6 }, 20);
  await expect(paths).toHaveAccessibleName(/^Paths: region 1 \d+ points$/);
  await dialog.expectEstimate();
  await dialog.submit();

  const sent = await newestCreate(page, dailies);
  expect(sent.endpoint).toBe('image2video');
  expect(sent.body.image).toMatch(new RegExp(` png ${parent.width}x${parent.height}$`));
  const [dm] = sent.body.dynamic_masks as { mask: string; trajectories: { x: number; y: number }[] }[];
  expect(dm!.mask).toMatch(new RegExp(` png ${parent.width}x${parent.height}$`));
  // Drawn from (0.225, 0.3) to (0.7, 0.6) of the frame, top-left origin: Kling gets y from the bottom.
  const first = dm!.trajectories[0]!;
  const last = dm!.trajectories[dm!.trajectories.length - 1]!;
  expect(Math.abs(first.x - 0.225 * parent.width)).toBeLessThanOrEqual(3);
  expect(Math.abs(first.y - 0.7 * parent.height)).toBeLessThanOrEqual(3);
  expect(Math.abs(last.x - 0.7 * parent.width)).toBeLessThanOrEqual(3);
  expect(Math.abs(last.y - 0.4 * parent.height)).toBeLessThanOrEqual(3);
  expect(last.y).toBeLessThan(first.y);
  await expectChild(library, 2, parent.title, 'motion_brush');
});

test('Camera control: type and axis with a diagram; exactly one non-zero axis is sent', async ({ page, dailies }) => {
  test.setTimeout(180_000);
  const { library, edit, parent } = await withParent(page, dailies);
  const dialog = await edit.open('Camera control', 'Camera control');
  await dialog.root.getByLabel('Axis').selectOption('pan');
  await dialog.root.getByRole('slider', { name: /^Amount/ }).fill('-6');
  await expect(dialog.root.getByRole('img', { name: /^Diagram:/ })).toHaveAccessibleName('Diagram: The camera pans left steadily (pan -6).');
  await dialog.expectEstimate();
  await dialog.submit();

  const sent = await newestCreate(page, dailies);
  expect(sent.endpoint).toBe('image2video');
  const config = (sent.body.camera_control as { type: string; config: Record<string, number> });
  expect(config.type).toBe('simple');
  expect(Object.entries(config.config).filter(([, v]) => v !== 0)).toEqual([['pan', -6]]);
  await expectChild(library, 2, parent.title, 'camera_control');
});

test('Use last frame, restyle, outpaint and reroll: each a new job with what it needs', async ({ page, dailies }) => {
  test.setTimeout(240_000);
  const { library, edit, parent } = await withParent(page, dailies);

  const last = await edit.open('Use last frame as first frame', 'Use last frame as first frame');
  await expect(last.root.getByRole('status', { name: 'Frame' })).toHaveText(new RegExp(`^Frame at [4-5]\\.\\d s, ${parent.width}×${parent.height} px$`));
  await last.prompt.fill('The lighthouse beam sweeps over the sea');
  await last.expectEstimate();
  await last.submit();
  const fromLast = await newestCreate(page, dailies);
  expect(fromLast.endpoint).toBe('image2video');
  expect(fromLast.body.image).toMatch(new RegExp(` png ${parent.width}x${parent.height}$`));
  await expectChild(library, 2, parent.title, 'image_to_video');

  // Back to the original for the rest.
  await library.tile(parent.title).click();
  const restyle = await edit.open('Restyle', 'Restyle');
  await restyle.prompt.fill('Hand-drawn watercolour, soft paper texture');
  await restyle.expectEstimate();
  await restyle.submit();
  const restyled = await newestCreate(page, dailies);
  expect(restyled.endpoint).toBe('omni-video');
  expect(restyled.body).toMatchObject({ model_name: 'kling-video-o1', prompt: 'Hand-drawn watercolour, soft paper texture', video_list: [{ refer_type: 'base' }] });
  expect(restyled.body.image_list).toBeUndefined();
  await expectChild(library, 3, parent.title, 'restyle');
  await library.tile(parent.title).click();

  const outpaint = await edit.open('Outpaint / change aspect', 'Outpaint / change aspect');
  await outpaint.root.getByLabel('Target aspect').selectOption('1:1');
  await outpaint.expectEstimate();
  await outpaint.submit();
  const outpainted = await newestCreate(page, dailies);
  expect(outpainted.body).toMatchObject({ aspect_ratio: '1:1', video_list: [{ refer_type: 'base' }] });
  await expectChild(library, 4, parent.title, 'outpaint');
  await library.tile(parent.title).click();

  const reroll = await edit.open(/^Reroll/, 'Reroll (same inputs again)');
  await expect(reroll.root).toContainText(PROMPT);
  await reroll.expectEstimate();
  await reroll.submit();
  const rerolled = await newestCreate(page, dailies);
  expect(rerolled.endpoint).toBe('text2video');
  expect(rerolled.body).toMatchObject({ model_name: 'kling-v1-6', prompt: PROMPT, duration: '5', aspect_ratio: '16:9' });
  // Another take of the same render: in its lineage as a reroll of it, not a loose sibling.
  await expectChild(library, 5, parent.title, 'reroll');
  const detail = new DetailPanel(page);
  const tree = detail.lineage.getByRole('tree', { name: 'Lineage tree' });
  await expect(tree.getByRole('button', { name: `Open ${parent.title}` })).toBeVisible();
  const self = tree.getByRole('button', { name: /\(this take\)$/ });
  await expect(self).toHaveAccessibleDescription(`reroll of ${parent.title}`);
  await expect(self).toContainText('reroll');
  // From the render rerolled: the new take hangs under it, marked as its reroll.
  await detail.lineage.getByRole('button', { name: `Open ${parent.title}` }).click();
  await expect(detail.title).toHaveText(parent.title);
  const rerolls = tree.getByRole('button', { description: `reroll of ${parent.title}` });
  await expect(rerolls).toHaveCount(1);
  await expect(tree.getByRole('treeitem')).toHaveCount(5);
});

/** Imports one generated audio file (a line read) into the library, as the lip sync's voice. */
async function importAudio(page: Page, dailies: ServedLibrary, name: string): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dailies-e2e-audio-'));
  try {
    await promisify(execFile)(resolveMediaTools().ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=330:duration=2', path.join(dir, name)]);
    const { importId } = await call<{ importId: string }>(page, dailies, 'import.folder', { path: dir });
    await expect.poll(async () => (await call<{ finishedAt: number | null }>(page, dailies, 'import.get', { importId })).finishedAt, { timeout: 30_000 }).not.toBeNull();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('Lip sync: pick an audio file from the library', async ({ page, dailies }) => {
  test.setTimeout(180_000);
  const { library, edit, parent } = await withParent(page, dailies);
  await importAudio(page, dailies, 'line-read.wav');
  const dialog = await edit.open('Lip sync', 'Lip sync');
  await expect(dialog.root.getByLabel('Audio').locator('option:checked')).toHaveText(/line-read/);
  // Kling finds one face: nothing to choose.
  await expect(dialog.root).toContainText('One face found (on screen 0.0 s – 5.0 s): it speaks.');
  await dialog.expectEstimate();
  await dialog.submit();
  const sent = await newestCreate(page, dailies);
  expect(sent.endpoint).toBe('advanced-lip-sync');
  await expectChild(library, 2, parent.title, 'lip_sync');
});

test('Lip sync on a clip with two faces: choose which one speaks; the simulator gets that face', async ({ page, dailies }) => {
  test.setTimeout(180_000);
  const { library, edit, parent } = await withParent(page, dailies);
  await importAudio(page, dailies, 'second-speaker.wav');
  sim().state.facesPerClip = 2;
  try {
    const dialog = await edit.open('Lip sync', 'Lip sync');
    const faces = dialog.root.getByRole('group', { name: 'Which face speaks' });
    await expect(faces.getByRole('radio')).toHaveCount(2);
    await expect(faces).toContainText('Kling found 2 faces in this clip');
    // Nothing is sent until a face is chosen.
    await expect(dialog.root).toContainText('Choose which face speaks.');
    await expect(dialog.submitButton).toBeDisabled();
    // By keyboard: the first radio takes focus, the arrow moves to the second face (on screen later).
    await faces.getByRole('radio').first().focus();
    await page.keyboard.press('ArrowDown');
    const second = faces.getByRole('radio', { name: /^Face 2/ });
    await expect(second).toBeChecked();
    await expect(faces.getByText('on screen 1.7 s – 5.0 s')).toBeVisible();
    await dialog.expectEstimate();
    await dialog.submit();

    const sent = await newestCreate(page, dailies);
    expect(sent.endpoint).toBe('advanced-lip-sync');
    const [chosen] = sent.body.face_choose as { face_id: string }[];
    expect(chosen!.face_id).toBe('1');
    await expectChild(library, 2, parent.title, 'lip_sync');
  } finally {
    sim().state.facesPerClip = 1;
  }
});
