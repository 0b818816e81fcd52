// Importing a bundle: all or nothing.
//   1. open and check the archive's entries and the manifest (read-bundle.ts);
//   2. read every file, hashing it, into a staging folder inside the library's tmp/ (files the
//      library already holds are hashed and dropped); any mismatch stops here;
//   3. make posters for new pictures into the staging folder (a file ffmpeg cannot decode is refused);
//   4. move new files into the store, then change the catalogue in one transaction; if that fails,
//      the files just moved in are removed again.
// Until step 4 nothing outside the staging folder is written; the staging folder is always removed.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LimitFunction } from 'p-limit';
import type { Db } from '../catalogue/open.js';
import { isInside, mediaPath, thumbPath, type LibraryLayout } from '../store/layout.js';
import { makePoster } from '../store/thumbnails.js';
import type { MediaTools } from '../store/tools.js';
import { BundleError, cancelled, throwIfAborted } from './errors.js';
import type { Manifest } from './manifest.js';
import { mergeManifest, validateManifestReferences, type MergePlan } from './merge.js';
import { ProgressMeter, type BundleProgress } from './progress.js';
import { openBundle, type BundleLimits, type BundleSource } from './read-bundle.js';

export interface BundleWriteContext {
  db: Db;
  layout: LibraryLayout;
  tools: MediaTools;
  pool: LimitFunction;
}

export interface BundlePreview {
  path: string;
  kind: 'zip' | 'folder';
  exportedAt: number;
  exportId: string;
  appVersion: string;
  scope: Manifest['scope'];
  projects: { uid: string; name: string }[];
  files: number;
  bytes: number;
  plan: MergePlan;
}

export interface ImportOptions {
  signal?: AbortSignal;
  limits?: BundleLimits;
  onProgress?: (p: BundleProgress) => void;
}

export interface BundleImportResult extends BundlePreview {
  /** New videos whose hover-scrub strips are still to be made. */
  sprites: { sha256: string; ext: string; durationMs: number }[];
}

function describe(src: BundleSource, plan: MergePlan): BundlePreview {
  const m = src.manifest;
  return {
    path: src.path, kind: src.kind, exportedAt: m.exportedAt, exportId: m.exportId, appVersion: m.app.version, scope: m.scope,
    projects: m.projects.map((p) => ({ uid: p.uid, name: p.name })), files: m.files.length,
    bytes: m.files.reduce((n, f) => n + f.size, 0), plan,
  };
}

/** What the bundle holds and what importing it would change; reads only the manifest. */
export async function previewBundle(ctx: Pick<BundleWriteContext, 'db'>, file: string, limits?: BundleLimits): Promise<BundlePreview> {
  const src = await openBundle(file, limits);
  try {
    return describe(src, mergeManifest(ctx.db, src.manifest, { dryRun: true }));
  } finally {
    src.close();
  }
}

/** Reads one entry, hashing it; keeps it in `dest` only when given. */
async function verifyEntry(src: BundleSource, name: string, want: { sha256: string; size: number }, dest: string | null, meter: ProgressMeter, signal?: AbortSignal): Promise<void> {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      meter.bytes(chunk.length);
      cb(null, dest ? chunk : undefined);
    },
  });
  const sink = dest ? createWriteStream(dest, { flags: 'wx' }) : new Writable({ write: (_c, _e, cb) => cb() });
  try {
    const input = await src.open(name);
    await pipeline(input, tap, sink, signal ? { signal } : {});
  } catch (err) {
    if (signal?.aborted) throw cancelled();
    if (err instanceof BundleError) throw err;
    const msg = (err as Error).message;
    throw new BundleError(/too many|too few|unexpected|invalid|incorrect|EOF|end/i.test(msg) ? 'truncated' : 'bad_checksum',
      `The bundle was refused: entry "${name}" could not be read whole (${msg}); the bundle is damaged or truncated. Nothing was imported.`, name);
  }
  const sha = hash.digest('hex');
  if (size !== want.size || sha !== want.sha256) {
    throw new BundleError('bad_checksum', `The bundle was refused: entry "${name}" does not match its checksum (the file was changed or damaged in transit). Nothing was imported.`, name);
  }
  meter.file(name, true);
}

