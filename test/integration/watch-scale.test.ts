// Watched folders at scale and after time away: 10,000 files already in a folder when it is
// added (real chokidar on a temp folder, real clips), and a rescan that finds what changed
// while the watcher was off. What is checked is what a user sees: every file is one take, none
// twice, none missed; the scan's progress; moved files are the same take at their new path.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import type { WatchFolder } from '../../shared/channels/watch.js';
import type { CoreEvent } from '../../shared/events.js';
import { clipVariant, makeClip } from '../helpers/media.js';
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

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const count = (sql: string, ...args: unknown[]) => core.db.prepare(sql).pluck().get(...args) as number;
const folders = async () => (await core.dispatch('watch.list', {})) as WatchFolder[];

describe('watched folders at scale', () => {
  it('imports 10,000 files present at start each exactly once, none missed, reporting the scan as it goes', { timeout: 1_200_000 }, async () => {
    const N = 10_000;
    const base = readFileSync(makeClip(path.join(gen.path, 'base.mp4'), { width: 160, height: 90, fps: 12, seconds: 1 }));
    const shas = new Set<string>();
    for (let i = 0; i < N; i++) {
      // Spread over folders, as a render farm's output would be.
      const dir = path.join(src.path, `batch_${String(Math.floor(i / 1000)).padStart(2, '0')}`);
      if (i % 1000 === 0) mkdirSync(dir);
      const b = clipVariant(base, i);
      writeFileSync(path.join(dir, `shot_${String(i).padStart(5, '0')}.mp4`), b);
      shas.add(sha256(b));
    }
    expect(shas.size).toBe(N);

    await core.dispatch('watch.add', { path: src.path, mode: 'in_place' });
    await waitFor('the initial scan to finish', async () => (await folders())[0]?.status === 'watching', { timeoutMs: 1_100_000, everyMs: 1000 });

    // Every file is one take, at its own path, with its own content; nothing twice.
    expect(count('SELECT count(*) FROM renders')).toBe(N);
    expect(count('SELECT count(DISTINCT origin) FROM renders')).toBe(N);
    expect(count('SELECT count(*) FROM assets')).toBe(N);
    expect(count('SELECT count(*) FROM asset_locations')).toBe(N);
    const catalogued = new Set(core.db.prepare('SELECT sha256 FROM assets').pluck().all() as string[]);
    expect([...shas].filter((s) => !catalogued.has(s))).toEqual([]);
    expect((await folders())[0]).toMatchObject({ filesSeen: N, status: 'watching', lastError: null, scan: null });

    // The scan reported its progress on the way: all 10,000 found, done climbing to them.
    const scans = events.flatMap((e) => (e.type === 'watch.status' && e.folder.scan ? [e.folder.scan] : []));
    expect(Math.max(...scans.map((s) => s.total))).toBe(N);
    const midway = scans.filter((s) => s.total === N && s.done > 0 && s.done < N);
    expect(midway.length).toBeGreaterThan(0);
    const dones = scans.map((s) => s.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
  });
});

describe('rescan', () => {
  it('finds what was added, removed and moved while the watcher was off; moves are recognised by hash', { timeout: 300_000 }, async () => {
    const base = readFileSync(makeClip(path.join(gen.path, 'base.mp4'), { width: 160, height: 90, fps: 12, seconds: 1 }));
    const put = (rel: string, i: number) => {
      mkdirSync(path.dirname(path.join(src.path, rel)), { recursive: true });
      writeFileSync(path.join(src.path, rel), clipVariant(base, i));
      return sha256(clipVariant(base, i));
    };
    const [a, b, c, d] = [put('a.mp4', 1), put('b.mp4', 2), put('c.mp4', 3), put('sub/d.mp4', 4)];
    const folder = (await core.dispatch('watch.add', { path: src.path, mode: 'in_place' })) as WatchFolder;
    await waitFor('the four takes', () => count('SELECT count(*) FROM renders') === 4);
    await core.watch.idle();
    const renderOf = (sha: string) => core.db.prepare('SELECT r.id FROM renders r JOIN assets a ON a.id = r.asset_id WHERE a.sha256 = ?').pluck().get(sha) as number;
    const before = { a: renderOf(a), b: renderOf(b), c: renderOf(c), d: renderOf(d) };

    // The watcher goes off: Dailies closes, and the folder's disk is not there when it opens.
    await core.close();
    const away = `${src.path}-unplugged`;
    renameSync(src.path, away);
    open();
    await waitFor('the folder reported unavailable', async () => (await folders())[0]?.status === 'error');
    expect((await folders())[0]?.lastError).toMatch(/no longer exists/);
    // Meanwhile, on that disk: one added, one removed, one moved into a subfolder, one renamed.
    const e = sha256(clipVariant(base, 5));
    writeFileSync(path.join(away, 'e.mp4'), clipVariant(base, 5));
    rmSync(path.join(away, 'b.mp4'));
    renameSync(path.join(away, 'c.mp4'), path.join(away, 'sub', 'c-moved.mp4'));
    renameSync(path.join(away, 'sub', 'd.mp4'), path.join(away, 'd-renamed.mp4'));
    renameSync(away, src.path);
    await pause(STABILITY_MS);
    expect(count('SELECT count(*) FROM renders')).toBe(4); // nothing happened while it was off

    events.length = 0;
    await core.dispatch('watch.rescan', { id: folder.id });
    await waitFor('the rescan to finish', async () => (await folders())[0]?.status === 'watching');
    await core.watch.idle();
    await pause(STABILITY_MS * 2);
    await core.watch.idle();

    // Added: one new take. Moved and renamed: the same takes, at their new paths. Removed:
    // kept, marked missing. Untouched: as it was.
    expect(count('SELECT count(*) FROM renders')).toBe(5);
    expect(count('SELECT count(*) FROM assets')).toBe(5);
    expect({ a: renderOf(a), b: renderOf(b), c: renderOf(c), d: renderOf(d) }).toEqual(before);
    const asset = (sha: string) => core.db.prepare('SELECT external_path AS at, missing FROM assets WHERE sha256 = ?').get(sha);
    expect(asset(a)).toEqual({ at: path.join(src.path, 'a.mp4'), missing: 0 });
    expect(asset(b)).toEqual({ at: path.join(src.path, 'b.mp4'), missing: 1 });
    expect(asset(c)).toEqual({ at: path.join(src.path, 'sub', 'c-moved.mp4'), missing: 0 });
    expect(asset(d)).toEqual({ at: path.join(src.path, 'd-renamed.mp4'), missing: 0 });
    expect(asset(e)).toEqual({ at: path.join(src.path, 'e.mp4'), missing: 0 });
    const current = core.db.prepare('SELECT path FROM asset_locations WHERE gone_at IS NULL ORDER BY path').pluck().all();
    expect(current).toEqual(['a.mp4', 'd-renamed.mp4', 'e.mp4', 'sub/c-moved.mp4'].map((p) => path.join(src.path, p)));

    // What the arrivals notice said: one imported, two moved, nothing imported twice.
    const arrived = events.flatMap((ev) => (ev.type === 'watch.arrived' ? [ev] : []));
    const sum = (k: 'imported' | 'moved' | 'duplicates' | 'failed') => arrived.reduce((n, ev) => n + ev[k], 0);
    expect({ imported: sum('imported'), moved: sum('moved'), duplicates: sum('duplicates'), failed: sum('failed') })
      .toEqual({ imported: 1, moved: 2, duplicates: 0, failed: 0 });
    expect(events.some((ev) => ev.type === 'assets.missing' && ev.missing && ev.sha256s.includes(b))).toBe(true);
    const scans = events.flatMap((ev) => (ev.type === 'watch.status' && ev.folder.scan ? [ev.folder.scan] : []));
    expect(Math.max(...scans.map((s) => s.total))).toBe(4);

    // A second rescan finds nothing new.
    events.length = 0;
    await core.dispatch('watch.rescan', { id: folder.id });
    await waitFor('the second rescan', async () => (await folders())[0]?.status === 'watching');
    await core.watch.idle();
    await pause(STABILITY_MS * 2);
    expect(events.filter((ev) => ev.type === 'watch.arrived' || ev.type === 'catalogue.changed')).toEqual([]);
    expect(count('SELECT count(*) FROM renders')).toBe(5);
  });
});
