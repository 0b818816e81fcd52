// Frames out of a render with ffmpeg, at the clip's full size, as PNG (lossless: a mask painted
// over it and the frame sent as a first frame must match the clip pixel for pixel).
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '../core.js';
import type { EditFrame } from '../../shared/channels/edit.js';
import type { ReferenceRole } from '../../shared/domain.js';
import { ContractError } from '../../shared/errors.js';
import { mediaPath } from '../store/layout.js';
import { runTool } from '../store/run-tool.js';
import { addStillReference } from './still-reference.js';

/**
 * The ffmpeg arguments for one frame. The last frame is found by decoding the final second and
 * keeping the last picture written (`-update 1`): seeking to duration − 1 frame misses on clips
 * whose last timestamp is not where the container says.
 */
export function frameArgs(input: string, output: string, at: 'first' | 'last' | number): string[] {
  const head = ['-v', 'error', '-nostdin', '-y'];
  if (at === 'last') return [...head, '-sseof', '-1', '-i', input, '-an', '-update', '1', '-f', 'image2', '-c:v', 'png', output];
  const seek = at === 'first' || at <= 0 ? [] : ['-ss', (at / 1000).toFixed(3)];
  return [...head, ...seek, '-i', input, '-an', '-frames:v', '1', '-f', 'image2', '-c:v', 'png', output];
}

export async function extractFrame(core: Core, renderId: number, at: 'first' | 'last' | number, role: ReferenceRole): Promise<EditFrame> {
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
  const out = path.join(core.layout.tmp, `frame-${randomBytes(8).toString('hex')}.png`);
  try {
    await core.pool(() => runTool(core.tools.ffmpeg, frameArgs(input, out, at), { timeoutMs: 120_000 }));
    const atMs = at === 'first' ? 0 : at === 'last' ? Math.max(0, row.duration_ms ?? 0) : at;
    const what = at === 'first' ? 'First frame' : at === 'last' ? 'Last frame' : `Frame at ${(atMs / 1000).toFixed(2)} s`;
    const still = await addStillReference(core, out, { title: `${what} of ${row.title}`, origin: `frame of render ${renderId}`, role, projectId: row.project_id });
    return { ...still, atMs };
  } finally {
    await rm(out, { force: true });
  }
}
