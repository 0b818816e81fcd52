// `dailies-app://app/…`: the built renderer (dist/renderer), served from disk with a CSP. A
// custom scheme instead of file:// gives the renderer a real origin, so the IPC sender check
// and the permission checks have something exact to compare against.
import path from 'node:path';
import { APP_SCHEME, MEDIA_SCHEME } from '../../shared/bridge.js';
import { SERVE_CSP } from '../serve/csp.js';
import { staticType } from '../serve/static-files.js';
import { isAppUrl, parseUrl } from './app-url.js';
import { methodNotAllowed, notFound, planFile, toResponse, type FilePlan, type ProtocolLike } from './file-response.js';

/** The serve host's policy, plus the media scheme wherever images and video load from. */
export function appCsp(serveCsp = SERVE_CSP): string {
  const found = new Set<string>();
  const out = serveCsp.split(';').map((part) => {
    const directive = part.trim();
    const name = directive.split(/\s+/, 1)[0] ?? '';
    if (name !== 'img-src' && name !== 'media-src') return directive;
    found.add(name);
    return `${directive} ${MEDIA_SCHEME}:`;
  });
  // If the serve policy ever drops these, the app must not quietly fall back to default-src.
  if (found.size !== 2) throw new Error(`SERVE_CSP lost img-src or media-src: ${serveCsp}`);
  return out.join('; ');
}

export const APP_CSP = appCsp();

const APP_HEADERS = {
  'Content-Security-Policy': APP_CSP,
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

export async function planAppResponse(rendererDir: string, req: { method: string; url: string }): Promise<FilePlan> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed();
  if (!isAppUrl(req.url)) return notFound(APP_HEADERS);
  let rel: string;
  try {
    rel = decodeURIComponent(parseUrl(req.url)!.pathname).replace(/^\/+/, '');
  } catch {
    return notFound(APP_HEADERS);
  }
  // A path without an extension is a route inside the single-page app: its index answers.
  if (rel === '' || path.posix.extname(rel) === '') rel = 'index.html';
  const type = staticType(rel);
  if (!type) return notFound(APP_HEADERS);
  // planFile refuses anything whose real path is outside rendererDir ("../", encoded or not).
  return planFile(rendererDir, path.join(rendererDir, rel), type, { method: req.method, headers: APP_HEADERS });
}

export function registerAppProtocol(protocol: ProtocolLike, rendererDir: string, log: (msg: string) => void): void {
  protocol.handle(APP_SCHEME, async (request) => {
    try {
      return toResponse(await planAppResponse(rendererDir, { method: request.method, url: request.url }));
    } catch (err) {
      log(`app protocol: ${request.url.slice(0, 200)}: ${(err as Error).stack ?? String(err)}`);
      return new Response(null, { status: 500 });
    }
  });
}
