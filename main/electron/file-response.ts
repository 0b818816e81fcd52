// A file answer for `protocol.handle`, decided without Electron: which status, which headers,
// which bytes. The protocol handlers turn the plan into a web `Response`; tests read the plan.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parseRange } from '../store/byte-range.js';
import { isInside } from '../store/layout.js';

export type Headers = Record<string, string>;

export type FilePlan =
  | { status: 200 | 206; headers: Headers; file: string; start: number; end: number; body: boolean }
  | { status: 404 | 405 | 416; headers: Headers };

const NOSNIFF = { 'X-Content-Type-Options': 'nosniff' };

export function notFound(headers: Headers = {}): FilePlan {
  return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...NOSNIFF, ...headers } };
}

export function methodNotAllowed(): FilePlan {
  return { status: 405, headers: { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD', ...NOSNIFF } };
}

/**
 * Plans the answer for `file`, which must lie inside `root` once both are resolved to their
 * real paths (a symlink in the store cannot lead out of it). Missing files, folders and files
 * outside `root` are all a plain 404: the caller learns nothing about the disk.
 */
export async function planFile(
  root: string, file: string, mime: string, opts: { method: string; range?: string | null; headers?: Headers },
): Promise<FilePlan> {
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return notFound();
  }
  const realRoot = await realpath(root).catch(() => null);
  if (!realRoot || !isInside(realRoot, real)) return notFound();
  const st = await stat(real).catch(() => null);
  if (!st?.isFile()) return notFound();

  const base: Headers = { 'Content-Type': mime, 'Accept-Ranges': 'bytes', ...NOSNIFF, ...opts.headers };
  const range = parseRange(opts.range, st.size);
  if (range.kind === 'unsatisfiable') return { status: 416, headers: { ...base, 'Content-Range': `bytes */${st.size}` } };
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, st.size - 1];
  const headers: Headers = { ...base, 'Content-Length': String(Math.max(0, end - start + 1)) };
  if (range.kind === 'partial') headers['Content-Range'] = `bytes ${start}-${end}/${st.size}`;
  return { status: range.kind === 'partial' ? 206 : 200, headers, file: real, start, end, body: opts.method !== 'HEAD' };
}

/** The plan as a web Response; the bytes stream from disk, so a 2 GB take costs no memory. */
export function toResponse(plan: FilePlan): Response {
  if (!('file' in plan) || !plan.body || plan.end < plan.start) {
    return new Response(null, { status: plan.status, headers: plan.headers });
  }
  const stream = Readable.toWeb(createReadStream(plan.file, { start: plan.start, end: plan.end })) as ReadableStream<Uint8Array>;
  return new Response(stream, { status: plan.status, headers: plan.headers });
}

/** The part of Electron's `protocol` the handlers use, so these modules load without Electron. */
export interface ProtocolLike {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}
