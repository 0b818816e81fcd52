// A folder like the ones users import: real H.264 clips made with the ffmpeg the app ships
// with, a subfolder, a reference image, and the things that must not break an import (an empty
// .mp4 and a text file).
import { execFile } from 'node:child_process';
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const ffmpegPath = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;

export interface Clip {
  /** Path relative to the folder. */
  file: string;
  title: string;
  width: number;
  height: number;
  fps: number;
  seconds: number;
}

export const CLIPS: readonly Clip[] = [
  { file: 'golden_hour_take1.mp4', title: 'golden_hour_take1.mp4', width: 320, height: 240, fps: 25, seconds: 2 },
  { file: 'night_market_take2.mp4', title: 'night_market_take2.mp4', width: 426, height: 240, fps: 30, seconds: 3 },
  { file: 'rerolls/rain_alley_take3.mp4', title: 'rain_alley_take3.mp4', width: 256, height: 144, fps: 24, seconds: 1.5 },
];
export const REFERENCE_IMAGE = 'hero_reference.png';
export const BROKEN_CLIP = 'broken.mp4';
export const NOTES = 'notes.txt';
/** Every file in the folder: what the import's total counts. */
export const FILE_COUNT = CLIPS.length + 3;

async function ffmpeg(args: string[]): Promise<void> {
  await run(ffmpegPath, ['-v', 'error', '-nostdin', '-y', ...args], { timeout: 60_000 });
}

export async function makeClipFolder(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'rerolls'), { recursive: true });
  await Promise.all(
    CLIPS.map((c) =>
      ffmpeg([
        '-f', 'lavfi', '-i', `testsrc2=size=${c.width}x${c.height}:rate=${c.fps}:duration=${c.seconds}`,
        '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart',
        path.join(dir, c.file),
      ]),
    ),
  );
  await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=256x256:rate=1', '-frames:v', '1', path.join(dir, REFERENCE_IMAGE)]);
  await writeFile(path.join(dir, BROKEN_CLIP), '');
  await writeFile(path.join(dir, NOTES), 'Reroll the night market shot with a slower dolly.\n');
}

/** A take with a sound track (H.264 + AAC), as generators with audio deliver them. */
export async function makeClipWithSound(file: string, seconds = 2, frequency = 440): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await ffmpeg([
    '-f', 'lavfi', '-i', `testsrc2=size=320x240:rate=24:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=${frequency}:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', '-movflags', '+faststart',
    file,
  ]);
}

/** More takes than one page (the grid asks for 120 at a time): `count` short clips in one ffmpeg run. */
export async function makeManyClips(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const segment = 0.2;
  // One source cut into keyframe-aligned segments: every file is a real, distinct H.264 clip
  // (the burnt-in timecode differs), made in well under a second.
  await ffmpeg([
    '-f', 'lavfi', '-i', `testsrc2=size=128x72:rate=10:duration=${count * segment}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
    '-force_key_frames', `expr:gte(t,n_forced*${segment})`,
    '-f', 'segment', '-segment_time', String(segment), '-reset_timestamps', '1', '-segment_format', 'mp4',
    path.join(dir, 'take_%03d.mp4'),
  ]);
}

/**
 * One clip written the way a browser downloads it: under a partial name (`.crdownload`) in the
 * same folder, then renamed to `file` once complete.
 */
export async function downloadClip(file: string, opts: { width?: number; height?: number; seconds?: number; colour?: string } = {}): Promise<void> {
  const { width = 192, height = 108, seconds = 1, colour } = opts;
  const partial = `${file}.crdownload`;
  const source = colour ? `color=c=${colour}:size=${width}x${height}:rate=25:duration=${seconds}` : `testsrc2=size=${width}x${height}:rate=25:duration=${seconds}`;
  await ffmpeg([
    '-f', 'lavfi', '-i', source,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', '-f', 'mp4',
    partial,
  ]);
  await rename(partial, file);
}

/**
 * A clip copied into `file` under its final name by a slow writer (a large file from a network
 * share): a few bytes at a time, every 150 ms, until `finish()` writes the rest. Until then its
 * size keeps changing, so the watcher must keep waiting for it.
 */
export async function startSlowCopy(file: string): Promise<{ finish(): Promise<void> }> {
  const made = `${path.dirname(file)}.${path.basename(file)}.source.mp4`;
  await ffmpeg([
    '-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=25:duration=1',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', made,
  ]);
  const bytes = await readFile(made);
  await rm(made);
  let at = 64;
  await writeFile(file, bytes.subarray(0, at));
  let writing = Promise.resolve();
  const timer = setInterval(() => {
    const next = Math.min(at + 16, bytes.length - 1);
    const chunk = bytes.subarray(at, next);
    at = next;
    writing = writing.then(() => appendFile(file, chunk));
  }, 150);
  // Once only: the spec finishes it in its body and again in `finally`, and a second append of
  // the tail made a file ffmpeg refuses whenever the tail began on a box boundary inside the
  // moov ("Multiple mdhd") — the CI flake where the late clip failed as damaged.
  let finished: Promise<void> | null = null;
  return {
    finish() {
      finished ??= (async () => {
        clearInterval(timer);
        await writing;
        await appendFile(file, bytes.subarray(at));
      })();
      return finished;
    },
  };
}

/** What a reference folder holds: faces and a banner at telling sizes, a source video, a line of audio. */
export const REFERENCE_FILES = {
  heroFace: { file: 'hero_face.png', width: 1280, height: 960 },
  smallFace: { file: 'small_face.jpg', width: 800, height: 600 },
  banner: { file: 'banner.png', width: 1600, height: 400 }, // 4:1, wider than Kling's 2.5:1
  plate: { file: 'street_plate.mp4', width: 320, height: 240 },
  line: { file: 'line_read.wav' },
} as const;

export async function makeReferenceFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const image = (f: { file: string; width: number; height: number }) =>
    ffmpeg(['-f', 'lavfi', '-i', `testsrc2=size=${f.width}x${f.height}:rate=1`, '-frames:v', '1', path.join(dir, f.file)]);
  const { heroFace, smallFace, banner, plate, line } = REFERENCE_FILES;
  await Promise.all([
    image(heroFace),
    image(smallFace),
    image(banner),
    ffmpeg([
      '-f', 'lavfi', '-i', `testsrc2=size=${plate.width}x${plate.height}:rate=24:duration=1`,
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', path.join(dir, plate.file),
    ]),
    ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=330:duration=1', path.join(dir, line.file)]),
  ]);
}
