// `dailies-media://library/…`: the library's files for <video> and <img>, with the same routes
// as the serve host (main/serve/server.ts) so the renderer builds one kind of URL:
//   /media/<sha>.<ext>                 a stored file, with Range
//   /thumbs/<sha>/<poster|sprite>.jpg  its thumbnails
// Only known media types are served, only from the library's media/ and thumbs/ folders, and
// files catalogued in place, each from the one path the core's catalogue gives for its hash.
import path from 'node:path';
import { MEDIA_SCHEME } from '../../shared/bridge.js';
import { MEDIA_TYPES } from '../../shared/media-types.js';
import { mediaPath, thumbPath, type LibraryLayout } from '../store/layout.js';
import { isMediaUrl, parseUrl } from './app-url.js';
import { methodNotAllowed, notFound, planFile, toResponse, type FilePlan, type ProtocolLike } from './file-response.js';

export interface MediaRequest {
  method: string;
  url: string;
  range?: string | null;
}

const MEDIA_RE = /^\/media\/([0-9a-f]{64})\.([a-z0-9]{1,8})$/;
const THUMB_RE = /^\/thumbs\/([0-9a-f]{64})\/(poster|sprite)\.jpg$/;
// Content-addressed: a URL's bytes never change, so the renderer may cache them for good.
const IMMUTABLE = { 'Cache-Control': 'private, max-age=31536000, immutable' };

/**
 * The path the catalogue knows for a file catalogued in place (watched folder, reference-in-place
 * mode), or null. Only this path is ever served for the hash: a request cannot name a path.
 */
export type ExternalMediaResolver = (sha256: string, ext: string) => Promise<string | null>;

export async function planMediaResponse(
  layout: LibraryLayout, req: MediaRequest, resolveExternal?: ExternalMediaResolver,
): Promise<FilePlan> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed();
  if (!isMediaUrl(req.url)) return notFound();
  const { pathname } = parseUrl(req.url)!;
  const opts = { method: req.method, range: req.range ?? null, headers: IMMUTABLE };

  const media = MEDIA_RE.exec(pathname);
  if (media) {
    const [, sha, ext] = media as unknown as [string, string, string];
    const type = MEDIA_TYPES[ext];
    if (!type) return notFound();
    const stored = await planFile(layout.media, mediaPath(layout, sha, ext), type.mime, opts);
    if (stored.status !== 404 || !resolveExternal) return stored;
    const external = await resolveExternal(sha, ext);
    // Confined to that one catalogued file: it is its own root, so only it (or, for a symlink
    // catalogued in place, the file it points to) can be served.
    return external && path.isAbsolute(external) ? planFile(external, external, type.mime, opts) : stored;
  }
  const thumb = THUMB_RE.exec(pathname);
  if (thumb) {
    const [, sha, kind] = thumb as unknown as [string, string, 'poster' | 'sprite'];
    return planFile(layout.thumbs, thumbPath(layout, sha, kind), 'image/jpeg', opts);
  }
  return notFound();
}

export function registerMediaProtocol(
  protocol: ProtocolLike, layout: LibraryLayout, log: (msg: string) => void, resolveExternal?: ExternalMediaResolver,
): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    try {
      const plan = await planMediaResponse(layout, { method: request.method, url: request.url, range: request.headers.get('range') }, resolveExternal);
      return toResponse(plan);
    } catch (err) {
      log(`media protocol: ${request.method} ${request.url.slice(0, 200)}: ${(err as Error).stack ?? String(err)}`);
      return new Response(null, { status: 500 });
    }
  });
}
