// How numbers read in the library: short, unambiguous, and the same in the grid and the panel.

/** 2 040 ms → "0:02.04"; an hour or more → "1:02:03". */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const totalCs = Math.round(ms / 10);
  const cs = totalCs % 100;
  const totalS = Math.floor(totalCs / 100);
  const s = totalS % 60;
  const m = Math.floor(totalS / 60) % 60;
  const h = Math.floor(totalS / 3600);
  const ss = String(s).padStart(2, '0');
  if (h > 0) return `${h}:${String(m).padStart(2, '0')}:${ss}`;
  return `${m}:${ss}.${String(cs).padStart(2, '0')}`;
}

/** Tile badge: whole seconds are enough at a glance. */
export function formatShortDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '';
  const totalS = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(totalS / 3600);
  const m = Math.floor(totalS / 60) % 60;
  const ss = String(totalS % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function formatResolution(width: number | null, height: number | null): string {
  return width && height ? `${width} × ${height}` : '—';
}

/** 25 → "25 fps", 29.97002997 → "29.97 fps". */
export function formatFps(fps: number | null): string {
  if (fps === null || !Number.isFinite(fps) || fps <= 0) return '—';
  return `${Number(fps.toFixed(2))} fps`;
}

/** Credits as people read them: 1.5, 35, 0.25 (two decimals at most). */
export function formatCredits(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
