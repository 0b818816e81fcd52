// PNG, JPEG, WebP and GIF facts read in-process with image-size from the file's first bytes,
// named as ffprobe names them. Animated PNG/WebP (which ffprobe reads as other formats, or not
// at all) and content that is not what its extension says return null: ffprobe decides those.
import { open } from 'node:fs/promises';
import { imageSize } from 'image-size';
import type { FfprobeOutput } from '../probe.js';

const HEAD_BYTES = 512 * 1024;
const FFPROBE_FIRST_PROBE = 2048;

// image-size's type → ffprobe's format_name and codec_name. ffprobe names a JPEG by its
// extension (image2) unless the whole file fits its first probe (see probeImage).
const FORMATS: Record<string, { format: string; codec: string; exts: string[] }> = {
  png: { format: 'png_pipe', codec: 'png', exts: ['png'] },
  jpg: { format: 'image2', codec: 'mjpeg', exts: ['jpg', 'jpeg'] },
  webp: { format: 'webp_pipe', codec: 'webp', exts: ['webp'] },
  gif: { format: 'gif', codec: 'gif', exts: ['gif'] },
};

/** An APNG carries acTL before its first IDAT; ffprobe calls it apng. */
function isAnimatedPng(b: Buffer): boolean {
  for (let at = 8; at + 8 <= b.length;) {
    const len = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    if (type === 'acTL') return true;
    if (type === 'IDAT') return false;
    at += 12 + len;
  }
  return true; // header chunks beyond what was read: not sure, so not fast
}

/** VP8X with the animation flag: ffmpeg's WebP decoder does not read those. */
function isAnimatedWebp(b: Buffer): boolean {
  return b.length >= 21 && b.toString('latin1', 12, 16) === 'VP8X' && (b[20]! & 0x02) !== 0;
}

export async function probeImage(file: string, ext: string): Promise<FfprobeOutput | null> {
  const fh = await open(file, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(head);
  } catch {
    return null;
  }
  const f = size.type ? FORMATS[size.type] : undefined;
  if (!f || !f.exts.includes(ext) || !size.width || !size.height) return null;
  if (size.type === 'png' && isAnimatedPng(head)) return null;
  if (size.type === 'webp' && isAnimatedWebp(head)) return null;
  // A JPEG small enough to end inside ffprobe's first 2 KiB probe is called jpeg_pipe instead.
  if (size.type === 'jpg' && head.length <= FFPROBE_FIRST_PROBE) return null;
  return {
    streams: [{ codec_type: 'video', codec_name: f.codec, width: size.width, height: size.height }],
    format: { format_name: f.format, tags: {} },
  };
}
