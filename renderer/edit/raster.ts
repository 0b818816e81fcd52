// Pixel conversions for the mask painter and the motion brush. Pure functions over plain arrays,
// so they are unit-tested without a browser; the components only move pixels through them.
import type { NormalizedPoint } from '../../shared/generation.js';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/**
 * A pointer position over a drawn image, as normalized image coordinates: 0..1, origin at the
 * image's TOP-LEFT (screen convention; adapters convert, e.g. Kling flips y to the bottom-left).
 * Positions just outside the box (a stroke leaving the image) are clamped to its edge.
 */
export function toNormalized(clientX: number, clientY: number, box: Box): NormalizedPoint {
  return { x: clamp01((clientX - box.left) / box.width), y: clamp01((clientY - box.top) / box.height) };
}

/** The pixel of a `width`×`height` image under a normalized point. */
export function toPixel(p: NormalizedPoint, width: number, height: number): { x: number; y: number } {
  return { x: p.x * width, y: p.y * height };
}

/**
 * The painted layer (RGBA, paint where alpha is set) as the mask the provider gets: opaque white
 * where painted, opaque black elsewhere; `invert` swaps them ("everything but what I painted").
 * Anti-aliased stroke edges are decided at half coverage so the mask is strictly two-valued.
 */
export function binaryMask(painted: Uint8ClampedArray, invert: boolean): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(painted.length);
  for (let i = 0; i < painted.length; i += 4) {
    const on = (painted[i + 3]! >= 128) !== invert;
    const v = on ? 255 : 0;
    out[i] = v;
    out[i + 1] = v;
    out[i + 2] = v;
    out[i + 3] = 255;
  }
  return out;
}

/** Share of the image a mask covers (0..1): the painter shows it, and an empty mask is refused. */
export function coverage(mask: Uint8ClampedArray): number {
  let on = 0;
  const n = mask.length / 4;
  for (let i = 0; i < mask.length; i += 4) if (mask[i]! >= 128) on++;
  return n === 0 ? 0 : on / n;
}

/** Kling takes 2–77 trajectory points. */
export const TRAJECTORY_MAX_POINTS = 77;
export const TRAJECTORY_MIN_POINTS = 2;

/**
 * Adds a dragged point to a trajectory unless it is closer than `minStep` (normalized) to the
 * previous one; past the limit the path is thinned to every other point, so a long drag keeps its
 * whole shape rather than stopping short.
 */
export function addTrajectoryPoint(path: readonly NormalizedPoint[], p: NormalizedPoint, minStep = 0.01): NormalizedPoint[] {
  const last = path[path.length - 1];
  if (last && Math.hypot(p.x - last.x, p.y - last.y) < minStep) return [...path];
  return capped([...path, p]);
}

/** The pointer's release point always ends the path (it may have been skipped as too close). */
export function endTrajectory(path: readonly NormalizedPoint[], p: NormalizedPoint): NormalizedPoint[] {
  const last = path[path.length - 1];
  if (last && last.x === p.x && last.y === p.y) return [...path];
  if (path.length >= 2 && last && Math.hypot(p.x - last.x, p.y - last.y) < 0.01) return [...path.slice(0, -1), p];
  return capped([...path, p]);
}

function capped(next: NormalizedPoint[]): NormalizedPoint[] {
  if (next.length <= TRAJECTORY_MAX_POINTS) return next;
  return next.filter((_, i) => i % 2 === 0 || i === next.length - 1);
}

/** Raw base64 of a data: URL (the core takes PNG bytes without the prefix, as Kling does). */
export function dataUrlBase64(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:') || comma < 0) throw new Error('not a data: URL');
  return dataUrl.slice(comma + 1);
}
