// The detail player's sound: a take with an audio track has a Sound / Muted toggle (M), which
// holds from take to take while the panel is open; a silent take has none.
import { expect, test } from './fixtures.js';
import { makeClipWithSound, makeManyClips } from './media-fixtures.js';
import { DetailPanel } from './pages/detail-panel.js';
import { LibraryPage } from './pages/library-page.js';

test('M mutes the open take, stays muted on the next take with sound, and a silent take offers no toggle', async ({ page, dailies }) => {
  const folder = test.info().outputPath('sound');
  await makeClipWithSound(`${folder}/voice_take1.mp4`);
  await makeClipWithSound(`${folder}/voice_take2.mp4`, 3, 660);
  await makeManyClips(`${folder}/silent`, 1);
  const library = new LibraryPage(page);
  const detail = new DetailPanel(page);
  await library.open(dailies.url);
  await library.importFolder(folder);
  await expect(library.tiles).toHaveCount(3);

  const sound = detail.transport.getByRole('button', { name: 'Mute' });
  const muted = () => detail.video.evaluate((v: HTMLVideoElement) => v.muted);
  await library.tile('voice_take1.mp4').click();
  await expect(detail.title).toHaveText('voice_take1.mp4');
  await expect(sound).toHaveText('Sound');
  await expect(sound).toHaveAttribute('aria-pressed', 'false');
  expect(await muted()).toBe(false);

  await library.grid.focus();
  await page.keyboard.press('m');
  await expect(sound).toHaveText('Muted');
  await expect(sound).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(muted).toBe(true);

  // The next take with sound opens muted.
  await library.tile('voice_take2.mp4').click();
  await expect(detail.title).toHaveText('voice_take2.mp4');
  await expect(sound).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(muted).toBe(true);
  await sound.click();
  await expect(sound).toHaveText('Sound');
  await expect.poll(muted).toBe(false);

  // A silent take: nothing to mute.
  await library.tiles.filter({ hasNotText: 'voice' }).first().click();
  await expect(detail.title).not.toHaveText(/voice/);
  await expect(library.fact('Audio codec')).toHaveText('No audio');
  await expect(sound).toHaveCount(0);
});
