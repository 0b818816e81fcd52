import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseRange } from '../store/byte-range.js';
import { isInside } from '../store/layout.js';

/**
 * Sends a file that must lie inside `root` (checked on the real path, so a symlink cannot lead
 * out), honouring Range. Returns false when there is no such file, so the caller can 404.
 */
export async function sendFile(
  req: IncomingMessage, res: ServerResponse, root: string, file: string, mime: string,
  headers: Record<string, string> = {},
): Promise<boolean> {
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return false;
  }
  if (!isInside(await realpath(root).catch(() => root), real)) return false;
  const st = await stat(real).catch(() => null);
  if (!st?.isFile()) return false;

  const range = parseRange(req.headers.range, st.size);
  const base = { 'Content-Type': mime, 'Accept-Ranges': 'bytes', 'X-Content-Type-Options': 'nosniff', ...headers };
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...base, 'Content-Range': `bytes */${st.size}` }).end();
    return true;
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, st.size - 1];
  res.writeHead(range.kind === 'partial' ? 206 : 200, {
    ...base,
    'Content-Length': String(Math.max(0, end - start + 1)),
    ...(range.kind === 'partial' ? { 'Content-Range': `bytes ${start}-${end}/${st.size}` } : {}),
  });
  if (req.method === 'HEAD' || st.size === 0) {
    res.end();
    return true;
  }
  await pipeline(createReadStream(real, { start, end }), res).catch(() => {
    // The player closed the connection mid-stream (a seek); nothing to report.
  });
  return true;
}

export const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function staticType(file: string): string | null {
  return STATIC_TYPES[path.extname(file).toLowerCase()] ?? null;
}
