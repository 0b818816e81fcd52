// Watched folders end to end: real chokidar on temp folders, real ffmpeg clips, files written the
// way real tools write them. Every case checks what a user sees: how many takes appear (never
// twice, never missed), where the library thinks each file is, and what is marked missing.
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import { startServeHost } from '../../main/serve/server.js';
import type { WatchFolder } from '../../shared/channels/watch.js';
import type { CoreEvent } from '../../shared/events.js';
import { makeAudio, makeClip } from '../helpers/media.js';
import { useWatchedCore, type WatchedCore } from '../helpers/watch.js';
import { pause, waitFor } from '../helpers/wait.js';

const STABILITY_MS = 400;
const w = useWatchedCore(STABILITY_MS);
let lib: WatchedCore['lib'];
let src: WatchedCore['src'];
let gen: WatchedCore['gen'];
let core: Core;
let events: CoreEvent[];
const sync = () => ({ lib, src, gen, core, events } = w);
beforeEach(sync);
const open = () => {
  w.reopen();
  sync();
};

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const count = (sql: string, ...args: unknown[]) => core.db.prepare(sql).pluck().get(...args) as number;
const renders = () => count('SELECT count(*) FROM renders');
const titles = () => (core.db.prepare('SELECT title FROM renders ORDER BY title').pluck().all() as string[]);
const asset = (sha: string) =>
  core.db.prepare('SELECT id, storage, external_path AS externalPath, missing FROM assets WHERE sha256 = ?').get(sha) as
    | { id: number; storage: string; externalPath: string | null; missing: number }
    | undefined;
const currentPlaces = (sha: string) =>
  core.db.prepare('SELECT l.path FROM asset_locations l JOIN assets a ON a.id = l.asset_id WHERE a.sha256 = ? AND l.gone_at IS NULL ORDER BY l.path').pluck().all(sha) as string[];

async function watchFolder(input: Record<string, unknown> = {}): Promise<WatchFolder> {
  const folder = (await core.dispatch('watch.add', { path: src.path, ...input })) as WatchFolder;
  await waitFor('the watcher to finish its first scan', async () => ((await core.dispatch('watch.list', {})) as WatchFolder[])[0]?.status === 'watching');
  return folder;
}

/** A clip made elsewhere, with distinct content per `seed`. */
const clip = (name: string, seed = 1) => makeClip(path.join(gen.path, name), { seconds: 1, fps: 10 + seed, width: 160, height: 120 });

/** Waits until the watcher is quiet and asserts that quiet lasts (nothing more arrives late). */
async function settled(): Promise<void> {
  await core.watch.idle();
  await pause(STABILITY_MS * 2);
  await core.watch.idle();
}

