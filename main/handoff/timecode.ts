// Time arithmetic for hand-offs. Frame rates are kept as rationals (24000/1001 for 23.976) so
// FCPXML gets exact frame durations, and timecodes count frames at the nominal integer rate, as
// non-drop-frame timecode does.
export interface Rate {
  /** Frame duration = den/num seconds; rate = num/den frames per second. */
  num: number;
  den: number;
}

const NTSC = [23.976, 29.97, 47.952, 59.94, 119.88];

/** 23.976 → 24000/1001, 25 → 25/1, 29.97 → 30000/1001. */
export function rateOf(fps: number): Rate {
  for (const n of NTSC) if (Math.abs(fps - n) < 0.01) return { num: Math.round(n * 1.001) * 1000, den: 1001 };
  if (Math.abs(fps - Math.round(fps)) < 0.01) return { num: Math.round(fps), den: 1 };
  return { num: Math.round(fps * 1000), den: 1000 };
}

export function nominalFps(fps: number): number {
  return Math.max(1, Math.round(fps));
}

/** HH:MM:SS:FF at the nominal rate (non-drop frame). */
export function timecode(frames: number, fps: number): string {
  const base = nominalFps(fps);
  const ff = frames % base;
  const totalSeconds = Math.floor(frames / base);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)}:${pad(ff)}`;
}

/** Frames at one rate expressed at another (for the record side of an EDL). */
export function convertFrames(frames: number, fromFps: number, toFps: number): number {
  return Math.max(1, Math.round((frames / fromFps) * toFps));
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** FCPXML rational seconds: `frames` frames of `rate` as "n/ds" (or "ns"), reduced. */
export function rationalSeconds(frames: number, rate: Rate): string {
  if (frames === 0) return '0s';
  let n = frames * rate.den;
  let d = rate.num;
  const g = gcd(n, d);
  n /= g;
  d /= g;
  return d === 1 ? `${n}s` : `${n}/${d}s`;
}