export async function importBundle(ctx: BundleWriteContext, file: string, opts: ImportOptions = {}): Promise<BundleImportResult> {
  const src = await openBundle(file, opts.limits);
  const staging = path.join(ctx.layout.tmp, `bundle-${randomBytes(8).toString('hex')}`);
  const placed: string[] = [];
  // Fan-out folders created for the new files, removed again (when empty) on a rollback.
  const createdDirs: string[] = [];
  const mkdirTracked = async (dir: string) => {
    const first = await mkdir(dir, { recursive: true });
    if (first) createdDirs.push(first);
  };
  try {
    const m = src.manifest;
    validateManifestReferences(m);
    const assetBySha = new Map(m.assets.map((a) => [a.sha256, a]));
    const have = new Set<string>();
    for (const a of m.assets) if (ctx.db.prepare('SELECT 1 FROM assets WHERE sha256 = ?').get(a.sha256)) have.add(a.sha256);

    // 2. Verify every file; stage the ones this library lacks.
    await mkdir(staging, { recursive: true });
    const meter = new ProgressMeter('verify', m.files.reduce((n, f) => n + f.size, 0), m.files.length, opts.onProgress);
    // Two files at a time: one is hashed while the other waits on the disk (2 GB: 7.3 → 4.4 s).
    // The first failure stops the other reader, and both have stopped before staging is removed.
    const queue = [...m.files];
    const stop = new AbortController();
    const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
    let failure: unknown = null;
    const worker = async () => {
      try {
        for (let f = queue.shift(); f; f = queue.shift()) {
          throwIfAborted(signal);
          meter.file(f.path);
          const keep = !have.has(f.sha256) && assetBySha.has(f.sha256);
          await verifyEntry(src, f.path, f, keep ? path.join(staging, path.basename(f.path)) : null, meter, signal);
        }
      } catch (err) {
        failure ??= err;
        stop.abort();
      }
    };
    await Promise.all([worker(), worker()]);
    if (failure) throw opts.signal?.aborted ? cancelled() : failure;

    // 3. Posters for new pictures, made from the staged copies.
    meter.phase('thumbnails');
    // Every poster started has finished (or failed) before this goes on: one still writing into
    // staging while it is removed made that removal fail (ENOTEMPTY) and hid the real refusal.
    const pictures = m.assets.filter((a) => !have.has(a.sha256) && a.kind !== 'audio');
    const posters = await Promise.allSettled(pictures.map((a) => ctx.pool(async () => {
      throwIfAborted(signal);
      const staged = path.join(staging, `${a.sha256}.${a.ext}`);
      try {
        await makePoster(ctx.tools.ffmpeg, staged, path.join(staging, `${a.sha256}.poster.jpg`), staging, a.durationMs);
      } catch (err) {
        stop.abort(); // the ones not started yet need not be
        throw new BundleError('undecodable_media', `The bundle was refused: entry "media/${a.sha256}.${a.ext}" is not a ${a.kind} Dailies can decode (${(err as Error).message.slice(0, 200)}). Nothing was imported.`, `media/${a.sha256}.${a.ext}`);
      }
    })));
    throwIfAborted(opts.signal);
    const refused = posters.find((r) => r.status === 'rejected' && r.reason instanceof BundleError && r.reason.code === 'undecodable_media');
    if (refused) throw (refused as PromiseRejectedResult).reason;
    throwIfAborted(signal);

    // 4. Into the store, then the catalogue in one transaction.
    meter.phase('commit');
    const fresh = m.assets.filter((a) => !have.has(a.sha256));
    for (const a of fresh) {
      const dest = mediaPath(ctx.layout, a.sha256, a.ext);
      if (await stat(dest).catch(() => null)) continue; // an orphan from an earlier crash: same content
      await mkdirTracked(path.dirname(dest));
      await rename(path.join(staging, `${a.sha256}.${a.ext}`), dest);
      placed.push(dest);
      if (a.kind !== 'audio') {
        const poster = thumbPath(ctx.layout, a.sha256, 'poster');
        await mkdirTracked(path.dirname(poster));
        await rename(path.join(staging, `${a.sha256}.poster.jpg`), poster);
        placed.push(poster);
      }
    }
    let plan: MergePlan;
    try {
      plan = mergeManifest(ctx.db, m, { dryRun: false });
    } catch (err) {
      await Promise.all(placed.map((p) => rm(p, { force: true })));
      // Fan-out folders this import created go too, deepest first; rmdir keeps any that are not empty.
      for (const file of placed) {
        for (const dir of [path.dirname(file), path.dirname(path.dirname(file))]) {
          if (createdDirs.some((c) => isInside(c, dir))) await rmdir(dir).catch(() => {});
        }
      }
      placed.length = 0;
      throw err;
    }
    const sprites = fresh.filter((a) => a.kind === 'video' && (a.durationMs ?? 0) > 0)
      .map((a) => ({ sha256: a.sha256, ext: a.ext, durationMs: a.durationMs! }));
    return { ...describe(src, plan), sprites };
  } catch (err) {
    if (opts.signal?.aborted && !(err instanceof BundleError && err.code !== 'cancelled')) throw cancelled();
    throw err;
  } finally {
    src.close();
    await rm(staging, { recursive: true, force: true, maxRetries: 3 });
  }
}
