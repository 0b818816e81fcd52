// Image inputs as Kling takes them: an http(s) URL, or raw base64 (no `data:` prefix). Inline
// images are checked at create the way the service documents: jpg/png, ≤ 10 MB, ≥ 300 px,
// aspect 1:2.5–2.5:1. URL images are fetched later, when the clip is rendered.
import { badParam } from './wire.js';
import { imageSize } from '../../simulator/image-size.js';

export { imageSize };

export type ImageInput =
  | { kind: 'inline'; bytes: Buffer; ext: 'png' | 'jpg'; width: number; height: number }
  | { kind: 'url'; url: string };

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const BASE64_RE = /^[A-Za-z0-9+/]+={0,2}$/;

export function parseUrl(field: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badParam(field, 'is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badParam(field, 'must be an http(s) URL');
  return url;
}

export function parseImage(field: string, value: unknown, opts: { minSide?: number } = {}): ImageInput {
  if (typeof value !== 'string' || !value) throw badParam(field, 'must be an image URL or raw base64 image data');
  if (/^https?:\/\//i.test(value)) return { kind: 'url', url: parseUrl(field, value).href };
  if (value.startsWith('data:')) throw badParam(field, 'base64 images must be sent raw, without a "data:" prefix');
  const compact = value.replace(/\s+/g, '');
  if (!BASE64_RE.test(compact)) throw badParam(field, 'is neither an http(s) URL nor valid base64');
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > MAX_IMAGE_BYTES) throw badParam(field, `image is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is 10 MB`);
  const size = imageSize(bytes);
  if (!size) throw badParam(field, 'image must be a JPG or PNG');
  const minSide = opts.minSide ?? 300;
  if (Math.min(size.width, size.height) < minSide) {
    throw badParam(field, `image is ${size.width}x${size.height}; each side must be at least ${minSide} px`);
  }
  const aspect = size.width / size.height;
  if (aspect > 2.5 || aspect < 1 / 2.5) throw badParam(field, `image aspect ratio ${aspect.toFixed(2)} is outside 1:2.5–2.5:1`);
  return { kind: 'inline', bytes, ...size };
}