describe('watched folders: files arriving', () => {
  it('imports a clip written slowly in chunks once, only after it is complete', async () => {
    await watchFolder();
    const bytes = readFileSync(clip('slow.mp4'));
    const dest = path.join(src.path, 'slow.mp4');
    const chunk = Math.ceil(bytes.length / 6);
    writeFileSync(dest, bytes.subarray(0, chunk));
    for (let at = chunk; at < bytes.length; at += chunk) {
      await pause(150); // less than the stability window: the file is still being written
      appendFileSync(dest, bytes.subarray(at, at + chunk));
    }
    await waitFor('the take to appear', () => renders() === 1);
    await settled();
    expect(renders()).toBe(1);
    expect(count('SELECT count(*) FROM assets')).toBe(1);
    // What was imported is the whole file, not a prefix of it.
    expect(asset(sha256(dest))).toBeDefined();
    const arrived = events.filter((e) => e.type === 'watch.arrived');
    expect(arrived.reduce((n, e) => n + (e.type === 'watch.arrived' ? e.imported : 0), 0)).toBe(1);
  });

  it('a copy that stalls past the stability window is reported as failed, then imported once it completes', async () => {
    await watchFolder();
    const bytes = readFileSync(clip('stalled.mp4'));
    const dest = path.join(src.path, 'stalled.mp4');
    // A network copy that stops for longer than the window: the prefix looks finished and is tried.
    writeFileSync(dest, bytes.subarray(0, 64));
    const failed = await waitFor('the stalled prefix to be reported', () =>
      events.find((e): e is Extract<CoreEvent, { type: 'watch.arrived' }> => e.type === 'watch.arrived' && e.failed > 0));
    expect(renders()).toBe(0);
    // The notice lists what arrived by name; a failure is told once, with its reason, under Problems.
    expect(failed.names).toEqual([]);
    expect(failed.errors.map((e) => path.basename(e.path))).toEqual(['stalled.mp4']);

    appendFileSync(dest, bytes.subarray(64));
    await waitFor('the completed copy to become a take', () => renders() === 1);
    await settled();
    expect(renders()).toBe(1);
    expect(asset(sha256(dest))).toBeDefined();
    const arrived = events.filter((e): e is Extract<CoreEvent, { type: 'watch.arrived' }> => e.type === 'watch.arrived');
    expect(arrived.reduce((n, e) => n + e.imported, 0)).toBe(1);
    expect(arrived.flatMap((e) => e.names)).toEqual(['stalled.mp4']);
  });

  it('ignores .crdownload / .part / .download files and imports each once renamed', async () => {
    await watchFolder();
    for (const [i, suffix] of ['.crdownload', '.part', '.download'].entries()) {
      const partial = path.join(src.path, `take${i}.mp4${suffix}`);
      const bytes = readFileSync(clip(`take${i}.mp4`, i));
      writeFileSync(partial, bytes.subarray(0, 1000));
      await pause(STABILITY_MS * 2); // long enough that a partial would have been taken if not ignored
      appendFileSync(partial, bytes.subarray(1000));
      renameSync(partial, path.join(src.path, `take${i}.mp4`));
    }
    await waitFor('three takes', () => renders() === 3);
    await settled();
    expect(titles()).toEqual(['take0.mp4', 'take1.mp4', 'take2.mp4']);
    expect(count("SELECT count(*) FROM asset_locations WHERE path LIKE '%.crdownload' OR path LIKE '%.part' OR path LIKE '%.download'")).toBe(0);
  });

  it("imports rsync's hidden temp file once, under its final name", async () => {
    await watchFolder();
    const tmp = path.join(src.path, '.shot.mp4.Xy12Ab');
    writeFileSync(tmp, readFileSync(clip('shot.mp4')));
    await pause(STABILITY_MS * 2);
    renameSync(tmp, path.join(src.path, 'shot.mp4'));
    await waitFor('the take', () => renders() === 1);
    await settled();
    expect(titles()).toEqual(['shot.mp4']);
  });

  it('imports a burst of 1,000 files each exactly once, none missed', { timeout: 300_000 }, async () => {
    await watchFolder();
    // Distinct content per file, made cheaply: one real WAV, one sample changed per copy.
    const base = readFileSync(makeAudio(path.join(gen.path, 'base.wav'), 0.2));
    const N = 1000;
    const shas = new Set<string>();
    for (let i = 0; i < N; i++) {
      const b = Buffer.from(base);
      b.writeUInt16LE(i, b.length - 2);
      const file = path.join(src.path, `line_${String(i).padStart(4, '0')}.wav`);
      writeFileSync(`${file}.part`, b);
      renameSync(`${file}.part`, file);
      shas.add(createHash('sha256').update(b).digest('hex'));
    }
    expect(shas.size).toBe(N);
    await waitFor(`${N} references`, () => count('SELECT count(*) FROM refs') >= N, { timeoutMs: 280_000, everyMs: 250 });
    await settled();
    expect(count('SELECT count(*) FROM refs')).toBe(N);
    expect(count('SELECT count(*) FROM assets')).toBe(N);
    expect(count('SELECT count(DISTINCT path) FROM asset_locations')).toBe(N);
    const list = (await core.dispatch('watch.list', {})) as WatchFolder[];
    expect(list[0]).toMatchObject({ filesSeen: N, status: 'watching', lastError: null });
  });
});

