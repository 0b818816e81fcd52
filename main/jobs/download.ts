// Downloading a result at once, resumably: bytes go to a per-job partial file in the library's
// tmp folder; an interrupted transfer resumes with Range from what is already on disk; the
// file is complete only when its size matches what the server promised.
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { Agent, interceptors, request } from 'undici';
import { toNetworkError } from './http.js';

export class DownloadError extends Error {
  constructor(
    message: string,
    /** The link is gone (expired or deleted): re-query the task for a fresh one. */
    readonly expired: boolean,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

// Result links are often CDN redirects; follow a few, never forever.
const followRedirects = new Agent().compose(interceptors.redirect({ maxRedirections: 5 }));

export function partialPath(tmpDir: string, jobUid: string): string {
  return path.join(tmpDir, `job-${jobUid}.part`);
}

export interface DownloadProgress {
  received: number;
  expected: number | null;
}

export async function downloadResumable(
  url: string,
  dest: string,
  opts: { timeoutMs: number; signal?: AbortSignal; onProgress?: (p: DownloadProgress) => void; headers?: Record<string, string> },
): Promise<{ size: number }> {
  await mkdir(path.dirname(dest), { recursive: true });
  const have = (await stat(dest).catch(() => null))?.size ?? 0;
  const host = new URL(url).host;
  let res;
  try {
    res = await request(url, {
      method: 'GET',
      headers: { ...opts.headers, ...(have > 0 ? { range: `bytes=${have}-` } : {}) },
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
      signal: opts.signal,
      dispatcher: followRedirects,
    });
  } catch (err) {
    throw toNetworkError(err, host);
  }
  if ([401, 403, 404, 410].includes(res.statusCode)) {
    await res.body.dump();
    throw new DownloadError(`The result link answered ${res.statusCode}: it has expired or been removed.`, true);
  }
  if (res.statusCode === 416 && have > 0) {
    // We already hold every byte (a crash after the last write): the size check below decides.
    await res.body.dump();
    return { size: have };
  }
  if (res.statusCode !== 200 && res.statusCode !== 206) {
    await res.body.dump();
    throw new DownloadError(`The result link answered ${res.statusCode}.`, false);
  }
  // A server that ignores Range sends the whole file again: start over rather than append.
  const resuming = res.statusCode === 206 && have > 0;
  const start = resuming ? have : 0;
  const length = Number(res.headers['content-length']);
  const expected = Number.isFinite(length) && length >= 0 ? start + length : null;
  let received = start;
  try {
    await pipeline(
      res.body,
      new Transform({
        transform(chunk: Buffer, _enc, cb) {
          received += chunk.length;
          opts.onProgress?.({ received, expected });
          cb(null, chunk);
        },
      }),
      createWriteStream(dest, { flags: resuming ? 'a' : 'w' }),
    );
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    throw toNetworkError(err, host);
  }
  const size = (await stat(dest)).size;
  if (expected !== null && size !== expected) {
    throw new DownloadError(`The download stopped at ${size} of ${expected} bytes; it will resume.`, false);
  }
  return { size };
}

export async function discardPartial(dest: string): Promise<void> {
  await rm(dest, { force: true });
}
