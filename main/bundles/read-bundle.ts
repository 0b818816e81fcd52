// Opening a bundle from a stranger. Before any byte of media is read, every entry of the archive
// (or every file of a bundle folder) is checked: its name (no absolute paths, no `..`, no drive
// letters or backslashes, no duplicates), its type (regular files only: no symlinks, devices or
// FIFOs), its compression (no encryption, no ratio that betrays a zip bomb), and the manifest's
// size, format and version. Then every file the manifest lists must be present with its size, and
// nothing else may be. Content hashes are checked as the files are read (see import.ts).
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { BundleError } from './errors.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION, Manifest, MANIFEST_NAME } from './manifest.js';

/** A manifest larger than this is refused unread (a 100k-take project is ~60 MB). */
export const MAX_MANIFEST_BYTES = 128 * 1024 * 1024;
/** Deflated entries may expand at most this much (real JSON manifests compress ~5–10×). */
export const MAX_COMPRESSION_RATIO = 100;
const MAX_ENTRIES = 1_000_000;
const MAX_NAME = 1024;

/** Limits a caller may lower (tests do, to build an oversized manifest without writing 128 MB). */
export interface BundleLimits {
  maxManifestBytes?: number;
}

export interface BundleEntry {
  name: string;
  size: number;
}

export interface BundleSource {
  kind: 'zip' | 'folder';
  path: string;
  manifest: Manifest;
  entries: Map<string, BundleEntry>;
  open(name: string): Promise<Readable>;
  close(): void;
}

/** Why `name` may not be extracted, or null when it is a plain relative path. */
export function unsafeName(name: string): string | null {
  if (name.length === 0) return 'has an empty name';
  if (name.length > MAX_NAME) return 'has a name longer than 1024 characters';
  if (name.includes('\u0000')) return 'has a NUL character in its name';
  if (name.includes('\\')) return 'has a backslash in its name (a Windows path)';
  if (name.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter';
  const parts = name.replace(/\/$/, '').split('/');
  if (parts.some((p) => p === '..')) return 'climbs out of the bundle with ".."';
  if (parts.some((p) => p === '.' || p === '')) return 'has an empty or "." path segment';
  return null;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

function describeType(mode: number): string {
  switch (mode & S_IFMT) {
    case S_IFLNK: return 'is a symbolic link';
    case 0o020000: return 'is a character device';
    case 0o060000: return 'is a block device';
    case 0o010000: return 'is a FIFO';
    case 0o140000: return 'is a socket';
    default: return 'is not a regular file';
  }
}

function refuse(code: ConstructorParameters<typeof BundleError>[0], entry: string, why: string): BundleError {
  return new BundleError(code, `The bundle was refused: entry "${entry.slice(0, 200)}" ${why}. Nothing was imported.`, entry);
}

/** Checks the list of names as a whole: duplicates (also those equal once case and Unicode form are folded). */
function checkNames(names: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    const folded = name.normalize('NFC').toLowerCase().replace(/\/$/, '');
    if (seen.has(folded)) throw refuse('duplicate_entry', name, 'appears twice');
    seen.add(folded);
  }
}

function parseManifest(bytes: Buffer): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new BundleError('bad_manifest', `The bundle's ${MANIFEST_NAME} is not valid JSON (${(err as Error).message}).`, MANIFEST_NAME);
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== BUNDLE_FORMAT) {
    throw new BundleError('not_a_bundle', `This is not a Dailies bundle (${MANIFEST_NAME} does not say format "${BUNDLE_FORMAT}").`, MANIFEST_NAME);
  }
  if (head.version !== BUNDLE_VERSION) {
    throw new BundleError(
      'unknown_version',
      `This bundle uses format version ${JSON.stringify(head.version)}; this Dailies reads version ${BUNDLE_VERSION}. ` +
        (typeof head.version === 'number' && head.version > BUNDLE_VERSION ? 'Update Dailies to open it.' : 'It cannot be opened.'),
      MANIFEST_NAME,
    );
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BundleError('bad_manifest', `The bundle's ${MANIFEST_NAME} is invalid at ${issue.path.join('.') || '(root)'}: ${issue.message}.`, MANIFEST_NAME);
  }
  return parsed.data;
}

