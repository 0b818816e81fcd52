// Real media for tests, made with the same ffmpeg the app uses. Nothing is checked in: each test
// builds the clips it needs in its own temp folder.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { resolveMediaTools } from '../../main/store/tools.js';

export const tools = resolveMediaTools();

export interface ClipSpec {
  width?: number;
  height?: number;
  fps?: number;
  seconds?: number;
  /** lavfi source; testsrc draws a moving pattern so sprite frames differ. */
  source?: string;
}

export function makeClip(file: string, spec: ClipSpec = {}): string {
  const { width = 320, height = 240, fps = 24, seconds = 2, source = 'testsrc' } = spec;
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync(tools.ffmpeg, [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', `${source}=size=${width}x${height}:rate=${fps}:duration=${seconds}`,
    '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-preset', 'ultrafast', file,
  ]);
  return file;
}

export function makeImage(file: string, width = 1280, height = 720): string {
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync(tools.ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc=size=${width}x${height}`, '-frames:v', '1', file]);
  return file;
}

export function makeAudio(file: string, seconds = 1): string {
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync(tools.ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`, file]);
  return file;
}

/**
 * A motion-brush mask: black, with one white (painted) box. The box is given as the user sees
 * the image: fractions of width and height from the TOP-left.
 */
export function makeMask(file: string, width: number, height: number, box: { x: number; y: number; w: number; h: number }): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const px = (f: number, n: number) => Math.round(f * n);
  execFileSync(tools.ffmpeg, [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', `color=c=black:s=${width}x${height}`,
    '-vf', `drawbox=x=${px(box.x, width)}:y=${px(box.y, height)}:w=${px(box.w, width)}:h=${px(box.h, height)}:color=white:t=fill,format=gray`,
    '-frames:v', '1', file,
  ]);
  return file;
}

/**
 * A distinct, still valid MP4 from one real clip's bytes: a `free` box with a unique payload
 * appended. Thousands of different files for the price of one ffmpeg run.
 */
export function clipVariant(base: Buffer, i: number, tag = 'test'): Buffer {
  const payload = Buffer.from(`dailies-${tag}-${i}`);
  const box = Buffer.alloc(8 + payload.length);
  box.writeUInt32BE(box.length, 0);
  box.write('free', 4, 'latin1');
  payload.copy(box, 8);
  return Buffer.concat([base, box]);
}
