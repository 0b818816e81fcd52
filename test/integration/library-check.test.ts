// What a stopped run leaves behind, and `dailies check`: the app tidies tmp/ when it opens a
// library (keeping a partial download that will resume), and the check finds a stored take whose
// file went missing or was cut short, files no row names, and work files; --fix removes only the
// latter two, and importing the same file again puts a lost stored file back.
import { mkdirSync, readdirSync, statSync, truncateSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, EXIT } from '../../main/cli/dailies.js';
import { insertJob } from '../../main/catalogue/jobs.js';
import { mediaPath, thumbPath, libraryLayout } from '../../main/store/layout.js';
import { GenerationSpec } from '../../shared/generation.js';
import type { Core } from '../../main/core.js';
import { importFolder, openTestCore } from '../helpers/core.js';
import { addPrompt } from '../helpers/catalogue.js';
import { textToVideo } from '../helpers/jobs.js';
import { makeClip } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';

let work: ReturnType<typeof tempDir>;
let lib: string;
let clips: string;
beforeEach(() => {
  work = tempDir('dailies-check-');
  lib = path.join(work.path, 'lib');
  clips = path.join(work.path, 'clips');
  mkdirSync(clips);
  makeClip(path.join(clips, 'harbour.mp4'), { seconds: 1, source: 'testsrc2' });
  makeClip(path.join(clips, 'market.mp4'), { seconds: 1, source: 'smptebars' });
});
afterEach(() => work.cleanup());

async function withCore<T>(use: (core: Core) => Promise<T> | T): Promise<T> {
  const core = openTestCore(lib);
  try {
    return await use(core);
  } finally {
    await core.close();
  }
}

async function check(...args: string[]): Promise<{ code: number; report: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  let out = '';
  const code = await runCli(['check', '--library', lib, '--json', ...args], { out: (s) => { out += s; }, err: () => {} });
  return { code, report: JSON.parse(out) };
}

const stored = (core: Core) =>
  core.db.prepare(`SELECT a.sha256, a.ext, a.size, r.title FROM assets a JOIN renders r ON r.asset_id = a.id ORDER BY r.title`).all() as
    { sha256: string; ext: string; size: number; title: string }[];

/** A job stopped at `state`, as a quit mid-generation leaves it. */
function stoppedJob(core: Core, state: string): string {
  core.db.prepare(`INSERT OR IGNORE INTO provider_accounts (id, provider, label, base_url, created_at) VALUES ('studio', 'kling', 'Studio', 'http://127.0.0.1:9', 0)`).run();
  const id = insertJob(core.db, {
    accountId: 'studio', provider: 'kling', spec: GenerationSpec.parse(textToVideo()), promptId: addPrompt(core.db, `a prompt ${state}`), estimate: 1,
  });
  core.db.prepare('UPDATE jobs SET state = ? WHERE id = ?').run(state, id);
  return core.db.prepare('SELECT uid FROM jobs WHERE id = ?').pluck().get(id) as string;
}

describe('what a stopped run leaves behind', () => {
  it('opening the library removes work files from tmp/ but keeps the partial download of a job that has not ended', async () => {
    const { resuming, ended, renders } = await withCore(async (core) => {
      await importFolder(core, clips);
      return { resuming: stoppedJob(core, 'downloading'), ended: stoppedJob(core, 'cancelled'), renders: stored(core) };
    });
    const tmp = libraryLayout(lib).tmp;
    writeFileSync(path.join(tmp, 'a1b2c3d4e5f6a1b2c3d4e5f6.mp4'), Buffer.alloc(4096)); // staged, never committed
    mkdirSync(path.join(tmp, 'bundle-0123456789abcdef'));
    writeFileSync(path.join(tmp, 'bundle-0123456789abcdef', 'take.mp4'), Buffer.alloc(2048));
    writeFileSync(path.join(tmp, `job-${resuming}.part`), Buffer.alloc(1000));
    writeFileSync(path.join(tmp, `job-${ended}.part`), Buffer.alloc(1000));
    writeFileSync(path.join(tmp, 'job-nobody.part'), Buffer.alloc(10));

    await withCore((core) => {
      expect(readdirSync(tmp)).toEqual([`job-${resuming}.part`]);
      expect(statSync(path.join(tmp, `job-${resuming}.part`)).size).toBe(1000);
      expect(stored(core)).toEqual(renders);
    });
  });
});

