// Hand-offs and selection bundles from the UI against the real core: the storyboard's picks as an
// EDL and an OTIO timeline whose clips are the picked takes in shot order, and two takes selected
// in the library exported as a bundle that holds exactly those two.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.js';
import { ExportBundleDialog } from './pages/bundle-dialogs.js';
import { HandoffDialog } from './pages/handoff-dialog.js';
import { JobsPanel } from './pages/jobs-panel.js';
import { LibraryPage } from './pages/library-page.js';
import { ReviewGrid } from './pages/review-grid.js';
import { StoryboardView } from './pages/storyboard-view.js';
import { ViewsNav } from './pages/views-nav.js';
import { keepScreenshot } from './review-screenshots.js';

test('hands off the storyboard picks as EDL and OTIO, and exports a selection as a bundle', async ({ page, request, dailies }) => {
  const call = async (channel: string, input: unknown) => {
    const res = await request.post(`http://127.0.0.1:${dailies.port}/api/call/${channel}`, {
      headers: { authorization: `Bearer ${dailies.token}` }, data: input,
    });
    return ((await res.json()) as { value: any }).value; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const library = new LibraryPage(page);
  const jobs = new JobsPanel(page);
  const nav = new ViewsNav(page);
  const board = new StoryboardView(page);
  await library.open(dailies.url);
  await library.createDemoProject();
  await jobs.expectAllDone(3);

  // Pick the take of the first and of the last shot.
  await nav.show('Storyboard');
  const picked: string[] = [];
  for (const name of ['Opening: the market wakes', 'Closing: steam and neon']) {
    const take = board.takes(board.shot(name)).first();
    picked.push((await take.getAttribute('aria-label'))!);
    await take.click();
    await page.keyboard.press('p');
    await expect(take).toHaveAttribute('data-flag', 'pick');
  }

  const out = await mkdtemp(path.join(os.tmpdir(), 'dailies-e2e-handoff-'));
  try {
    const handoff = new HandoffDialog(page);
    await board.root.getByRole('button', { name: 'Hand off picks…' }).click();
    await expect(handoff.root).toBeVisible();
    const edl = path.join(out, 'market.edl');
    await handoff.write('CMX 3600 EDL', edl);
    await expect(handoff.status).toContainText('Wrote 2 clips');
    await expect(handoff.status).toContainText(edl);
    await keepScreenshot(page, test.info(), 'handoff-dialog');
    await expect(handoff.status).toContainText('timeline at 24 fps'); // the simulator renders at 24 fps
    // Two events, one per pick, in shot order, each naming its clip.
    const edlText = await readFile(edl, 'utf8');
    const events = edlText.split('\n').filter((l) => /^\d{3}\s/.test(l));
    expect(events).toHaveLength(2);
    const clipNames = [...edlText.matchAll(/^\* FROM CLIP NAME:\s*(.+)$/gm)].map((m) => m[1]!.trim());
    expect(clipNames).toEqual(picked.map((label) => expect.stringContaining(takeTitle(label))));

    await handoff.root.getByRole('button', { name: 'Write another…' }).click();
    const otio = path.join(out, 'market.otio');
    await handoff.write('OpenTimelineIO (.otio)', otio);
    await expect(handoff.status).toContainText('Wrote 2 clips');
    const timeline = JSON.parse(await readFile(otio, 'utf8')) as { OTIO_SCHEMA: string; tracks: { children: Array<{ children: Array<{ OTIO_SCHEMA: string; name: string }> }> } };
    expect(timeline.OTIO_SCHEMA).toMatch(/^Timeline\./);
    const clips = timeline.tracks.children[0]!.children.filter((c) => c.OTIO_SCHEMA.startsWith('Clip.'));
    expect(clips.map((c) => c.name)).toEqual(picked.map((label) => expect.stringContaining(takeTitle(label))));
    await handoff.root.getByRole('button', { name: 'Done' }).click();
    await expect(handoff.root).toBeHidden();

    // Two takes selected in the library → Export selection… → a bundle of exactly those two.
    await nav.show('Library');
    await expect(library.tiles).toHaveCount(3);
    await library.tiles.nth(0).click();
    await library.tiles.nth(2).click({ modifiers: ['ControlOrMeta'] });
    const grid = new ReviewGrid(page);
    await grid.batchBar.getByRole('button', { name: 'Export selection…' }).click();
    const exporter = new ExportBundleDialog(page);
    await expect(exporter.root).toContainText('The 2 selected takes');
    const bundle = path.join(out, 'two-takes.dailies');
    await exporter.root.getByLabel('Save to (full path)').fill(bundle);
    await exporter.root.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(exporter.heading).toHaveText('Export finished', { timeout: 60_000 });
    await expect(exporter.root).toContainText('Exported 2 takes');
    const preview = await call('bundles.preview', { path: bundle });
    expect(preview.scope.renders).toBe('selection');
    // Previewed against the library it came from: both takes are already here, and only they.
    expect(preview.counts.renders).toEqual({ added: 0, updated: 0, unchanged: 2, conflicts: 0 });
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

/** A storyboard take's label is its title (perhaps with more after a comma or a colon). */
function takeTitle(label: string): string {
  return label.split(/[,:·]/)[0]!.trim();
}