describe('watched folders: moves, renames, deletes, duplicates', () => {
  it('in place: a rename or move is the same take at its new path; a delete marks it missing and keeps it', async () => {
    await watchFolder({ mode: 'in_place' });
    const a = path.join(src.path, 'a.mp4');
    writeFileSync(a, readFileSync(clip('a.mp4')));
    await waitFor('the take', () => renders() === 1);
    const sha = sha256(a);
    const renderId = count('SELECT id FROM renders');
    expect(asset(sha)).toMatchObject({ storage: 'external', externalPath: a, missing: 0 });
    // Nothing was copied into the store.
    expect(count('SELECT count(*) FROM assets WHERE storage = ?', 'store')).toBe(0);

    const renamed = path.join(src.path, 'renamed.mp4');
    renameSync(a, renamed);
    await waitFor('the path to follow the rename', () => asset(sha)?.externalPath === renamed);
    mkdirSync(path.join(src.path, 'sub'));
    const moved = path.join(src.path, 'sub', 'renamed.mp4');
    renameSync(renamed, moved);
    await waitFor('the path to follow the move', () => asset(sha)?.externalPath === moved);
    await settled();
    expect(renders()).toBe(1);
    expect(count('SELECT id FROM renders')).toBe(renderId);
    expect(asset(sha)?.missing).toBe(0);
    expect(currentPlaces(sha)).toEqual([moved]);

    rmSync(moved);
    await waitFor('the take to be marked missing', () => asset(sha)?.missing === 1);
    expect(renders()).toBe(1); // every catalogue row is kept
    expect(((await core.dispatch('assets.missing', {})) as { sha256s: string[] }).sha256s).toEqual([sha]);
    // The grid learns of it through an event (batched with other arrivals).
    await waitFor('the missing event', () => events.some((e) => e.type === 'assets.missing' && e.missing && e.sha256s.includes(sha)));

    // The file comes back: found again, not imported twice.
    writeFileSync(path.join(src.path, 'back.mp4'), readFileSync(clip('a.mp4')));
    await waitFor('the take to be found again', () => asset(sha)?.missing === 0);
    await settled();
    expect(renders()).toBe(1);
  });

  it('copy mode: a rename keeps one take and updates where it was found; moving a file in from outside imports it once', async () => {
    await watchFolder();
    const a = path.join(src.path, 'a.mp4');
    writeFileSync(a, readFileSync(clip('a.mp4')));
    await waitFor('the take', () => renders() === 1);
    const sha = sha256(a);
    const b = path.join(src.path, 'b.mp4');
    renameSync(a, b);
    await waitFor('the new place', () => currentPlaces(sha).join() === b);
    // From outside the folder (same disk): a rename into it.
    renameSync(clip('outside.mp4', 7), path.join(src.path, 'outside.mp4'));
    await waitFor('the moved-in take', () => renders() === 2);
    await settled();
    expect(renders()).toBe(2);
    expect(asset(sha)).toMatchObject({ storage: 'store', missing: 0 });
  });

  it('records a duplicate as one asset with every place it was found', async () => {
    await watchFolder();
    const bytes = readFileSync(clip('a.mp4'));
    writeFileSync(path.join(src.path, 'one.mp4'), bytes);
    mkdirSync(path.join(src.path, 'copies'));
    writeFileSync(path.join(src.path, 'copies', 'two.mp4'), bytes);
    const sha = createHash('sha256').update(bytes).digest('hex');
    await waitFor('both places', () => currentPlaces(sha).length === 2);
    await settled();
    expect(renders()).toBe(1);
    expect(count('SELECT count(*) FROM assets')).toBe(1);
  });

  it('handles unicode, very long and case-only-different names', async () => {
    await watchFolder();
    const names = [
      'café – 東京 🎬 take.mp4',
      'cafe\u0301 decomposed.mp4',
      `${'very_long_name_'.repeat(15)}end.mp4`, // 233 bytes, near the 255-byte limit
      'Take.mp4',
      'take.mp4',
    ];
    names.forEach((n, i) => writeFileSync(path.join(src.path, n), readFileSync(clip(`n${i}.mp4`, i))));
    await waitFor('five takes', () => renders() === 5);
    await settled();
    expect(titles().sort()).toEqual([...names].sort());
    for (const n of names) expect(count('SELECT count(*) FROM asset_locations WHERE path = ?', path.join(src.path, n))).toBe(1);
  });

  it('follows symlinked files but never enters symlinked folders', async () => {
    const elsewhere = path.join(gen.path, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, 'inside-linked-folder.mp4'), readFileSync(clip('x.mp4', 3)));
    symlinkSync(elsewhere, path.join(src.path, 'linked-folder'));
    symlinkSync(clip('target.mp4', 4), path.join(src.path, 'link.mp4'));
    symlinkSync(path.join(gen.path, 'nowhere.mp4'), path.join(src.path, 'dangling.mp4'));
    await watchFolder();
    await waitFor('the linked file', () => renders() === 1);
    await settled();
    expect(titles()).toEqual(['link.mp4']);
  });
});