describe('dailies check', () => {
  it('passes on a library in order, and is refused while the app has it open', async () => {
    await withCore((core) => importFolder(core, clips));
    const ok = await check();
    expect(ok.code).toBe(EXIT.ok);
    expect(ok.report).toMatchObject({ ok: true, catalogue: 'ok', storedFiles: 2, damaged: [], strays: [], leftovers: [], unknown: [], removed: null });

    await withCore(async () => {
      expect((await check()).code).toBe(EXIT.locked);
    });
  });

  it('names a stored take whose file is missing or cut short, and --fix removes only strays and work files', async () => {
    const takes = await withCore(async (core) => {
      await importFolder(core, clips);
      return stored(core);
    });
    const layout = libraryLayout(lib);
    const [harbour, market] = takes as [typeof takes[0], typeof takes[0]];
    unlinkSync(mediaPath(layout, harbour.sha256, harbour.ext));
    truncateSync(mediaPath(layout, market.sha256, market.ext), 100);
    // A save cancelled between its rename and its row, a poster of a take taken out, a work file,
    // and a file Dailies never writes.
    const straySha = 'f'.repeat(64);
    const strayMedia = mediaPath(layout, straySha, 'mp4');
    mkdirSync(path.dirname(strayMedia), { recursive: true });
    writeFileSync(strayMedia, Buffer.alloc(5000));
    const strayPoster = thumbPath(layout, 'e'.repeat(64), 'poster');
    mkdirSync(path.dirname(strayPoster), { recursive: true });
    writeFileSync(strayPoster, Buffer.alloc(300));
    writeFileSync(path.join(layout.tmp, 'frame-0011223344556677.png'), Buffer.alloc(700));
    const notOurs = path.join(layout.media, 'notes.txt');
    writeFileSync(notOurs, 'the editor left this here');

    const found = await check();
    expect(found.code).toBe(EXIT.failed);
    expect(found.report.ok).toBe(false);
    expect(found.report.storedFiles).toBe(2);
    expect(found.report.damaged).toEqual([
      { sha256: harbour.sha256, name: 'harbour.mp4', expectedBytes: harbour.size, actualBytes: null },
      { sha256: market.sha256, name: 'market.mp4', expectedBytes: market.size, actualBytes: 100 },
    ]);
    expect(found.report.strays.map((s: { path: string }) => s.path).sort()).toEqual([strayMedia, strayPoster].sort());
    expect(found.report.leftovers).toEqual([{ path: path.join(layout.tmp, 'frame-0011223344556677.png'), bytes: 700 }]);
    expect(found.report.unknown).toEqual([notOurs]);
    expect(existsSync(strayMedia)).toBe(true); // the check alone changes nothing

    const fixed = await check('--fix');
    expect(fixed.report.removed).toEqual({ files: 3, bytes: 6000 });
    expect(fixed.code).toBe(EXIT.failed); // the damaged takes are still damaged
    expect(existsSync(strayMedia) || existsSync(strayPoster)).toBe(false);
    expect(existsSync(notOurs)).toBe(true);

    // The same files imported again put the stored copies back.
    await withCore(async (core) => {
      const { summary } = await importFolder(core, clips);
      expect(summary).toMatchObject({ imported: 0, duplicates: 2, failed: 0 });
    });
    const whole = await check();
    expect(whole.code).toBe(EXIT.ok);
    expect(whole.report).toMatchObject({ ok: true, damaged: [], strays: [], leftovers: [], unknown: [notOurs] }); // told, never removed
    expect(statSync(mediaPath(layout, market.sha256, market.ext)).size).toBe(market.size);
  });
});
