// Background preview work (issue 5, "progress bars for every long task"): every poster and
// hover-scrub strip made after an import is counted in one place and reported as throttled
// media.progress events, ending at nothing pending; one that fails says which file and why.
// Real clips, real ffmpeg, a real catalogue.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import { mediaPath } from '../../main/store/layout.js';
import type { CoreEvent } from '../../shared/events.js';
import type { PreviewProgress } from '../../shared/channels/media.js';
import { importFolder, openTestCore } from '../helpers/core.js';
import { buildSampleProject } from '../helpers/bundle-library.js';
import { exportBundle } from '../../main/bundles/export.js';
import { clipVariant, makeClip } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';
import { waitFor } from '../helpers/wait.js';

let lib: ReturnType<typeof tempDir>;
let src: ReturnType<typeof tempDir>;
let core: Core;

beforeEach(() => {
  lib = tempDir('dailies-lib-');
  src = tempDir('dailies-src-');
  core = openTestCore(lib.path);
});
afterEach(async () => {
  await core.close();
  lib.cleanup();
  src.cleanup();
});

/** N distinct real clips (one ffmpeg run, then byte variants that still decode). */
function makeClips(n: number): string[] {
  const base = readFileSync(makeClip(path.join(src.path, 'base.mp4'), { seconds: 1 }));
  rmSync(path.join(src.path, 'base.mp4'));
  return Array.from({ length: n }, (_, i) => {
    const file = path.join(src.path, `take_${String(i + 1).padStart(2, '0')}.mp4`);
    writeFileSync(file, clipVariant(base, i, 'previews'));
    return file;
  });
}

const progressOf = (events: CoreEvent[]) => events.flatMap((e) => (e.type === 'media.progress' ? [e.progress] : []));
const settled = async () => waitFor('no previews pending', async () => {
  const p = (await core.dispatch('media.progress', {})) as PreviewProgress;
  return p.pending === 0 ? p : null;
});
const spriteFrames = () => core.db.prepare("SELECT sum(sprite_frames) FROM assets WHERE kind = 'video'").pluck().get() as number;

