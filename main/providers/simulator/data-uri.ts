// Inline inputs sent as data: URIs (Runway, MiniMax and fal take images and videos this way),
// decoded and checked so a simulated provider can refuse what the real one would.
import type { MediaRef } from './render-spec.js';
import { imageSize } from './image-size.js';

/** The decoded data URI, or an error message saying what is wrong with it. */
export function decodeDataUri(value: unknown, kind: 'image' | 'video'): { ref: MediaRef & { kind: 'inline' }; width: number | null; height: number | null } | string {
  if (typeof value !== 'string' || !value.startsWith('data:')) return `must be a data: URI (data:${kind}/…;base64,…)`;
  const m = /^data:([a-z]+)\/([a-z0-9.+-]+);base64,(.*)$/is.exec(value);
  if (!m) return 'is not a base64 data: URI';
  if (m[1]!.toLowerCase() !== kind) return `must be a ${kind} (got ${m[1]}/${m[2]})`;
  const bytes = Buffer.from(m[3]!, 'base64');
  if (bytes.length === 0) return 'is empty';
  if (kind === 'video') return { ref: { kind: 'inline', bytes, ext: 'mp4' }, width: null, height: null };
  const size = imageSize(bytes);
  if (!size) return 'is not a PNG or JPEG image';
  return { ref: { kind: 'inline', bytes, ext: size.ext }, width: size.width, height: size.height };
}
