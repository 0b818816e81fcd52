// Kling's documented limits for inline images (frames, masks, reference images): jpg/png,
// ≤ 10 MB, ≥ 300 px on each side, aspect between 1:2.5 and 2.5:1. Checked before sending so
// the user learns what to change without spending a request.
import path from 'node:path';
import type { ResolvedInput, ValidationProblem } from '../types.js';

export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;
export const IMAGE_MIN_SIDE = 300;
export const IMAGE_MAX_ASPECT = 2.5;
const IMAGE_MIMES = new Set(['image/jpeg', 'image/jpg', 'image/png']);

export function imageProblems(field: string, what: string, input: ResolvedInput): ValidationProblem[] {
  const name = `${what} "${path.basename(input.path)}"`;
  const out: ValidationProblem[] = [];
  if (!IMAGE_MIMES.has(input.mime.toLowerCase())) {
    out.push({ field, message: `${name} is ${input.mime}; Kling accepts only JPEG or PNG images: convert it` });
  }
  if (input.size > IMAGE_MAX_BYTES) {
    const mb = (input.size / 1024 / 1024).toFixed(1);
    out.push({ field, message: `${name} is ${mb} MB; Kling accepts at most 10 MB: save it smaller (e.g. as JPEG)` });
  }
  // Unknown dimensions are left to Kling rather than blocking a submit on missing probe data.
  const { width: w, height: h } = input;
  if (w !== null && h !== null) {
    if (w < IMAGE_MIN_SIDE || h < IMAGE_MIN_SIDE) {
      out.push({ field, message: `${name} is ${w}×${h} px; Kling needs at least ${IMAGE_MIN_SIDE} px on each side: use a larger image` });
    }
    const ratio = w / h;
    if (ratio > IMAGE_MAX_ASPECT || ratio < 1 / IMAGE_MAX_ASPECT) {
      out.push({ field, message: `${name} is ${w}×${h} px (aspect ${ratio.toFixed(2)}:1); Kling accepts 1:2.5 to 2.5:1: crop it` });
    }
  }
  return out;
}

/** Motion-brush masks must share the first frame's aspect ratio (Kling maps them onto it). */
export function sameAspect(a: ResolvedInput, b: ResolvedInput): boolean {
  if (a.width === null || a.height === null || b.width === null || b.height === null) return true;
  return Math.abs(a.width / a.height - b.width / b.height) <= 0.01 * (a.width / a.height);
}
