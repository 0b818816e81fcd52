// Writing a hand-off file for an editor: OTIO, OTIOZ (OTIO with the media), CMX 3600 EDL, FCPXML,
// or the CSV cost report. Written under a temp name beside the destination and renamed when
// complete, never over an existing file. A cancel (the signal) stops the write and leaves nothing
// behind: an .otioz copies every take's media, which can take minutes, so it reports its progress
// (bytes and files copied, throttled by the bundles' ProgressMeter) for the dialog's bar.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import '../bundles/zip-crc.js';
import type { Db } from '../catalogue/open.js';
import type { LibraryLayout } from '../store/layout.js';
import { BundleError, cancelled, throwIfAborted } from '../bundles/errors.js';
import { ProgressMeter, type BundleProgress } from '../bundles/progress.js';
import { handoffTimeline, type HandoffSelection, type HandoffTimeline } from './clips.js';
import { csvText } from './csv.js';
import { edlText } from './edl.js';
import { fcpxmlText } from './fcpxml.js';
import { otioText } from './otio.js';

export const HANDOFF_FORMATS = ['otio', 'otioz', 'edl', 'fcpxml', 'csv'] as const;
export type HandoffFormat = (typeof HANDOFF_FORMATS)[number];

export interface HandoffResult {
  destination: string;
  format: HandoffFormat;
  clips: number;
  totalCostCredits: number;
  /** The timeline's frame rate (its first clip's); EDL record timecodes count at it. */
  fps: number;
  /** The clips' own frame rates, distinct, in order; each clip keeps its rate in its source range. */
  clipRates: number[];
}

async function writeOtioz(
  file: string, t: HandoffTimeline, signal: AbortSignal | undefined, onProgress: ((p: BundleProgress) => void) | undefined,
): Promise<void> {
  const zip = new yazl.ZipFile();
  const mediaName = (c: HandoffTimeline['clips'][number]) => `media/${c.sha256}.${c.ext}`;
  zip.addBuffer(Buffer.from('1.0.0\n'), 'version.txt');
  zip.addBuffer(Buffer.from(otioText(t, mediaName)), 'content.otio', { compress: true });
  const unique = [...new Map(t.clips.map((c) => [c.sha256, c])).values()];
  const sizes = await Promise.all(unique.map((c) => stat(c.file).then((st) => st.size)));
  const meter = new ProgressMeter('export', sizes.reduce((a, b) => a + b, 0), unique.length, onProgress);
  meter.phase('export');
  for (const c of unique) {
    zip.addReadStreamLazy(mediaName(c), { compress: false }, (cb) => {
      const read = createReadStream(c.file);
      meter.file(c.name);
      read.on('data', (chunk) => meter.bytes(chunk.length));
      read.on('end', () => meter.file(c.name, true));
      cb(null, read);
    });
  }
  zip.end();
  await pipeline(zip.outputStream as Readable, createWriteStream(file, { flags: 'wx' }), ...(signal ? [{ signal }] : []));
}

export async function writeHandoff(
  ctx: { db: Db; layout: LibraryLayout }, format: HandoffFormat, sel: HandoffSelection, destination: string, signal?: AbortSignal,
  /** How far an .otioz's media copy is (the text formats are written at once). */
  onProgress?: (p: BundleProgress) => void,
): Promise<HandoffResult> {
  throwIfAborted(signal);
  const dest = path.resolve(destination);
  if (await stat(dest).catch(() => null)) throw new BundleError('destination_exists', `${dest} already exists; choose a new name so nothing is overwritten.`);
  const t = handoffTimeline(ctx.db, ctx.layout, sel);
  await mkdir(path.dirname(dest), { recursive: true });
  const partial = `${dest}.partial`;
  await rm(partial, { force: true });
  try {
    if (format === 'otioz') await writeOtioz(partial, t, signal, onProgress);
    else {
      const text = format === 'otio' ? otioText(t) : format === 'edl' ? edlText(t) : format === 'fcpxml' ? fcpxmlText(t) : csvText(t);
      await writeFile(partial, text, { flag: 'wx', ...(signal ? { signal } : {}) });
    }
    throwIfAborted(signal);
    await rename(partial, dest);
  } catch (err) {
    await rm(partial, { force: true });
    throw signal?.aborted ? cancelled() : err;
  }
  const clipRates = [...new Set(t.clips.map((c) => c.fps))];
  return {
    destination: dest, format, clips: t.clips.length, totalCostCredits: t.clips.reduce((n, c) => n + c.costCredits, 0),
    fps: t.clips[0]?.fps ?? 24, clipRates,
  };
}
