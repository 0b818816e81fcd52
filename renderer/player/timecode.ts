// Time as editors read it: hours:minutes:seconds:frames at the clip's frame rate.

/** The frame a time falls in (a hair of tolerance: 2/24 s is frame 2, not 1.9999). */
export function frameAt(seconds: number, fps: number): number {
  return Math.floor(seconds * fps + 1e-3);
}

export function timecode(seconds: number, fps: number): string {
  const rate = Math.max(1, Math.round(fps));
  const total = frameAt(Math.max(0, seconds), fps);
  const frames = total % rate;
  const s = Math.floor(total / rate);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}:${pad(frames)}`;
}

/** A frame rate worth stepping by: the probed one, else the common 24. */
export function usableFps(fps: number | null | undefined): number {
  return fps && Number.isFinite(fps) && fps > 1 && fps <= 240 ? fps : 24;
}
