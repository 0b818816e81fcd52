// Watched folders from the user's side: a folder added in Settings, a clip arriving the way a
// browser downloads it, the notice, the grid; an in-place folder whose files go away, the
// "Missing" badge, and Locate… relinking one file and then the rest of its folder.
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.js';
import { downloadClip, makeManyClips, startSlowCopy } from './media-fixtures.js';
import { ArrivalsNotices } from './pages/arrivals.js';
import { LibraryPage } from './pages/library-page.js';
import { MissingFile } from './pages/missing-file.js';
import { WatchFoldersSettings } from './pages/watch-folders-settings.js';
import { keepScreenshot } from './review-screenshots.js';

let scratch: string;
test.beforeEach(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'dailies-e2e-watch-'));
});
test.afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

test('a clip downloaded into a watched folder is copied in, announced, and shown in the library', async ({ page, dailies }) => {
  const library = new LibraryPage(page);
  const settings = new WatchFoldersSettings(page);
  const arrivals = new ArrivalsNotices(page);
  const downloads = path.join(scratch, 'Downloads');
  await mkdir(downloads);
  await library.open(dailies.url);
  await expect(library.emptyState).toBeVisible();

  await settings.open();
  await expect(settings.dialog).toContainText('No folder is watched yet.');
  await settings.add(downloads, 'Copy into the library');
  await expect(settings.fact(downloads, 'Mode')).toHaveText('Copy into the library');
  await expect(settings.status(downloads)).toHaveText('Watching');
  await expect(settings.fact(downloads, 'Files seen')).toHaveText('0');
  await settings.close();

  // A browser's download: written as .crdownload, then renamed to its name.
  await downloadClip(path.join(downloads, 'kling_hero_take1.mp4'), { seconds: 1 });

  const notice = arrivals.notice('1 new clip from Downloads');
  await expect(notice).toBeVisible();
  // Pointed at, it stays up (it hides by itself after a while) however slow this machine is.
  await notice.hover();
  await expect(notice).toContainText('kling_hero_take1.mp4');
  await expect(page.locator('[aria-live="polite"]').filter({ has: notice })).toHaveCount(1);
  await arrivals.showInLibrary(notice).click();
  await expect(notice).toBeHidden();

  await expect(library.tile('kling_hero_take1.mp4')).toBeVisible();
  await expect(library.tiles).toHaveCount(1);
  await expect(library.detailTitle).toHaveText('kling_hero_take1.mp4');
  await expect(library.fact('Source')).toHaveText('Picked up by a watched folder');
  // Copied: the take plays from the library's own store.
  await expect(library.player).toBeVisible();

  // The folder's card counts it.
  await settings.open();
  await expect(settings.fact(downloads, 'Files seen')).toHaveText('1');
  await settings.close();
});

