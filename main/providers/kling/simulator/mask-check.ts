// Motion brush: Kling reads trajectory points as pixels of the first frame counted from its
// BOTTOM-left corner, and a region's path starts on the region. A client that sends screen
// (top-left) coordinates puts the start on the wrong side of the frame, and the real service
// animates the wrong thing without complaint. The simulator catches that: the first point of
// every trajectory must land on a painted (light) pixel of its mask when read bottom-left.
import { spawn } from 'node:child_process';
import { badParam } from './wire.js';
import { parseImage, type ImageInput } from './image-input.js';

/** The mask as 8-bit grey pixels at width × height (ffmpeg decodes png or jpg and scales). */
function greyPixels(ffmpeg: string, bytes: Buffer, width: number, height: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, ['-v', 'error', '-f', 'image2pipe', '-i', 'pipe:0', '-vf', `scale=${width}:${height}:flags=neighbor,format=gray`, '-frames:v', '1', '-f', 'rawvideo', 'pipe:1'], { windowsHide: true });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const pixels = Buffer.concat(out);
      if (code === 0 && pixels.length === width * height) resolve(pixels);
      else reject(new Error(err.trim() || `ffmpeg exited with ${code}`));
    });
    child.stdin.on('error', () => {});
    child.stdin.end(bytes);
  });
}

export interface MotionRegion {
  mask: ImageInput;
  /** As sent: pixels from the bottom-left of the first frame. */
  start: { x: number; y: number };
}

export async function checkTrajectoryStarts(ffmpeg: string, frame: { width: number; height: number }, regions: readonly MotionRegion[]): Promise<void> {
  const { width, height } = frame;
  for (const [i, { mask, start }] of regions.entries()) {
    if (mask.kind !== 'inline') continue; // a URL mask is fetched at render time; nothing to read here
    let pixels: Buffer;
    try {
      pixels = await greyPixels(ffmpeg, mask.bytes, width, height);
    } catch (err) {
      throw badParam(`dynamic_masks[${i}].mask`, `could not be decoded (${(err as Error).message})`);
    }
    const col = Math.min(width - 1, Math.max(0, Math.round(start.x)));
    const row = Math.min(height - 1, Math.max(0, height - 1 - Math.round(start.y)));
    if (pixels[row * width + col]! < 128) {
      throw badParam(
        `dynamic_masks[${i}].trajectories[0]`,
        `(${start.x}, ${start.y}) is not on the painted part of its mask. Points are pixels from the BOTTOM-left corner of the image, and a trajectory starts on its region`,
      );
    }
  }
}

/** For an image2video body that has already passed planImage2Video's checks. */
export async function checkMotionBrushBody(ffmpeg: string, body: Record<string, unknown>, rendered: { width: number; height: number }): Promise<void> {
  // Points are pixels of the first frame as sent (the same size planImage2Video bounds them by).
  const image = parseImage('image', body.image);
  const frame = image.kind === 'inline' ? image : rendered;
  const dynamic = Array.isArray(body.dynamic_masks) ? (body.dynamic_masks as { mask: unknown; trajectories: { x: number; y: number }[] }[]) : [];
  if (!dynamic.length) return;
  const regions = dynamic.map((d, i) => ({ mask: parseImage(`dynamic_masks[${i}].mask`, d.mask, { minSide: 1 }), start: d.trajectories[0]! }));
  await checkTrajectoryStarts(ffmpeg, frame, regions);
}