describe('watched folders: settings, restarts and scale', () => {
  it('imports what is already in the folder in the background with progress, and a restart re-imports nothing', { timeout: 180_000 }, async () => {
    const N = 60;
    const base = readFileSync(makeAudio(path.join(gen.path, 'base.wav'), 0.2));
    for (let i = 0; i < N; i++) {
      const b = Buffer.from(base);
      b.writeUInt16LE(i, b.length - 2);
      writeFileSync(path.join(src.path, `pre_${i}.wav`), b);
    }
    await core.dispatch('watch.add', { path: src.path });
    await waitFor('all present files', () => count('SELECT count(*) FROM refs') === N, { timeoutMs: 150_000 });
    await waitFor('status watching', async () => ((await core.dispatch('watch.list', {})) as WatchFolder[])[0]?.status === 'watching');
    const scans = events.flatMap((e) => (e.type === 'watch.status' && e.folder.scan ? [e.folder.scan] : []));
    expect(scans.length).toBeGreaterThan(0);
    expect(Math.max(...scans.map((s) => s.total))).toBe(N);

    await core.close();
    open();
    await waitFor('the restored watcher', async () => ((await core.dispatch('watch.list', {})) as WatchFolder[])[0]?.status === 'watching');
    await settled();
    expect(events.filter((e) => e.type === 'watch.arrived')).toEqual([]);
    expect(count('SELECT count(*) FROM refs')).toBe(N);
    expect(((await core.dispatch('watch.list', {})) as WatchFolder[])[0]).toMatchObject({ filesSeen: N, mode: 'copy', recursive: true });
  });

  it('pauses and resumes: files added while paused arrive on resume; patterns and recursion are obeyed', async () => {
    const folder = await watchFolder({ include: ['*.mp4'], exclude: ['drafts/**'], recursive: true });
    await core.dispatch('watch.update', { id: folder.id, paused: true });
    writeFileSync(path.join(src.path, 'while-paused.mp4'), readFileSync(clip('p.mp4', 2)));
    mkdirSync(path.join(src.path, 'drafts'));
    writeFileSync(path.join(src.path, 'drafts', 'draft.mp4'), readFileSync(clip('d.mp4', 3)));
    writeFileSync(path.join(src.path, 'still.wav'), readFileSync(makeAudio(path.join(gen.path, 's.wav'))));
    await pause(STABILITY_MS * 3);
    expect(renders()).toBe(0);
    expect(((await core.dispatch('watch.list', {})) as WatchFolder[])[0]).toMatchObject({ paused: true, status: 'paused' });

    await core.dispatch('watch.update', { id: folder.id, paused: false });
    await waitFor('the file added while paused', () => renders() === 1);
    await settled();
    expect(titles()).toEqual(['while-paused.mp4']);
    expect(count('SELECT count(*) FROM refs')).toBe(0);
  });

  it("files join the folder's project; without subfolders, files in subfolders are left alone", async () => {
    const project = (await core.dispatch('projects.create', { name: 'Alley spot' })) as { id: number };
    await watchFolder({ projectId: project.id, recursive: false });
    writeFileSync(path.join(src.path, 'top.mp4'), readFileSync(clip('t.mp4', 4)));
    mkdirSync(path.join(src.path, 'nested'));
    writeFileSync(path.join(src.path, 'nested', 'deep.mp4'), readFileSync(clip('n.mp4', 5)));
    await waitFor('the clip at the top of the folder', () => renders() === 1);
    await settled();
    expect(titles()).toEqual(['top.mp4']);
    expect(count('SELECT count(*) FROM renders WHERE project_id = ?', project.id)).toBe(1);
    expect(((await core.dispatch('watch.list', {})) as WatchFolder[])[0]).toMatchObject({ filesSeen: 1, recursive: false, projectId: project.id });
  });

  it('refuses folders it cannot watch with a clear reason', async () => {
    const reason = async (input: unknown) => {
      try {
        await core.dispatch('watch.add', input);
        return 'accepted';
      } catch (err) {
        return (err as Error).message;
      }
    };
    expect(await reason({ path: 'relative/folder' })).toMatch(/full path/);
    expect(await reason({ path: path.join(src.path, 'nope') })).toMatch(/no longer exists|cannot be watched/);
    expect(await reason({ path: lib.path })).toMatch(/inside the library/);
    expect(await reason({ path: src.path, mode: 'move' })).toMatch(/mode/);
    await watchFolder();
    expect(await reason({ path: src.path })).toMatch(/already watched/);
  });
});