describe('preview progress', () => {
  it('counts every strip of an import from queued to made, the counts adding up and ending at 0 pending', async () => {
    const N = 8;
    makeClips(N);
    const events: CoreEvent[] = [];
    const off = core.onEvent((e) => events.push(e));
    const { summary } = await importFolder(core, src.path);
    expect(summary).toMatchObject({ total: N, imported: N });
    const final = await settled();
    // The last event goes out on the throttle's timer after the last strip.
    await waitFor('the last progress event', () => progressOf(events).at(-1)?.pending === 0);
    off();

    expect(final).toEqual({ pending: 0, done: N, failed: 0, current: null, failures: [], failuresTotal: 0 });
    expect(spriteFrames()).toBe(N * 10);
    const seen = progressOf(events);
    expect(seen.at(-1)).toEqual(final);
    // While strips were left, the status bar was told how many, and which take was being made.
    expect(seen.some((p) => p.pending > 0)).toBe(true);
    const named = seen.flatMap((p) => (p.current ? [p.current] : []));
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(name).toMatch(/^take_\d\d\.mp4$/);
    // One run of work: the counts only grow towards N, and never add up to more than N.
    for (const [i, p] of seen.entries()) {
      expect(p.pending + p.done + p.failed).toBeLessThanOrEqual(N);
      if (i > 0) expect(p.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
    }
  });

  it('counts a clip whose strip fails as failed, naming the file and the reason, until dismissed', async () => {
    const files = makeClips(4);
    const broken = files[2]!;
    // The stored copy of one clip disappears between its import and its strip (as a disk
    // failing under the library would): ffmpeg then cannot read it.
    const off = core.onEvent((e) => {
      if (e.type !== 'import.finished') return;
      const line = e.summary.files.find((f) => f.path === broken)!;
      const sha = core.db.prepare('SELECT a.sha256 FROM renders r JOIN assets a ON a.id = r.asset_id WHERE r.id = ?').pluck().get(line.renderId) as string;
      rmSync(mediaPath(core.layout, sha, 'mp4'));
    });
    await importFolder(core, src.path);
    off();

    const final = await settled();
    expect(final).toMatchObject({ pending: 0, done: 3, failed: 1, current: null, failuresTotal: 1 });
    expect(final.failures).toHaveLength(1);
    expect(final.failures[0]).toMatchObject({ name: 'take_03.mp4', path: broken, kind: 'sprite' });
    expect(final.failures[0]!.reason).toMatch(/^The hover-scrub strip could not be made: .*No such file or directory/);
    expect(spriteFrames()).toBe(3 * 10);

    // A new run of work starts its counts from zero; the failure stays listed until dismissed.
    const more = tempDir('dailies-src-more-');
    try {
      makeClip(path.join(more.path, 'later.mp4'), { seconds: 1 });
      await importFolder(core, more.path);
      const after = await settled();
      expect(after).toMatchObject({ pending: 0, done: 1, failed: 0, failuresTotal: 1 });
      expect(after.failures.map((f) => f.name)).toEqual(['take_03.mp4']);
    } finally {
      more.cleanup();
    }
    const told: CoreEvent[] = [];
    const off2 = core.onEvent((e) => told.push(e));
    expect(await core.dispatch('media.dismissFailures', {})).toMatchObject({ failures: [], failuresTotal: 0 });
    // Every window hears of it (and hides the notice).
    await waitFor('the dismissal event', () => progressOf(told).some((p) => p.failures.length === 0));
    off2();
    expect(((await core.dispatch('media.progress', {})) as PreviewProgress).failures).toEqual([]);
  });

  it('counts the posters a closed run left unmade at the next start; one that does not decode is named with the reason', async () => {
    const files = makeClips(4);
    await importFolder(core, src.path);
    await settled();
    const damaged = files[1]!;
    const shaOf = (title: string) =>
      core.db.prepare('SELECT a.sha256 FROM renders r JOIN assets a ON a.id = r.asset_id WHERE r.title = ?').pluck().get(title) as string;
    const sha = shaOf('take_02.mp4');
    const away = shaOf('take_04.mp4');
    await core.close();
    // As if the app quit before checking the posters, and one stored file was damaged meanwhile.
    const between = openTestCore(lib.path);
    between.db.prepare('UPDATE assets SET has_poster = 0').run();
    await between.close();
    writeFileSync(mediaPath(between.layout, sha, 'mp4'), Buffer.alloc(4096, 7));
    // And one whose file is away: not checked now, so not counted (it would never come).
    rmSync(mediaPath(between.layout, away, 'mp4'));

    core = openTestCore(lib.path);
    const final = await settled();
    expect(final).toMatchObject({ pending: 0, done: 2, failed: 1 });
    expect(final.failures).toHaveLength(1);
    expect(final.failures[0]).toMatchObject({ name: 'take_02.mp4', path: damaged, kind: 'poster' });
    expect(final.failures[0]!.reason).toMatch(/^Taken out of the library: Could not decode a frame/);
    // The damaged take is gone; the one whose file is away stays, its poster still to come.
    expect(core.db.prepare('SELECT title FROM renders ORDER BY title').pluck().all()).toEqual(['take_01.mp4', 'take_03.mp4', 'take_04.mp4']);
  });

  // The same count, whoever queued the strips: a watched folder's scan and a bundle import go
  // through the same makeSprites, and report here without code of their own.
  it('counts the strips of a watched folder\'s first scan', async () => {
    const N = 3;
    makeClips(N);
    await core.dispatch('watch.add', { path: src.path });
    const final = await waitFor('every strip of the scan made', async () => {
      const p = (await core.dispatch('media.progress', {})) as PreviewProgress;
      return p.pending === 0 && p.done === N ? p : null;
    });
    expect(final).toMatchObject({ failed: 0, failuresTotal: 0 });
    expect(spriteFrames()).toBe(N * 10);
  });

  it('counts the strips of a bundle import', async () => {
    const from = openTestCore(path.join(src.path, 'from-lib'));
    let bundle: string;
    try {
      const sample = await buildSampleProject(from, path.join(src.path, 'from-src'));
      bundle = (await exportBundle(from, { projectIds: [sample.projectId], destination: path.join(src.path, 'fox.dailies') })).destination;
    } finally {
      await from.close();
    }
    const events: CoreEvent[] = [];
    const off = core.onEvent((e) => events.push(e));
    const { taskId } = (await core.dispatch('bundles.import', { path: bundle })) as { taskId: string };
    await waitFor('the bundle imported', async () => ((await core.dispatch('bundles.task', { taskId })) as { state: string }).state === 'done');
    // Three takes in the sample project, each a video with a strip to make here.
    const final = await waitFor('the strips made', async () => {
      const p = (await core.dispatch('media.progress', {})) as PreviewProgress;
      return p.pending === 0 && p.done === 3 ? p : null;
    });
    await waitFor('the last progress event', () => progressOf(events).at(-1)?.done === 3);
    off();
    expect(final).toMatchObject({ failed: 0 });
    expect(progressOf(events).some((p) => p.pending > 0)).toBe(true);
    expect(spriteFrames()).toBe(3 * 10);
  });
});
