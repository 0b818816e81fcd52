// "Import a folder…" end to end in the core: real files, real ffmpeg/ffprobe, a real catalogue.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import { importFile } from '../../main/import/import-file.js';
import { mediaPath, thumbPath } from '../../main/store/layout.js';
import type { RenderDetail } from '../../shared/domain.js';
import type { RendersPage } from '../../shared/contract.js';
import { importFolder, openTestCore } from '../helpers/core.js';
import { makeAudio, makeClip, makeImage, tools } from '../helpers/media.js';
import { waitFor } from '../helpers/wait.js';
import { tempDir } from '../helpers/temp.js';

let lib: ReturnType<typeof tempDir>;
let src: ReturnType<typeof tempDir>;
let gen: ReturnType<typeof tempDir>;
let core: Core;

beforeEach(() => {
  lib = tempDir('dailies-lib-');
  src = tempDir('dailies-src-');
  gen = tempDir('dailies-gen-');
  core = openTestCore(lib.path);
});
afterEach(async () => {
  await core.close();
  lib.cleanup();
  src.cleanup();
  gen.cleanup();
});

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const page = async () => (await core.dispatch('renders.page', {})) as RendersPage;
const tableCounts = () =>
  core.db.prepare('SELECT (SELECT count(*) FROM assets) a, (SELECT count(*) FROM renders) r, (SELECT count(*) FROM refs) f').get();

