// Copying a file into the content-addressed store: read once, hashing while writing to a temp
// file inside the library, fsync, then rename to its final name. A file under media/ is always
// complete and named by its own sha256.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { mediaPath, type LibraryLayout } from './layout.js';

export interface StagedFile {
  tmpPath: string;
  sha256: string;
  size: number;
}

/** Copies `source` to a temp file in the library while hashing it. Caller commits or discards. */
export async function stageFile(layout: LibraryLayout, source: string, ext: string): Promise<StagedFile> {
  await mkdir(layout.tmp, { recursive: true });
  const tmpPath = path.join(layout.tmp, `${randomBytes(12).toString('hex')}.${ext}`);
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      createReadStream(source),
      new Transform({
        transform(chunk: Buffer, _enc, cb) {
          hash.update(chunk);
          size += chunk.length;
          cb(null, chunk);
        },
      }),
      createWriteStream(tmpPath, { flags: 'wx' }),
    );
    const fh = await open(tmpPath, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (err) {
    await rm(tmpPath, { force: true });
    throw err;
  }
  return { tmpPath, sha256: hash.digest('hex'), size };
}

/** Moves a staged file to its content address. Identical content already there is kept as is. */
export async function commitStaged(layout: LibraryLayout, staged: StagedFile, ext: string): Promise<string> {
  const dest = mediaPath(layout, staged.sha256, ext);
  await mkdir(path.dirname(dest), { recursive: true });
  const existing = await stat(dest).catch(() => null);
  if (existing && existing.size === staged.size) {
    await rm(staged.tmpPath, { force: true });
  } else {
    await rename(staged.tmpPath, dest);
  }
  return dest;
}

export async function discardStaged(staged: StagedFile): Promise<void> {
  await rm(staged.tmpPath, { force: true });
}

/** Hashes a file where it is (reference-in-place imports): one read, no copy. */
export async function hashFile(source: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(source, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}