test('files referenced in place that go away are badged Missing, and Locate… relinks them and the rest of their folder', async ({ page, dailies }) => {
  const library = new LibraryPage(page);
  const settings = new WatchFoldersSettings(page);
  const shoot = path.join(scratch, 'shoot');
  const moved = path.join(scratch, 'moved-to-nas');
  await mkdir(shoot);
  await mkdir(moved);
  await downloadClip(path.join(shoot, 'alley_a.mp4'), { width: 160, height: 90 });
  await downloadClip(path.join(shoot, 'alley_b.mp4'), { width: 128, height: 72 });
  await library.open(dailies.url);

  await settings.open();
  await settings.add(shoot, 'Reference in place');
  await expect(settings.fact(shoot, 'Mode')).toHaveText('Reference in place');
  await expect(settings.fact(shoot, 'Files seen')).toHaveText('2');
  await settings.close();

  const tileA = library.tile('alley_a.mp4');
  const tileB = library.tile('alley_b.mp4');
  await expect(tileA).toBeVisible();
  await expect(tileB).toBeVisible();
  await expect(MissingFile.badge(tileA)).toHaveCount(0);

  // Both files leave the watched folder (moved to another disk, and one renamed on the way).
  await rename(path.join(shoot, 'alley_a.mp4'), path.join(moved, 'alley_a.mp4'));
  await rename(path.join(shoot, 'alley_b.mp4'), path.join(moved, 'alley_b_final.mp4'));
  await expect(MissingFile.badge(tileA)).toBeVisible();
  await expect(MissingFile.badge(tileB)).toBeVisible();
  await expect(library.poster(tileA)).toHaveCount(0);
  await expect(tileA).toHaveAccessibleDescription('File missing');

  // The detail panel says so instead of a broken player, and offers Locate….
  await tileA.click();
  const missing = new MissingFile(library.detail);
  await expect(missing.group).toContainText('The media file for this take is missing');
  await expect(missing.group).toContainText(path.join(shoot, 'alley_a.mp4'));
  await expect(library.player).toHaveCount(0);

  // A file with other content is refused, and nothing changes.
  await missing.locate(path.join(moved, 'alley_b_final.mp4'));
  await expect(missing.group.getByRole('alert').filter({ hasText: 'content differs' })).toBeVisible();
  await expect(MissingFile.badge(tileA)).toBeVisible();

  // The right file: relinked at once, then the offer for the rest of the old folder.
  await missing.pathField.fill(path.join(moved, 'alley_a.mp4'));
  await missing.relinkButton.click();
  await expect(missing.group).toContainText('1 other missing file lived in the same folder');
  await expect(MissingFile.badge(tileA)).toHaveCount(0);
  await expect(MissingFile.badge(tileB)).toBeVisible();
  await expect(library.player).toBeVisible();

  await missing.relinkRestButton.click();
  await expect(missing.group).toContainText('Relinked 1 other file from the same folder.');
  await expect(MissingFile.badge(tileB)).toHaveCount(0);

  // Relinked for good: it plays from its new place.
  await tileB.click();
  await expect(library.detailTitle).toHaveText('alley_b.mp4');
  await expect(library.player).toBeVisible();
  await expect(library.detail.getByRole('group', { name: 'Missing file' })).toHaveCount(0);
});

test('a folder with files already in it is scanned in the background with a progress bar, and the app stays usable meanwhile', async ({ page, dailies }) => {
  const library = new LibraryPage(page);
  const settings = new WatchFoldersSettings(page);
  const arrivals = new ArrivalsNotices(page);
  const shared = path.join(scratch, 'shared');
  // Three finished clips, and a fourth still being copied in slowly when the folder is added:
  // the scan cannot end before that one is finished, so its progress can be watched.
  await makeManyClips(shared, 3);
  const copy = await startSlowCopy(path.join(shared, 'still_copying.mp4'));
  try {
    await library.open(dailies.url);
    await settings.open();
    await settings.add(shared, 'Copy into the library');

    await expect(settings.status(shared)).toHaveText('Scanning');
    await expect(settings.scanProgress(shared)).toBeVisible();
    await expect(settings.scanCount(shared)).toHaveText('Scanning: 3 of 4 files');
    await expect(settings.scanProgress(shared)).toHaveAttribute('max', '4');
    await expect(settings.scanProgress(shared)).toHaveAttribute('value', '3');

    // Nothing waits for the scan: the settings close and open again, the core answering meanwhile.
    await settings.close();
    await settings.open();
    await expect(settings.scanCount(shared)).toHaveText('Scanning: 3 of 4 files');
    await expect(settings.fact(shared, 'Files seen')).toHaveText('4');

    await copy.finish();
  } finally {
    await copy.finish();
  }
  await expect(settings.scanProgress(shared)).toHaveCount(0);
  await expect(settings.status(shared)).toHaveText('Watching');
  await expect(settings.fact(shared, 'Files seen')).toHaveText('4');
  await settings.close();

  // The three finished clips are imported (and announced) while the scan waits for the fourth;
  // on a slow machine their notice can hide itself before the fourth arrives, so the last
  // notice says either "4 new clips" or "1 new clip" — and it always names the late file.
  await expect(arrivals.notice(/^(4 new clips|1 new clip) from shared$/)).toContainText('still_copying.mp4');
  await expect(library.tiles).toHaveCount(4);
  await expect(library.tile('still_copying.mp4')).toBeVisible();
});