describe('reference-in-place files: serving and relinking', () => {
  it('serves an in-place file by its hash with Range, and relinks it (and the rest of its folder) with Locate…', async () => {
    const shoot = path.join(src.path, 'shoot');
    mkdirSync(shoot);
    for (const [i, n] of ['one.mp4', 'two.mp4', 'three.mp4'].entries()) writeFileSync(path.join(shoot, n), readFileSync(clip(n, i)));
    await watchFolder({ mode: 'in_place' });
    await waitFor('three takes', () => renders() === 3);
    const one = sha256(path.join(shoot, 'one.mp4'));

    const host = await startServeHost({ core });
    try {
      const res = await fetch(`http://127.0.0.1:${host.port}/media/${one}.mp4`, { headers: { Authorization: `Bearer ${host.token}`, Range: 'bytes=0-9' } });
      expect(res.status).toBe(206);
      expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(path.join(shoot, 'one.mp4')).subarray(0, 10))).toBe(true);
      const other = await fetch(`http://127.0.0.1:${host.port}/media/${'0'.repeat(64)}.mp4`, { headers: { Authorization: `Bearer ${host.token}` } });
      expect(other.status).toBe(404);
    } finally {
      await host.close();
    }

    // The folder is moved away (out of the watched folder) and renamed.
    await core.dispatch('watch.update', { id: 1, paused: true });
    const moved = path.join(gen.path, 'shoot-moved');
    renameSync(shoot, moved);
    await core.dispatch('watch.update', { id: 1, paused: false });
    await waitFor('three missing', async () => ((await core.dispatch('assets.missing', {})) as { sha256s: string[] }).sha256s.length === 3);
    renameSync(path.join(moved, 'three.mp4'), path.join(moved, 'three-renamed.mp4'));

    await expect(core.dispatch('assets.locate', { sha256: one, path: path.join(moved, 'two.mp4') })).rejects.toThrow(/content differs/);
    const first = (await core.dispatch('assets.locate', { sha256: one, path: path.join(moved, 'one.mp4') })) as { othersMissingInFolder: number };
    expect(first.othersMissingInFolder).toBe(2);
    // The UI's confirm of "relink the rest of its folder?": the same file again, with relinkFolder.
    const progress: unknown[] = [];
    const off = core.onEvent((e) => e.type === 'assets.relinkProgress' && progress.push(e));
    const rest = (await core.dispatch('assets.locate', { sha256: one, path: path.join(moved, 'one.mp4'), relinkFolder: true })) as {
      relinked: { path: string }[]; othersMissingInFolder: number;
    };
    off();
    expect(rest.relinked.map((r) => path.basename(r.path))).toEqual(['two.mp4', 'three-renamed.mp4']);
    // Its progress bar: the two missing names checked (two.mp4 found), then the new folder's three
    // files looked through for the renamed one; the last word of each phase is always sent.
    const base = { type: 'assets.relinkProgress', sha256: one };
    expect(progress[0]).toEqual({ ...base, phase: 'by-name', done: 0, total: 2, relinked: 0 });
    expect(progress).toContainEqual({ ...base, phase: 'by-name', done: 2, total: 2, relinked: 1 });
    expect(progress.at(-1)).toEqual({ ...base, phase: 'by-content', done: 3, total: 3, relinked: 2 });
    expect(rest.othersMissingInFolder).toBe(0);
    expect(((await core.dispatch('assets.missing', {})) as { sha256s: string[] }).sha256s).toEqual([]);
    expect(renders()).toBe(3);
  });
});