/** Every listed file present with its size; nothing present that is not listed. */
function checkListing(manifest: Manifest, entries: Map<string, BundleEntry>): void {
  const listed = new Set<string>();
  for (const f of manifest.files) {
    if (listed.has(f.path)) throw refuse('duplicate_entry', f.path, 'is listed twice in the manifest');
    listed.add(f.path);
    if (!f.path.startsWith(`media/${f.sha256}.`)) throw refuse('bad_manifest', f.path, 'is not named by its own sha256');
    const e = entries.get(f.path);
    if (!e) throw new BundleError('missing_file', `The bundle is incomplete: "${f.path}" is listed in the manifest but not in the bundle.`, f.path);
    if (e.size !== f.size) throw refuse('bad_checksum', f.path, `is ${e.size} bytes, but the manifest says ${f.size}`);
  }
  for (const name of entries.keys()) {
    if (name !== MANIFEST_NAME && !listed.has(name)) throw refuse('unexpected_entry', name, 'is not listed in the manifest');
  }
}

export async function openBundle(file: string, limits: BundleLimits = {}): Promise<BundleSource> {
  const abs = path.resolve(file);
  const st = await lstat(abs).catch((err: NodeJS.ErrnoException) => {
    throw new BundleError('not_found', err.code === 'ENOENT' ? `There is no bundle at ${abs}.` : `Cannot read ${abs}: ${err.message}`);
  });
  const maxManifest = limits.maxManifestBytes ?? MAX_MANIFEST_BYTES;
  if (st.isDirectory()) return openFolder(abs, maxManifest);
  if (!st.isFile()) throw new BundleError('not_a_bundle', `${abs} is not a file or folder.`);
  return openZip(abs, maxManifest);
}

function zipError(err: Error, file: string): BundleError {
  if (err instanceof BundleError) return err;
  const msg = err.message;
  if (/end of central directory|signature|too short|unexpected EOF|truncated|out of range|bad entry|past end/i.test(msg)) {
    return new BundleError('truncated', `${path.basename(file)} is truncated or is not a zip (${msg}). Nothing was imported; ask for the bundle again.`);
  }
  return new BundleError('not_a_bundle', `${path.basename(file)} could not be read as a bundle (${msg}).`);
}

