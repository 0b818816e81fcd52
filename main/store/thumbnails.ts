// Poster frames and hover-scrub sprite strips, made with ffmpeg into a temp name and renamed,
// so a crash never leaves a half-written JPEG under its final name.
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { runTool } from './run-tool.js';

export const POSTER_WIDTH = 480;
export const SPRITE_FRAME_WIDTH = 160;
export const SPRITE_FRAMES = 10;

async function viaTemp(tmpDir: string, dest: string, make: (tmp: string) => Promise<void>): Promise<void> {
  await mkdir(path.dirname(dest), { recursive: true });
  const tmp = path.join(tmpDir, `${randomBytes(8).toString('hex')}.jpg`);
  try {
    await make(tmp);
    await rename(tmp, dest);
  } finally {
    await rm(tmp, { force: true });
  }
}

/** One frame a quarter of the way in (past fades from black), at most POSTER_WIDTH wide. */
export async function makePoster(
  ffmpeg: string, input: string, dest: string, tmpDir: string, durationMs: number | null,
): Promise<void> {
  const at = durationMs ? Math.min(1, (durationMs / 1000) * 0.25) : 0;
  await viaTemp(tmpDir, dest, (tmp) =>
    runTool(ffmpeg, [
      '-v', 'error', '-nostdin', '-y', ...(at > 0 ? ['-ss', at.toFixed(3)] : []), '-i', input,
      '-frames:v', '1', '-vf', `scale='min(${POSTER_WIDTH},iw)':-2`, '-q:v', '4', tmp,
    ], { timeoutMs: 120_000 }).then(() => undefined),
  );
}

/**
 * SPRITE_FRAMES frames spread evenly over the clip, tiled left to right in one JPEG; the grid
 * shows frame i when the pointer is i/SPRITE_FRAMES of the way across a tile.
 */
export async function makeSprite(
  ffmpeg: string, input: string, dest: string, tmpDir: string, durationMs: number,
): Promise<number> {
  const fps = SPRITE_FRAMES / Math.max(durationMs / 1000, 0.1);
  await viaTemp(tmpDir, dest, (tmp) =>
    runTool(ffmpeg, [
      '-v', 'error', '-nostdin', '-y', '-i', input, '-an',
      '-vf', `fps=${fps.toFixed(6)},scale=${SPRITE_FRAME_WIDTH}:-2,tile=${SPRITE_FRAMES}x1`,
      '-frames:v', '1', '-q:v', '5', tmp,
    ], { timeoutMs: 300_000 }).then(() => undefined),
  );
  return SPRITE_FRAMES;
}
