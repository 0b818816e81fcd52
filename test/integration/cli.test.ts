// The `dailies` command as a pipeline runs it: a real child process, its exit code, its JSON on
// stdout, and the library lock shared with a running app.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../main/core.js';
import { openTestCore } from '../helpers/core.js';
import { buildSampleProject } from '../helpers/bundle-library.js';
import { makeClip } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';
import { rewriteZip } from '../helpers/zip-surgery.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(root, 'main', 'cli', 'dailies.ts');
const TSX = path.join(root, 'node_modules', '.bin', 'tsx');

function dailies(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return new Promise((resolve) => {
    execFile(TSX, [CLI, ...args], { cwd: root, env: { ...process.env, DAILIES_LIBRARY: '' }, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      let json: unknown = null;
      try {
        json = JSON.parse(stdout);
      } catch {
        // not --json output
      }
      resolve({ code, stdout, stderr, json });
    });
  });
}

let work: ReturnType<typeof tempDir>;
let libA: string;
let libB: string;
beforeAll(async () => {
  work = tempDir('dailies-cli-');
  libA = path.join(work.path, 'lib-a');
  libB = path.join(work.path, 'lib-b');
  const core = openTestCore(libA);
  try {
    await buildSampleProject(core, path.join(work.path, 'src'));
  } finally {
    await core.close();
  }
});
afterAll(() => work.cleanup());

const out = (name: string) => path.join(work.path, 'out', name);

// Each call starts a TypeScript process (tsx), several seconds on a loaded 2-core machine.
describe('dailies command line', { timeout: 240_000 }, () => {
  it('prints help with exit 0, and usage errors with exit 2', async () => {
    const help = await dailies('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('dailies bundle export');
    expect(help.stdout).toContain('Exit codes');
    const none = await dailies('bundle', 'export', '--library', libA, '--json');
    expect(none.code).toBe(2);
    expect(none.json).toMatchObject({ ok: false, error: { code: 'usage' } });
    const unknown = await dailies('frobnicate', '--library', libA);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
  });

  it('exports a bundle by project name, imports it (refused while the app holds the library), and re-imports as a no-op', async () => {
    const exp = await dailies('bundle', 'export', '--library', libA, '--project', 'fox spot', '--out', out('fox.dailies'), '--json');
    expect(exp.code, exp.stderr + exp.stdout).toBe(0);
    expect(exp.json).toMatchObject({ ok: true, renders: 3, files: 4, projects: 1 });
    expect(existsSync(out('fox.dailies'))).toBe(true);

    // A running app holds library B: the CLI must not write into it.
    const app: Core = openTestCore(libB);
    try {
      const locked = await dailies('bundle', 'import', out('fox.dailies'), '--library', libB, '--json');
      expect(locked.code).toBe(3);
      expect(locked.json.error.code).toBe('library_locked');
      expect(app.db.prepare('SELECT count(*) FROM renders').pluck().get()).toBe(0);
      // Reading commands work alongside the app.
      const handoff = await dailies('handoff', 'csv', '--library', libA, '--project', 'Fox spot', '--out', out('while-open.csv'), '--json');
      expect(handoff.code).toBe(0);
    } finally {
      await app.close();
    }

    const dry = await dailies('bundle', 'import', out('fox.dailies'), '--library', libB, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(dry.json.plan.counts.renders.added).toBe(3);
    // Told as it goes: the copy, then the three takes' hover-scrub strips, before it returns.
    const imp = await dailies('bundle', 'import', out('fox.dailies'), '--library', libB);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toContain('Takes: 3 new, 0 already here');
    expect(imp.stdout).not.toContain('conflict');
    expect(imp.stderr.trim().split('\n').filter((l) => l.startsWith('previews:')).at(-1)).toBe('previews: 3/3');
    const again = await dailies('bundle', 'import', out('fox.dailies'), '--library', libB, '--json');
    expect(again.code).toBe(0);
    expect(again.json.plan.counts.renders).toMatchObject({ added: 0, unchanged: 3, conflicts: 0 });
    expect(again.json.previewFailures).toEqual([]);

    const check = openTestCore(libB);
    try {
      expect(check.db.prepare('SELECT count(*) FROM renders').pluck().get()).toBe(3);
      expect(check.db.prepare("SELECT count(*) FROM assets WHERE kind = 'video' AND sprite_frames > 0").pluck().get()).toBe(3);
    } finally {
      await check.close();
    }
  });

  it('refuses a bad bundle with exit 1 and names the entry in its JSON error', async () => {
    await dailies('bundle', 'export', '--library', libA, '--project', 'Fox spot', '--out', out('base.dailies'), '--quiet');
    const evil = out('evil.dailies');
    await rewriteZip(out('base.dailies'), evil, (items) => [...items, { name: 'media/../../escape.sh', data: Buffer.from('x') }]);
    const res = await dailies('bundle', 'import', evil, '--library', path.join(work.path, 'lib-c'), '--json');
    expect(res.code).toBe(1);
    expect(res.json.error).toMatchObject({ code: 'unsafe_entry', entry: 'media/../../escape.sh' });
    expect(res.json.error.message).toContain('"media/../../escape.sh"');
  });

  it('writes an EDL hand-off and imports a folder', async () => {
    const edl = await dailies('handoff', 'edl', '--library', libA, '--project', 'Fox spot', '--out', out('fox.edl'), '--json');
    expect(edl.code).toBe(0);
    expect(edl.json).toMatchObject({ ok: true, format: 'edl', clips: 2, totalCostCredits: 105 });
    expect(readFileSync(out('fox.edl'), 'utf8')).toMatch(/^001  TAKE_A/m);

    const folder = path.join(work.path, 'incoming');
    makeClip(path.join(folder, 'new_take.mp4'), { seconds: 1 });
    const imp = await dailies('import', folder, '--library', path.join(work.path, 'lib-d'), '--json');
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.json).toMatchObject({ ok: true, imported: 1, failed: 0, previewFailures: [] });
    // Without --json the strips' count is told on stderr as they are made, ending at all of them.
    makeClip(path.join(folder, 'newer_take.mp4'), { seconds: 1, width: 160, height: 120 });
    const told = await dailies('import', folder, '--library', path.join(work.path, 'lib-d'));
    expect(told.code, told.stderr).toBe(0);
    expect(told.stderr.trim().split('\n').filter((l) => l.startsWith('previews:')).at(-1)).toBe('previews: 1/1');
  });
});