async function openZip(file: string, maxManifest: number): Promise<BundleSource> {
  let zip: yauzl.ZipFile;
  try {
    // Names are decoded and checked here, not by yauzl, so each refusal names its entry plainly.
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
  } catch (err) {
    throw zipError(err as Error, file);
  }
  try {
    if (zip.entryCount > MAX_ENTRIES) throw new BundleError('bomb', `The bundle has ${zip.entryCount} entries; at most ${MAX_ENTRIES} are accepted.`);
    const raw = new Map<string, yauzl.Entry>();
    const names: string[] = [];
    for await (const entry of zip.eachEntry()) {
      const nameBuf = entry.fileName as unknown as Buffer;
      const name = nameBuf.toString('utf8');
      if (Buffer.compare(Buffer.from(name, 'utf8'), nameBuf) !== 0) throw refuse('unsafe_entry', name, 'has a name that is not UTF-8');
      const why = unsafeName(name);
      if (why) throw refuse('unsafe_entry', name, why);
      names.push(name);
      const madeByUnix = entry.versionMadeBy >> 8 === 3;
      const mode = (entry.externalFileAttributes >>> 16) & 0xffff;
      const isDir = name.endsWith('/') || (madeByUnix && (mode & S_IFMT) === S_IFDIR);
      if (madeByUnix && mode & S_IFMT && (mode & S_IFMT) !== S_IFREG && (mode & S_IFMT) !== S_IFDIR) throw refuse('unsafe_entry', name, describeType(mode));
      if (entry.isEncrypted()) throw refuse('unsafe_entry', name, 'is encrypted');
      if (isDir) continue;
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw refuse('unsafe_entry', name, `uses compression method ${entry.compressionMethod}`);
      if (entry.compressionMethod === 8 && entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > entry.compressedSize * MAX_COMPRESSION_RATIO) {
        throw refuse('bomb', name, `would expand ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}× (a compression bomb)`);
      }
      raw.set(name, entry);
    }
    checkNames(names);
    const manifestEntry = raw.get(MANIFEST_NAME);
    if (!manifestEntry) throw new BundleError('not_a_bundle', `${path.basename(file)} has no ${MANIFEST_NAME}; it is not a Dailies bundle.`);
    if (manifestEntry.uncompressedSize > maxManifest) {
      throw refuse('manifest_too_large', MANIFEST_NAME, `is ${manifestEntry.uncompressedSize} bytes; at most ${maxManifest} are accepted`);
    }
    const manifest = parseManifest(await readAll(await zip.openReadStreamPromise(manifestEntry), maxManifest, MANIFEST_NAME));
    const entries = new Map([...raw].map(([n, e]) => [n, { name: n, size: e.uncompressedSize }]));
    checkListing(manifest, entries);
    return {
      kind: 'zip', path: file, manifest, entries,
      open: async (name) => {
        const e = raw.get(name);
        if (!e) throw new BundleError('missing_file', `The bundle has no "${name}".`, name);
        try {
          if (e.compressionMethod !== 0) return await zip.openReadStreamPromise(e);
          // A stored entry (all media: export never deflates it) is read straight from the file
          // in 1 MB chunks. yauzl's stream reads 16 KB at a time, which made reading and writing
          // the staged copy the slowest step of an import (≈140 MB/s for 2 GB). The local header
          // is still parsed and bounds-checked by yauzl; the bytes are hashed against the
          // manifest as they are read, so a short or changed file is refused either way.
          const { fileDataStart } = await zip.readLocalFileHeaderPromise(e, { minimal: true });
          if (e.compressedSize === 0) return Readable.from([]);
          return createReadStream(file, { start: fileDataStart, end: fileDataStart + e.compressedSize - 1, highWaterMark: 1024 * 1024 });
        } catch (err) {
          throw zipError(err as Error, file);
        }
      },
      close: () => zip.close(),
    };
  } catch (err) {
    zip.close();
    throw zipError(err as Error, file);
  }
}

async function readAll(stream: Readable, max: number, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    // Checked on the bytes actually inflated, not only the size the archive declares.
    if (size > max) {
      stream.destroy();
      throw refuse('manifest_too_large', name, `is larger than ${max} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function openFolder(dir: string, maxManifest: number): Promise<BundleSource> {
  const entries = new Map<string, BundleEntry>();
  const names: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    for (const d of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      const name = rel ? `${rel}/${d.name}` : d.name;
      const why = unsafeName(name);
      if (why) throw refuse('unsafe_entry', name, why);
      if (entries.size > MAX_ENTRIES) throw new BundleError('bomb', `The bundle folder has more than ${MAX_ENTRIES} files.`);
      // lstat, never stat: a link is refused, never followed out of the bundle.
      const st = await lstat(path.join(dir, name));
      names.push(name);
      if (st.isDirectory()) await walk(name);
      else if (st.isFile()) entries.set(name, { name, size: st.size });
      else throw refuse('unsafe_entry', name, describeType(st.mode));
    }
  };
  await walk('');
  checkNames(names);
  const m = entries.get(MANIFEST_NAME);
  if (!m) throw new BundleError('not_a_bundle', `${dir} has no ${MANIFEST_NAME}; it is not a Dailies bundle folder.`);
  if (m.size > maxManifest) throw refuse('manifest_too_large', MANIFEST_NAME, `is ${m.size} bytes; at most ${maxManifest} are accepted`);
  const manifest = parseManifest(await readFile(path.join(dir, MANIFEST_NAME)));
  checkListing(manifest, entries);
  return {
    kind: 'folder', path: dir, manifest, entries,
    open: async (name) => {
      if (!entries.has(name)) throw new BundleError('missing_file', `The bundle has no "${name}".`, name);
      // Checked again at open: a file swapped for a link after the walk is still refused.
      const st = await lstat(path.join(dir, name));
      if (!st.isFile()) throw refuse('unsafe_entry', name, describeType(st.mode));
      return createReadStream(path.join(dir, name), { highWaterMark: 1024 * 1024 });
    },
    close: () => {},
  };
}
