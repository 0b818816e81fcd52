// Turns request inputs (inline base64, URLs, our own result URLs) into files ffmpeg can read.
// Our own result URLs are read from disk: a client handing back a video this simulator made
// (extend, restyle, lip sync) must not depend on the download faults it may have switched on.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MediaRef } from './render-spec.js';

const MAX_DOWNLOAD = 256 * 1024 * 1024;

export class InputError extends Error {}

export async function materialize(ref: MediaRef, dir: string, name: string, ownFile: (url: string) => string | null): Promise<string> {
  if (ref.kind === 'file') return ref.path;
  if (ref.kind === 'inline') {
    const file = path.join(dir, `${name}.${ref.ext}`);
    await writeFile(file, ref.bytes);
    return file;
  }
  const own = ownFile(ref.url);
  if (own) return own;
  let res: Response;
  try {
    res = await fetch(ref.url, { signal: AbortSignal.timeout(20_000) });
  } catch (err) {
    throw new InputError(`could not download ${ref.url}: ${(err as Error).message}`);
  }
  if (!res.ok) throw new InputError(`could not download ${ref.url}: HTTP ${res.status}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > MAX_DOWNLOAD) throw new InputError(`${ref.url} is larger than 256 MB`);
  const ext = /\.([a-z0-9]{2,4})(?:$|\?)/i.exec(new URL(ref.url).pathname)?.[1] ?? 'bin';
  const file = path.join(dir, `${name}.${ext}`);
  await writeFile(file, bytes);
  return file;
}
