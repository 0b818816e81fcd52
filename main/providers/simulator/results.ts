// Result files under /results/<video id>.mp4, the way a CDN serves them: Content-Length,
// Range (206), and a lifetime after which the URL is gone (410). Three download faults live here:
// an expired URL before its time, a body cut short of its Content-Length, and one that stalls
// half-way. Providers whose
// files come from an authenticated API route (Sora's content, Veo's file download) stream them
// with serveVideo after their own auth check.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseRange } from '../../store/byte-range.js';
import type { FaultRule } from './faults.js';
import type { SimVideo, SimulatorState } from './state.js';

export const RESULT_PATH_RE = /^\/results\/([0-9a-f-]{36})\.mp4$/;

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) }).end(text);
}

export async function serveResult(req: IncomingMessage, res: ServerResponse, pathname: string, state: SimulatorState, fault: FaultRule | null): Promise<void> {
  const id = RESULT_PATH_RE.exec(pathname)?.[1];
  return serveVideo(req, res, (id ? state.videos.get(id) : undefined) ?? null, fault);
}

/** Streams one result file: 404 unknown, 410 expired, Range, and the download faults. */
export async function serveVideo(
  req: IncomingMessage,
  res: ServerResponse,
  video: SimVideo | null,
  fault: FaultRule | null,
  gone: (res: ServerResponse, expired: boolean) => void = (r, expired) => (expired ? plain(r, 410, 'This result URL has expired.') : plain(r, 404, 'No such result.')),
): Promise<void> {
  if (!video) return gone(res, false);
  if (fault?.fault === 'expired_url' || Date.now() >= video.expiresAt) return gone(res, true);
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
  // Stalled: the same half, then the connection stays open with nothing more on it, so a test
  // can act (cancel) while a download is surely in progress; closing the simulator ends it.
  const cut = fault?.fault === 'truncated_download' || fault?.fault === 'stalled_download';
  const last = cut ? start + Math.max(0, Math.floor(length / 2) - 1) : end;
  const stream = createReadStream(video.file, { start, end: last });
  stream.pipe(res, { end: !cut });
  if (fault?.fault === 'truncated_download') stream.on('end', () => res.destroy());
  stream.on('error', () => res.destroy());
}
