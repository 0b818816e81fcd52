// Result files under /results/<video id>.mp4, the way a CDN serves them: Content-Length,
// Range (206), and a lifetime after which the URL is gone (410). Two download faults live here:
// an expired URL before its time, and a body cut short of its Content-Length.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseRange } from '../../store/byte-range.js';
import type { FaultRule } from './faults.js';
import type { SimulatorState } from './state.js';

export const RESULT_PATH_RE = /^\/results\/([0-9a-f-]{36})\.mp4$/;

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) }).end(text);
}

export async function serveResult(req: IncomingMessage, res: ServerResponse, pathname: string, state: SimulatorState, fault: FaultRule | null): Promise<void> {
  const id = RESULT_PATH_RE.exec(pathname)?.[1];
  const video = id ? state.videos.get(id) : undefined;
  if (!video) return plain(res, 404, 'No such result.');
  if (fault?.fault === 'expired_url' || Date.now() >= video.expiresAt) return plain(res, 410, 'This result URL has expired.');
  const size = (await stat(video.file)).size;
  const range = parseRange(req.headers.range, size);
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
    return;
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
  const length = end - start + 1;
  res.writeHead(range.kind === 'partial' ? 206 : 200, {
    'Content-Type': 'video/mp4',
    'Content-Length': length,
    'Accept-Ranges': 'bytes',
    ETag: `"${video.id}"`,
    ...(range.kind === 'partial' ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
  });
  if (req.method === 'HEAD') return void res.end();
  // Truncated: send about half of what Content-Length promised, then drop the connection.
  const last = fault?.fault === 'truncated_download' ? start + Math.max(0, Math.floor(length / 2) - 1) : end;
  const stream = createReadStream(video.file, { start, end: last });
  stream.pipe(res, { end: fault?.fault !== 'truncated_download' });
  if (fault?.fault === 'truncated_download') stream.on('end', () => res.destroy());
  stream.on('error', () => res.destroy());
}