test("a folder's options, pause and resume, its last error, and removing it, from Settings", async ({ page, request, dailies }) => {
  const library = new LibraryPage(page);
  const settings = new WatchFoldersSettings(page);
  const arrivals = new ArrivalsNotices(page);
  const call = async (channel: string, input: unknown) => {
    const res = await request.post(`http://127.0.0.1:${dailies.port}/api/call/${channel}`, {
      headers: { authorization: `Bearer ${dailies.token}` }, data: input,
    });
    return ((await res.json()) as { value: any }).value; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const project = (await call('projects.create', { name: 'Alley spot' })) as { id: number };
  const renders = path.join(scratch, 'renders');
  await mkdir(renders);
  await library.open(dailies.url);

  // Into the project, work-in-progress files excluded, subfolders left alone.
  await settings.open();
  await settings.addButton.click();
  await settings.form.getByLabel('Folder path').fill(renders);
  await settings.form.getByRole('combobox', { name: 'Project' }).selectOption({ label: 'Alley spot' });
  await settings.form.getByRole('textbox', { name: 'Exclude patterns' }).fill('*_wip.mp4');
  await settings.form.getByRole('checkbox', { name: 'Include subfolders' }).uncheck();
  await settings.form.getByRole('button', { name: 'Watch this folder' }).click();
  await expect(settings.form).toBeHidden();
  await expect(settings.fact(renders, 'Project')).toHaveText('Alley spot');
  await expect(settings.fact(renders, 'Files')).toHaveText('every media file; not *_wip.mp4');
  await expect(settings.fact(renders, 'Subfolders')).toHaveText('Not included');
  await keepScreenshot(page, test.info(), 'settings-watch-folders');
  await expect(settings.status(renders)).toHaveText('Watching');

  // Paused: what lands meanwhile waits for Resume.
  await settings.action(renders, 'Pause').click();
  await expect(settings.status(renders)).toHaveText('Paused');
  await expect(settings.action(renders, 'Rescan')).toBeDisabled();
  await mkdir(path.join(renders, 'older'));
  await downloadClip(path.join(renders, 'alley_take1.mp4'), { width: 160, height: 90 });
  await downloadClip(path.join(renders, 'alley_take2_wip.mp4'), { width: 128, height: 72 });
  await downloadClip(path.join(renders, 'older', 'alley_take0.mp4'), { width: 176, height: 99 });
  await expect(settings.fact(renders, 'Files seen')).toHaveText('0');

  await settings.action(renders, 'Resume').click();
  await expect(settings.status(renders)).toHaveText('Watching');
  await expect(settings.fact(renders, 'Files seen')).toHaveText('1');
  await settings.close();
  await expect(arrivals.notice('1 new clip from renders')).toBeVisible();
  await expect(library.tile('alley_take1.mp4')).toBeVisible();
  await expect(library.tiles).toHaveCount(1);
  expect((await call('renders.count', { filter: { projectId: project.id } })).count).toBe(1);

  // The folder goes away: the card says so.
  await rename(renders, path.join(scratch, 'renders-archived'));
  await settings.open();
  await expect(settings.status(renders)).toHaveText('Error');
  await expect(settings.fact(renders, 'Last error')).toHaveText('The folder was deleted or moved away.');

  // Removed: no longer watched, and what it brought stays in the library.
  await settings.action(renders, 'Remove…').click();
  await expect(settings.folder(renders)).toContainText('Everything already in the library stays.');
  await settings.action(renders, 'Stop watching').click();
  await expect(settings.folder(renders)).toHaveCount(0);
  await expect(settings.dialog).toContainText('No folder is watched yet.');
  await settings.close();
  await expect(library.tile('alley_take1.mp4')).toBeVisible();
});