describe('importing a folder', () => {
  it('imports videos as renders and images and audio as references, with probe data and thumbnails', async () => {
    const clip = makeClip(path.join(src.path, 'golden_hour_take1.mp4'), { width: 320, height: 240, fps: 24, seconds: 2 });
    makeClip(path.join(src.path, 'nested', 'deeper', 'wide.mp4'), { width: 426, height: 240, fps: 30, seconds: 1 });
    makeImage(path.join(src.path, 'hero_ref.png'), 1280, 720);
    makeAudio(path.join(src.path, 'line.wav'));

    const { summary, events } = await importFolder(core, src.path);
    expect(summary).toMatchObject({ total: 4, imported: 4, duplicates: 0, failed: 0, ignored: 0 });
    expect(summary.files.map((f) => [path.basename(f.path), f.status, f.kind])).toEqual([
      ['golden_hour_take1.mp4', 'imported', 'video'],
      ['hero_ref.png', 'imported', 'image'],
      ['line.wav', 'imported', 'audio'],
      ['wide.mp4', 'imported', 'video'],
    ]);
    // Progress was reported, ending at 4 of 4.
    const progress = events.filter((e) => e.type === 'import.progress');
    expect(progress.at(-1)).toMatchObject({ total: 4, done: 4, imported: 4 });
    expect(events.some((e) => e.type === 'catalogue.changed' && e.entity === 'renders')).toBe(true);

    const grid = await page();
    expect(grid.items.map((r) => r.title).sort()).toEqual(['golden_hour_take1.mp4', 'wide.mp4']);
    const card = grid.items.find((r) => r.title === 'golden_hour_take1.mp4')!;
    const detail = (await core.dispatch('renders.get', { id: card.id })) as RenderDetail;
    expect(detail).toMatchObject({ durationMs: 2000, width: 320, height: 240, source: 'import', origin: clip });
    expect(detail.asset).toMatchObject({ fps: 24, videoCodec: 'h264', size: statSync(clip).size, sha256: sha256(clip), hasPoster: true, spriteFrames: 10 });

    // The stored file is the same bytes, named by its own hash; poster and sprite are real JPEGs.
    const stored = mediaPath(core.layout, detail.sha256, 'mp4');
    expect(sha256(stored)).toBe(detail.sha256);
    for (const kind of ['poster', 'sprite'] as const) {
      const jpeg = readFileSync(thumbPath(core.layout, detail.sha256, kind));
      expect(jpeg.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    }
    // Nothing is left half-written in the library's temp folder.
    expect(readdirSync(core.layout.tmp)).toEqual([]);

    const refs = (await core.dispatch('references.page', {})) as { items: { title: string; kind: string; role: string | null; width: number | null }[] };
    expect(refs.items.map((r) => [r.title, r.kind, r.role, r.width]).sort()).toEqual([
      ['hero_ref.png', 'image', null, 1280],
      ['line.wav', 'audio', 'audio', null],
    ]);
  });

  it('imports a file once however often it is seen, recording each place it came from', async () => {
    makeClip(path.join(src.path, 'a.mp4'));
    copyFileSync(path.join(src.path, 'a.mp4'), path.join(src.path, 'copy of a.mp4'));
    const first = await importFolder(core, src.path);
    expect(first.summary).toMatchObject({ imported: 1, duplicates: 1 });
    const again = await importFolder(core, src.path);
    expect(again.summary).toMatchObject({ imported: 0, duplicates: 2, failed: 0 });
    const [renderId] = first.summary.files.filter((f) => f.status === 'imported').map((f) => f.renderId);
    expect(again.summary.files.every((f) => f.renderId === renderId)).toBe(true);
    expect((await page()).items).toHaveLength(1);
    expect(core.db.prepare('SELECT count(*) FROM asset_locations').pluck().get()).toBe(2);
  });

  it('reports each bad file on its own line and imports the rest', async () => {
    makeClip(path.join(src.path, 'good.mp4'));
    writeFileSync(path.join(src.path, 'empty.mp4'), '');
    writeFileSync(path.join(src.path, 'noise.mp4'), Buffer.alloc(20_000, 7));
    writeFileSync(path.join(src.path, 'readme.txt'), 'not media');
    const whole = readFileSync(path.join(src.path, 'good.mp4'));
    writeFileSync(path.join(src.path, 'truncated.mp4'), whole.subarray(0, Math.floor(whole.length / 3)));
    symlinkSync(path.join(src.path, 'gone.mp4'), path.join(src.path, 'dangling.mp4'));

    const { summary } = await importFolder(core, src.path);
    const line = (name: string) => summary.files.find((f) => path.basename(f.path) === name);
    expect(summary).toMatchObject({ imported: 1, failed: 3, ignored: 1 });
    expect(line('good.mp4')?.status).toBe('imported');
    expect(line('empty.mp4')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/empty \(0 bytes\)/) });
    expect(line('noise.mp4')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/Not a readable video/) });
    expect(line('truncated.mp4')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/readable video|damaged/) });
    expect(line('readme.txt')).toMatchObject({ status: 'ignored', reason: expect.stringMatching(/\(\.txt\)/) });
    // A link to nothing is not a file and is not listed (symlinked files are followed; see walk.ts).
    expect(line('dangling.mp4')).toBeUndefined();
    expect(tableCounts()).toEqual({ a: 1, r: 1, f: 0 });
    expect(readdirSync(core.layout.tmp)).toEqual([]);
  });

  it('refuses a file whose header reads but whose pictures do not decode, on its summary line, leaving nothing behind', async () => {
    // Header (moov) first and intact, picture data destroyed: the in-process probe reads it
    // happily, so only the poster step can tell. It must not end up in the library.
    const good = makeClip(path.join(src.path, 'good.mp4'));
    const fast = path.join(src.path, 'faststart-src.mp4');
    execFileSync(tools.ffmpeg, ['-v', 'error', '-y', '-i', good, '-c', 'copy', '-movflags', '+faststart', fast]);
    const bytes = readFileSync(fast);
    rmSync(fast);
    const mdat = bytes.indexOf('mdat', 0, 'latin1') - 4;
    expect(mdat).toBeGreaterThan(bytes.indexOf('moov', 0, 'latin1')); // moov before the data
    const zeroed = Buffer.from(bytes);
    zeroed.fill(0, mdat + 8, mdat + zeroed.readUInt32BE(mdat));
    writeFileSync(path.join(src.path, 'zeroed.mp4'), zeroed);
    const stillBytes = readFileSync(makeImage(path.join(gen.path, 'still.png'), 320, 180));
    writeFileSync(path.join(src.path, 'cut.png'), stillBytes.subarray(0, Math.floor(stillBytes.length / 4)));

    const { summary, events } = await importFolder(core, src.path);
    const line = (name: string) => summary.files.find((f) => path.basename(f.path) === name);
    expect(summary).toMatchObject({ imported: 1, failed: 2 });
    expect(line('good.mp4')?.status).toBe('imported');
    expect(line('zeroed.mp4')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^Could not decode a frame .*damaged\.$/) });
    expect(line('cut.png')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/damaged|Not an image/) });
    // Nothing of them remains: no rows, no stored file, no poster; the good one has its poster.
    expect(tableCounts()).toEqual({ a: 1, r: 1, f: 0 });
    const stored = readdirSync(core.layout.media, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(stored.map((d) => d.name)).toEqual([`${sha256(good)}.mp4`]);
    expect(existsSync(thumbPath(core.layout, sha256(path.join(src.path, 'zeroed.mp4')), 'poster'))).toBe(false);
    expect(core.db.prepare('SELECT has_poster FROM assets').pluck().all()).toEqual([1]);
    // Progress never counted them as imported, not even for a moment.
    const counted = events.flatMap((e) => (e.type === 'import.progress' ? [e.imported] : []));
    expect(Math.max(...counted)).toBe(1);
  });

  it('checks at the next start what a closed library had catalogued but not yet decoded', async () => {
    const good = makeClip(path.join(src.path, 'good.mp4'));
    const broken = Buffer.from(readFileSync(good));
    const mdat = broken.indexOf('mdat', 0, 'latin1') - 4;
    broken.fill(0, mdat + 8, mdat + broken.readUInt32BE(mdat));
    // moov at the end here (ffmpeg's default); still read in-process, data zeroed.
    writeFileSync(path.join(src.path, 'broken.mp4'), broken);
    const ctx = { db: core.db, layout: core.layout, tools: core.tools, pool: core.pool };
    for (const f of ['good.mp4', 'broken.mp4']) {
      const out = await importFile(ctx, path.join(src.path, f));
      expect(out).toMatchObject({ status: 'imported', check: { sha256: expect.any(String) } });
    }
    expect(tableCounts()).toEqual({ a: 2, r: 2, f: 0 });
    await core.close(); // before any poster was made
    core = openTestCore(lib.path);
    // The check takes the broken clip's rows out first, then its stored file (an orphan file is
    // harmless; a row without its file is not), so the check has finished when both are gone.
    const brokenCopy = mediaPath(core.layout, sha256(path.join(src.path, 'broken.mp4')), 'mp4');
    await waitFor('the start-up check to finish', () =>
      core.db.prepare('SELECT count(*) FROM assets WHERE has_poster = 0').pluck().get() === 0 && !existsSync(brokenCopy));
    expect(tableCounts()).toEqual({ a: 1, r: 1, f: 0 });
    expect(core.db.prepare('SELECT sha256 FROM assets').pluck().all()).toEqual([sha256(good)]);
  });

  it('lists an import still running, with its counts and no file lines, for a window that opens mid-import', async () => {
    makeClip(path.join(src.path, 'a.mp4'), { seconds: 1 });
    makeClip(path.join(src.path, 'b.mp4'), { seconds: 1, width: 160, height: 120 });
    const { importId } = (await core.dispatch('import.folder', { path: src.path })) as { importId: string };
    // Asked before the import could have finished (it reads the disk; this answers at once).
    expect(await core.dispatch('import.running', {})).toEqual([
      { importId, folder: src.path, total: 0, imported: 0, duplicates: 0, failed: 0, ignored: 0 },
    ]);
    await core.imports.idle();
    expect(await core.dispatch('import.running', {})).toEqual([]);
    expect((await core.dispatch('import.get', { importId })) as { imported: number }).toMatchObject({ imported: 2 });
  });

  it('says so when the folder does not exist, and changes nothing', async () => {
    const before = tableCounts();
    const { summary } = await importFolder(core, path.join(src.path, 'no-such-folder'));
    expect(summary.error).toMatch(/no longer exists/);
    expect(summary.files).toEqual([]);
    expect(tableCounts()).toEqual(before);
  });

  it('reports a file that vanishes before it is read, without touching the library', async () => {
    const before = tableCounts();
    const outcome = await importFile({ db: core.db, layout: core.layout, tools: core.tools, pool: core.pool }, path.join(src.path, 'vanished.mp4'));
    expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringMatching(/no longer exists/) });
    expect(tableCounts()).toEqual(before);
  });

  // Root ignores file permissions, so an unreadable folder cannot be made when tests run as root.
  it.skipIf(process.getuid?.() === 0)('lists an unreadable subfolder as failed and imports the rest', async () => {
    const { chmodSync, mkdirSync } = await import('node:fs');
    makeClip(path.join(src.path, 'ok.mp4'));
    mkdirSync(path.join(src.path, 'locked'));
    makeClip(path.join(src.path, 'locked', 'hidden.mp4'));
    chmodSync(path.join(src.path, 'locked'), 0o000);
    try {
      const { summary } = await importFolder(core, src.path);
      expect(summary.imported).toBe(1);
      expect(summary.files.find((f) => f.path.endsWith('locked'))).toMatchObject({ status: 'failed', reason: expect.stringMatching(/Permission denied/) });
    } finally {
      chmodSync(path.join(src.path, 'locked'), 0o755);
    }
  });

  it('keeps the media store content-addressed: no temp name ever becomes a final name', async () => {
    makeClip(path.join(src.path, 'x.mp4'));
    await importFolder(core, src.path);
    const stored = readdirSync(core.layout.media, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(stored).toHaveLength(1);
    expect(stored[0]!.name).toMatch(/^[0-9a-f]{64}\.mp4$/);
    expect(existsSync(path.join(core.layout.media, stored[0]!.name.slice(0, 2), stored[0]!.name.slice(2, 4), stored[0]!.name))).toBe(true);
  });
});
