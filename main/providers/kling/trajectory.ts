// Motion-brush trajectories. The app stores points as the user drew them: normalized 0..1 with
// the origin at the TOP-LEFT (screen convention). Kling wants integer pixels of the first-frame
// image with the origin at the BOTTOM-LEFT, so y flips.
import type { NormalizedPoint } from '../../../shared/generation.js';

export interface KlingPoint {
  x: number;
  y: number;
}

export function toKlingPoint(p: NormalizedPoint, width: number, height: number): KlingPoint {
  return { x: Math.round(p.x * width), y: Math.round((1 - p.y) * height) };
}

export function toKlingTrajectory(points: readonly NormalizedPoint[], width: number, height: number): KlingPoint[] {
  return points.map((p) => toKlingPoint(p, width, height));
}
