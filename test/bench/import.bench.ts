// npm run bench:import — import throughput and watch latency on real files.
//   index: hash + probe per file (files/s) over the 10,000 cached clips, with the in-process
//          probe the import uses (main/store/fast-probe), and with ffprobe on a sample for comparison
//   watch scan: a watched folder (in place) holding the 10,000 clips at start, until every one
//          is catalogued (posters follow in the background and are not counted)
//   thumbnails: poster frames per second through the media pool
//   watch latency: finished write (rename into the folder) → render row visible, p50/p95,
//                  reported beyond the stability window
// The clips are made once with ffmpeg (one real clip, 10,000 distinct variants carrying a unique
// MP4 `free` box at the end, still valid MP4) and cached under .bench/ between runs.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core } from '../../main/core.js';
import { hashFile } from '../../main/store/ingest.js';
import { probe } from '../../main/store/probe.js';
import { probeMedia } from '../../main/store/fast-probe/index.js';
import { makePoster } from '../../main/store/thumbnails.js';
import { createMediaPool } from '../../main/store/pool.js';
import { clipVariant, makeClip, tools } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';

const N = Number(process.env.BENCH_FILES ?? 10_000);
const PROBE_SAMPLE = Number(process.env.BENCH_PROBE_SAMPLE ?? 600);
const THUMB_SAMPLE = 100;
const LATENCY_SAMPLES = 40;
const STABILITY_MS = 1000;
const cache = path.resolve('.bench/import-clips');

function ensureClips(): string[] {
  mkdirSync(cache, { recursive: true });
  const base = path.join(cache, '..', 'import-base.mp4');
  if (!existsSync(base)) makeClip(base, { width: 160, height: 90, fps: 12, seconds: 1 });
  const bytes = readFileSync(base);
  const have = new Set(readdirSync(cache));
  for (let i = 0; i < N; i++) {
    const name = `clip_${String(i).padStart(5, '0')}.mp4`;
    if (!have.has(name)) writeFileSync(path.join(cache, name), clipVariant(bytes, i, 'bench'));
  }
  return Array.from({ length: N }, (_, i) => path.join(cache, `clip_${String(i).padStart(5, '0')}.mp4`));
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main(): Promise<void> {
  const files = ensureClips();
  const pool = createMediaPool();
  console.log(`${os.availableParallelism()} cores; ${files.length} clips of ${readFileSync(files[0]!).length} bytes in ${cache}`);

  let t = performance.now();
  await Promise.all(files.map((f) => pool(() => hashFile(f))));
  const hashRate = files.length / ((performance.now() - t) / 1000);

  let viaFast = 0;
  t = performance.now();
  await Promise.all(files.map((f) => pool(async () => {
    await hashFile(f);
    if ((await probeMedia(tools.ffprobe, f, 'mp4', 'video')).via === 'fast') viaFast++;
  })));
  const fastIndexRate = files.length / ((performance.now() - t) / 1000);

  const sample = files.slice(0, PROBE_SAMPLE);
  t = performance.now();
  await Promise.all(sample.map((f) => pool(async () => {
    await hashFile(f);
    await probe(tools.ffprobe, f, 'video');
  })));
  const indexRate = sample.length / ((performance.now() - t) / 1000);

  const tmp = tempDir('dailies-bench-');
  t = performance.now();
  await Promise.all(files.slice(0, THUMB_SAMPLE).map((f, i) => pool(() =>
    makePoster(tools.ffmpeg, f, path.join(tmp.path, `${i}.jpg`), tmp.path, 1000)),
  ));
  const thumbRate = THUMB_SAMPLE / ((performance.now() - t) / 1000);

  // Watch scan: the whole cache folder watched in place, from add to every clip catalogued.
  const scanLib = tempDir('dailies-bench-scanlib-');
  const scanCore = new Core({ libraryDir: scanLib.path, host: 'cli', log: () => {}, watchStabilityMs: STABILITY_MS });
  t = performance.now();
  await scanCore.dispatch('watch.add', { path: cache, mode: 'in_place' });
  const catalogued = () => scanCore.db.prepare('SELECT count(*) FROM renders').pluck().get() as number;
  while (catalogued() < files.length) await new Promise((r) => setTimeout(r, 100));
  const scanRate = files.length / ((performance.now() - t) / 1000);
  await scanCore.close();
  scanLib.cleanup();

  // Watch latency: one file at a time, written under a partial name and renamed (finished write).
  const lib = tempDir('dailies-bench-lib-');
  const watched = tempDir('dailies-bench-watch-');
  const core = new Core({ libraryDir: lib.path, host: 'cli', log: () => {}, watchStabilityMs: STABILITY_MS });
  await core.dispatch('watch.add', { path: watched.path, mode: 'in_place' });
  const latencies: number[] = [];
  const base = readFileSync(files[0]!);
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const dest = path.join(watched.path, `w_${i}.mp4`);
    writeFileSync(`${dest}.part`, clipVariant(base, 1_000_000 + i, 'bench'));
    renameSync(`${dest}.part`, dest);
    const start = performance.now();
    while (!core.db.prepare('SELECT 1 FROM renders WHERE origin = ?').get(dest)) await new Promise((r) => setTimeout(r, 5));
    latencies.push(performance.now() - start - STABILITY_MS);
  }
  await core.close();
  for (const d of [tmp, lib, watched]) d.cleanup();

  console.log(`hash only:               ${hashRate.toFixed(0)} files/s (${files.length} files)`);
  console.log(`index (hash + probe):    ${fastIndexRate.toFixed(0)} files/s (${files.length} files, ${viaFast} read in-process; target ≥ 500)`);
  console.log(`index (hash + ffprobe):  ${indexRate.toFixed(0)} files/s (sample of ${sample.length}, for comparison)`);
  console.log(`watch scan (in place):   ${scanRate.toFixed(0)} files/s catalogued (${files.length} files present at start)`);
  console.log(`thumbnails (posters):    ${thumbRate.toFixed(1)} /s (sample of ${THUMB_SAMPLE})`);
  console.log(`watch latency beyond the ${STABILITY_MS} ms stability window: p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${pct(latencies, 95).toFixed(0)} ms (${LATENCY_SAMPLES} files; target p95 ≤ 1000 ms)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
