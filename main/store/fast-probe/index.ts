// Media facts without a process per file: MP4/MOV and the common still formats are read
// in-process; everything else, and any file the fast readers are unsure of, goes to ffprobe.
// Both paths end in interpretProbe, so a take's facts and a refusal's wording are the same
// whichever read it. Whether the file decodes is not known here: the poster step checks that.
import type { MediaKind, ProbeData } from '../../../shared/domain.js';
import { formatTags, interpretProbe, NotMediaError, probeWithTags, type FfprobeOutput } from '../probe.js';
import { probeImage } from './image.js';
import { probeMp4 } from './mp4.js';

const MP4_EXTS = new Set(['mp4', 'm4v', 'mov']);
const IMAGE_EXTS = new Set(['png', 'jpg', 'jpeg', 'webp', 'gif']);

export interface MediaFacts {
  data: ProbeData;
  tags: Record<string, string>;
  /** Which reader gave the facts (tests and the benchmark look). */
  via: 'fast' | 'ffprobe';
}

/** The in-process reading alone: null when the file is not one it reads with confidence. */
export async function probeFast(file: string, ext: string, expected: MediaKind): Promise<{ data: ProbeData; tags: Record<string, string> } | null> {
  let out: FfprobeOutput | null = null;
  try {
    if (expected === 'video' && MP4_EXTS.has(ext)) out = await probeMp4(file);
    else if (expected === 'image' && IMAGE_EXTS.has(ext)) out = await probeImage(file, ext);
  } catch {
    return null; // unreadable to the fast path: ffprobe says why
  }
  if (!out) return null;
  try {
    return { data: interpretProbe(out, expected), tags: formatTags(out) };
  } catch (err) {
    if (err instanceof NotMediaError) return null; // refusals are worded by ffprobe's reading
    throw err;
  }
}

/**
 * Facts for `file`: in-process where possible, else ffprobe through `runFfprobe` (the caller's
 * process pool). Throws NotMediaError for a file that is not the media its extension says.
 */
export async function probeMedia(
  ffprobe: string, file: string, ext: string, expected: MediaKind,
  runFfprobe: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn(),
): Promise<MediaFacts> {
  const fast = await probeFast(file, ext, expected);
  if (fast) return { ...fast, via: 'fast' };
  return { ...(await runFfprobe(() => probeWithTags(ffprobe, file, expected))), via: 'ffprobe' };
}
