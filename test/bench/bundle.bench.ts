// npm run bench:bundle — exporting and importing a 2 GB project against `cp` of the same files.
//   cp:     `cp -r` of the library's media folder (the same bytes), timed in the same run
//   export: the project to one .dailies file (streamed zip64, every file re-hashed)
//   import: that bundle into an empty library (entry checks, sha256 of every file, staging,
//           posters, the catalogue transaction)
// Export and import each run in their own Node process (the built core, as the `dailies` command
// runs it) so their peak RSS is theirs alone. Targets: ≥ 80% of cp's throughput, peak RSS ≤ 200 MB.
// Speed is reported, not asserted. The clips (one real MP4 made distinct and large by an MP4
// `free` box of random bytes, so it still decodes and does not compress) and the source library
// are cached under .bench/ between runs. BENCH_BUNDLE_MB sets the size (default 2048).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { Core } from '../../main/core.js';
import { importFolder } from '../helpers/core.js';
import { makeClip } from '../helpers/media.js';

const TOTAL_MB = Number(process.env.BENCH_BUNDLE_MB ?? 2048);
const CLIP_MB = 100;
const root = path.resolve('.bench/bundle');
const clips = path.join(root, 'clips');
const sourceLib = path.join(root, 'library');
const work = path.join(root, 'run');

function ensureClips(n: number): void {
  mkdirSync(clips, { recursive: true });
  const base = path.join(root, 'base.mp4');
  if (!existsSync(base)) makeClip(base, { width: 320, height: 180, fps: 24, seconds: 2 });
  const head = readFileSync(base);
  for (let i = 0; i < n; i++) {
    const file = path.join(clips, `take_${String(i).padStart(3, '0')}.mp4`);
    if (existsSync(file)) continue;
    const fd = openSync(`${file}.tmp`, 'w');
    writeSync(fd, head);
    const payload = CLIP_MB * 1024 * 1024 - head.length;
    const box = Buffer.alloc(8);
    box.writeUInt32BE(payload, 0);
    box.write('free', 4, 'latin1');
    writeSync(fd, box);
    for (let left = payload - 8; left > 0; left -= 4 * 1024 * 1024) writeSync(fd, randomBytes(Math.min(left, 4 * 1024 * 1024)));
    closeSync(fd);
    execFileSync('mv', [`${file}.tmp`, file]);
  }
}

async function ensureLibrary(n: number): Promise<void> {
  const marker = path.join(root, `library-${n}.done`);
  if (existsSync(marker)) return;
  rmSync(sourceLib, { recursive: true, force: true });
  const core = new Core({ libraryDir: sourceLib, host: 'test', log: () => {}, runJobs: false });
  try {
    const project = (await core.dispatch('projects.create', { name: 'Bench spot' })) as { id: number };
    const { summary } = await importFolder(core, clips, project.id);
    if (summary.imported !== n) throw new Error(`bench library: imported ${summary.imported} of ${n}: ${JSON.stringify(summary.files.filter((f) => f.status === 'failed'))}`);
  } finally {
    await core.close();
  }
  writeFileSync(marker, '');
}

/** Runs one bundle operation in a fresh Node process on the built core; returns its timing and peak RSS. */
function inChild(script: string): { ms: number; bytes: number; maxRss: number } {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: path.resolve('.'), encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as { ms: number; bytes: number; maxRss: number };
}

const EXPORT = (lib: string, dest: string) => `
import { openLibrary } from './dist/main/cli/library-session.js';
import { exportBundle } from './dist/main/bundles/export.js';
const s = openLibrary(${JSON.stringify(lib)}, 'read');
const id = s.db.prepare('SELECT id FROM projects').pluck().get();
const t0 = performance.now();
const r = await exportBundle(s, { projectIds: [id], destination: ${JSON.stringify(dest)} });
const ms = performance.now() - t0;
s.close();
console.log(JSON.stringify({ ms, bytes: r.bytes, maxRss: process.resourceUsage().maxRSS * 1024 }));
`;

const IMPORT = (lib: string, file: string) => `
import { openLibrary } from './dist/main/cli/library-session.js';
import { importBundle } from './dist/main/bundles/import.js';
const s = openLibrary(${JSON.stringify(lib)}, 'write');
const t0 = performance.now();
const r = await importBundle(s, ${JSON.stringify(file)});
const ms = performance.now() - t0;
s.close();
console.log(JSON.stringify({ ms, bytes: r.bytes, maxRss: process.resourceUsage().maxRSS * 1024 }));
`;

const mbps = (bytes: number, ms: number) => bytes / (1024 * 1024) / (ms / 1000);

async function main(): Promise<void> {
  if (!existsSync('dist/main/bundles/export.js')) throw new Error('run `npm run build:core` first (npm run bench:bundle does)');
  const n = Math.max(1, Math.round(TOTAL_MB / CLIP_MB));
  process.stdout.write(`bundle bench: ${n} clips × ${CLIP_MB} MB\n`);
  ensureClips(n);
  await ensureLibrary(n);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const media = path.join(sourceLib, 'media');
    const bytes = readdirSync(media, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())
      .reduce((sum, d) => sum + statSync(path.join(d.parentPath, d.name)).size, 0);

    const t0 = performance.now();
    execFileSync('cp', ['-r', media, path.join(work, 'cp-media')]);
    const cpMs = performance.now() - t0;
    rmSync(path.join(work, 'cp-media'), { recursive: true, force: true });

    const bundle = path.join(work, 'bench.dailies');
    const exp = inChild(EXPORT(sourceLib, bundle));
    const imp = inChild(IMPORT(path.join(work, 'imported'), bundle));

    const cp = mbps(bytes, cpMs);
    const result = {
      bytes, files: n,
      cp: { ms: Math.round(cpMs), mbPerS: +cp.toFixed(1) },
      export: { ms: Math.round(exp.ms), mbPerS: +mbps(exp.bytes, exp.ms).toFixed(1), ofCp: +(mbps(exp.bytes, exp.ms) / cp).toFixed(2), peakRssMb: +(exp.maxRss / 2 ** 20).toFixed(1) },
      import: { ms: Math.round(imp.ms), mbPerS: +mbps(imp.bytes, imp.ms).toFixed(1), ofCp: +(mbps(imp.bytes, imp.ms) / cp).toFixed(2), peakRssMb: +(imp.maxRss / 2 ** 20).toFixed(1) },
      targets: { ofCp: 0.8, peakRssMb: 200 },
    };
    process.stdout.write(
      `cp      ${result.cp.mbPerS} MB/s (${result.cp.ms} ms)\n` +
      `export  ${result.export.mbPerS} MB/s = ${Math.round(result.export.ofCp * 100)}% of cp, peak RSS ${result.export.peakRssMb} MB\n` +
      `import  ${result.import.mbPerS} MB/s = ${Math.round(result.import.ofCp * 100)}% of cp, peak RSS ${result.import.peakRssMb} MB\n`,
    );
    writeFileSync(path.join('.bench', 'bundle.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
