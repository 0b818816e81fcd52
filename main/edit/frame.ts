// Frames out of a render with ffmpeg, at the clip's full size. A frame kept as a reference is a
// PNG (lossless: a mask painted over it and the frame sent as a first frame must match the clip
// pixel for pixel). A frame only looked at while the user picks one (scrubbing the inpaint
// slider) is a preview: JPEG bytes handed back, nothing stored, so the frames stopped on but not
// chosen leave nothing behind in the library; the chosen one becomes a reference on submit.
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '../core.js';
import type { EditFrame, EditFramePreview } from '../../shared/channels/edit.js';
import type { ReferenceRole } from '../../shared/domain.js';
import { ContractError } from '../../shared/errors.js';
import { mediaPath } from '../store/layout.js';
import { runTool } from '../store/run-tool.js';
import { pngSize, jpegSize } from './mask.js';
import { addStillReference } from './still-reference.js';

type FrameAt = 'first' | 'last' | number;

const CODEC_ARGS = {
  png: ['-c:v', 'png'],
  // Full-range 4:2:0, quality 3 of 31: a few hundred KB for a 4K frame, plenty to paint over.
  jpeg: ['-c:v', 'mjpeg', '-pix_fmt', 'yuvj420p', '-q:v', '3'],
} as const;

/**
 * The ffmpeg arguments for one frame. The last frame is found by decoding the final second and
 * keeping the last picture written (`-update 1`): seeking to duration − 1 frame misses on clips
 * whose last timestamp is not where the container says.
 */
export function frameArgs(input: string, output: string, at: FrameAt, format: keyof typeof CODEC_ARGS = 'png'): string[] {
  const head = ['-v', 'error', '-nostdin', '-y'];
  if (at === 'last') return [...head, '-sseof', '-1', '-i', input, '-an', '-update', '1', '-f', 'image2', ...CODEC_ARGS[format], output];
  const seek = at === 'first' || at <= 0 ? [] : ['-ss', (at / 1000).toFixed(3)];
  return [...head, ...seek, '-i', input, '-an', '-frames:v', '1', '-f', 'image2', ...CODEC_ARGS[format], output];
}

interface FrameSource { title: string; projectId: number | null; input: string; atMs: number; what: string }

/** The render's video file and where in it `at` is; a clear error for a bad render or time. */
function frameSource(core: Core, renderId: number, at: FrameAt): FrameSource {
  const row = core.db
    .prepare(
      `SELECT r.title, r.project_id, a.sha256, a.ext, a.kind, a.duration_ms, a.storage, a.external_path
       FROM renders r JOIN assets a ON a.id = r.asset_id WHERE r.id = ?`,
    )
    .get(renderId) as
    | { title: string; project_id: number | null; sha256: string; ext: string; kind: string; duration_ms: number | null; storage: string; external_path: string | null }
    | undefined;
  if (!row) throw new ContractError('not_found', `There is no render ${renderId}.`, [{ field: 'renderId', message: 'no such render' }]);
  if (row.kind !== 'video') throw new ContractError('validation', `Render ${renderId} is not a video; there is no frame to take.`, [{ field: 'renderId', message: 'not a video' }]);
  if (typeof at === 'number' && row.duration_ms !== null && at > row.duration_ms) {
    throw new ContractError('validation', `The clip is ${row.duration_ms} ms long; there is no frame at ${at} ms.`, [{ field: 'at', message: 'past the end of the clip' }]);
  }
  const input = row.storage === 'external' && row.external_path ? row.external_path : mediaPath(core.layout, row.sha256, row.ext);
  const atMs = at === 'first' ? 0 : at === 'last' ? Math.max(0, row.duration_ms ?? 0) : at;
  const what = at === 'first' ? 'First frame' : at === 'last' ? 'Last frame' : `Frame at ${(atMs / 1000).toFixed(2)} s`;
  return { title: row.title, projectId: row.project_id, input, atMs, what };
}

/** Runs ffmpeg for one frame into a temporary file, hands it to `use`, then removes it. */
async function withFrameFile<T>(core: Core, src: FrameSource, at: FrameAt, format: keyof typeof CODEC_ARGS, use: (file: string) => Promise<T>): Promise<T> {
  const out = path.join(core.layout.tmp, `frame-${randomBytes(8).toString('hex')}.${format === 'png' ? 'png' : 'jpg'}`);
  try {
    await core.pool(() => runTool(core.tools.ffmpeg, frameArgs(src.input, out, at, format), { timeoutMs: 120_000 }));
    return await use(out);
  } finally {
    await rm(out, { force: true });
  }
}

/** The frame as a library reference (the same content is the same reference). */
export async function extractFrame(core: Core, renderId: number, at: FrameAt, role: ReferenceRole): Promise<EditFrame> {
  const src = frameSource(core, renderId, at);
  return withFrameFile(core, src, at, 'png', async (file) => {
    const still = await addStillReference(core, file, { title: `${src.what} of ${src.title}`, origin: `frame of render ${renderId}`, role, projectId: src.projectId });
    return { ...still, atMs: src.atMs };
  });
}

/** The frame to look at only: its bytes and size, nothing added to the library. */
export async function previewFrame(core: Core, renderId: number, at: FrameAt): Promise<EditFramePreview> {
  const src = frameSource(core, renderId, at);
  return withFrameFile(core, src, at, 'jpeg', async (file) => {
    const bytes = await readFile(file);
    const size = jpegSize(bytes) ?? pngSize(bytes);
    if (!size) throw new ContractError('validation', `ffmpeg gave no readable frame at ${src.atMs} ms of render ${renderId}.`, [{ field: 'at', message: 'no frame there' }]);
    return { atMs: src.atMs, width: size.width, height: size.height, jpegBase64: bytes.toString('base64') };
  });
}
