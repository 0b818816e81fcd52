// Writing a bundle: one `.dailies` file (a zip, zip64 when large, streamed entry by entry so memory
// stays flat at any size) or a folder with the same layout. Media are stored uncompressed (video is
// already compressed; deflating it again costs CPU for nothing) and re-hashed on the way out, so a
// damaged store file fails the export instead of travelling. Everything is written under a
// `.partial` name and renamed only when complete; a cancelled or failed export leaves nothing.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import './zip-crc.js';
import type { Db } from '../catalogue/open.js';
import { mediaPath, type LibraryLayout } from '../store/layout.js';
import { collectBundle, type CollectedMedia, type ExportScope } from './collect.js';
import { BundleError, cancelled, throwIfAborted } from './errors.js';
import { MANIFEST_NAME, type Manifest } from './manifest.js';
import { ProgressMeter, type BundleProgress } from './progress.js';

export interface ExportOptions extends ExportScope {
  /** The `.dailies` file or the folder to create; must not exist yet. */
  destination: string;
  /** 'zip' (one .dailies file, the default) or 'folder'. */
  layout?: 'zip' | 'folder';
  signal?: AbortSignal;
  onProgress?: (p: BundleProgress) => void;
}

export interface ExportResult {
  destination: string;
  layout: 'zip' | 'folder';
  manifest: Manifest;
  files: number;
  bytes: number;
}

export interface BundleReadContext {
  db: Db;
  layout: LibraryLayout;
}

function sourceOf(ctx: BundleReadContext, m: CollectedMedia): string {
  if (m.storage === 'store') return mediaPath(ctx.layout, m.sha256, m.ext);
  if (m.missing || !m.externalPath || !existsSync(m.externalPath)) {
    throw new BundleError('missing_media', `A file to export is missing: ${m.externalPath ?? m.sha256} (Locate… it first, or leave its take out).`, `media/${m.sha256}.${m.ext}`);
  }
  return m.externalPath;
}

/** Hashes what passes through and fails at the end if it is not the content the catalogue names. */
function verifying(m: CollectedMedia, meter: ProgressMeter): Transform {
  const hash = createHash('sha256');
  let size = 0;
  const entry = `media/${m.sha256}.${m.ext}`;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      meter.bytes(chunk.length);
      cb(null, chunk);
    },
    flush(cb) {
      const sha = hash.digest('hex');
      if (sha !== m.sha256 || size !== m.size) {
        cb(new BundleError('bad_checksum', `The library's copy of ${entry} is damaged (its content no longer matches its hash); it was not exported.`, entry));
      } else {
        meter.file(entry, true);
        cb();
      }
    },
  });
}

export async function exportBundle(ctx: BundleReadContext, opts: ExportOptions): Promise<ExportResult> {
  const destination = path.resolve(opts.destination);
  const kind = opts.layout ?? 'zip';
  if (await stat(destination).catch(() => null)) {
    throw new BundleError('destination_exists', `${destination} already exists; choose a new name so nothing is overwritten.`);
  }
  // A consistent picture of the catalogue while it is read (the app may be writing meanwhile).
  const { manifest, media } = ctx.db.transaction(() => collectBundle(ctx.db, opts))();
  const sources = media.map((m) => ({ m, file: sourceOf(ctx, m) }));
  const bytes = media.reduce((n, m) => n + m.size, 0);
  const meter = new ProgressMeter('export', bytes, media.length, opts.onProgress);
  const partial = `${destination}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(path.dirname(destination), { recursive: true });
  throwIfAborted(opts.signal);
  try {
    if (kind === 'zip') await writeZip(partial, manifest, sources, meter, opts.signal);
    else await writeFolder(partial, manifest, sources, meter, opts.signal);
    throwIfAborted(opts.signal);
    await rename(partial, destination);
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    if (opts.signal?.aborted) throw cancelled();
    throw err;
  }
  meter.phase('export');
  return { destination, layout: kind, manifest, files: media.length, bytes };
}

export function manifestBytes(manifest: Manifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`);
}

async function writeZip(
  file: string, manifest: Manifest, sources: { m: CollectedMedia; file: string }[], meter: ProgressMeter, signal?: AbortSignal,
): Promise<void> {
  const zip = new yazl.ZipFile();
  const mtime = new Date(manifest.exportedAt);
  // The manifest comes first so a reader streaming the file meets it before the media.
  zip.addBuffer(manifestBytes(manifest), MANIFEST_NAME, { mtime, compress: true });
  const failures: Error[] = [];
  for (const { m, file: src } of sources) {
    zip.addReadStreamLazy(`media/${m.sha256}.${m.ext}`, { size: m.size, compress: false, mtime }, (cb) => {
      if (signal?.aborted) return cb(cancelled(), null as unknown as Readable);
      const input = createReadStream(src, { highWaterMark: 1024 * 1024 });
      const check = verifying(m, meter);
      input.on('error', (err) => check.destroy(err));
      check.on('error', (err) => failures.push(err));
      cb(null, input.pipe(check));
    });
  }
  zip.end();
  const out = createWriteStream(file, { flags: 'wx' });
  const onAbort = () => out.destroy(cancelled());
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await pipeline(zip.outputStream as Readable, out);
  } catch (err) {
    throw failures[0] ?? err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (failures[0]) throw failures[0];
}

async function writeFolder(
  dir: string, manifest: Manifest, sources: { m: CollectedMedia; file: string }[], meter: ProgressMeter, signal?: AbortSignal,
): Promise<void> {
  await mkdir(path.join(dir, 'media'), { recursive: true });
  for (const { m, file: src } of sources) {
    throwIfAborted(signal);
    await pipeline(
      createReadStream(src, { highWaterMark: 1024 * 1024 }),
      verifying(m, meter),
      createWriteStream(path.join(dir, 'media', `${m.sha256}.${m.ext}`), { flags: 'wx' }),
      signal ? { signal } : {},
    );
  }
  // Written last: a folder with a manifest is a complete one.
  await writeFile(path.join(dir, MANIFEST_NAME), manifestBytes(manifest), { flag: 'wx' });
}
