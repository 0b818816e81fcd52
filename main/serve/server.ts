// The serve host: the same contract over HTTP on 127.0.0.1, for browsers and tests.
//   GET  /?token=…            sets the session cookie and redirects to /
//   POST /api/call/<channel>  JSON in, WireReply out
//   GET  /api/events          Server-Sent Events: one CoreEvent per message
//   GET  /media/<sha>.<ext>   a stored file, with Range
//   GET  /thumbs/<sha>/<poster|sprite>.jpg
//   POST /callbacks/<job uid>/<secret>   a provider's callback (jobs/callbacks.ts): no token,
//                             the per-job secret, and a Host of ours or the public base's (a tunnel)
// Every other request needs the token (cookie or `Authorization: Bearer`), a Host of 127.0.0.1 or
// localhost on our port (defeats DNS rebinding), and, for calls, a same-origin Origin if any.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual, randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '../core.js';
import type { CoreEvent } from '../../shared/events.js';
import { MEDIA_TYPES, SHA256_RE } from '../../shared/media-types.js';
import { mediaPath, thumbPath } from '../store/layout.js';
import { externalMediaFile } from '../store/external-media.js';
import { sendFile, staticType } from './static-files.js';
import { SERVE_CSP } from './csp.js';
import { CALLBACK_ROUTE, handleCallbackRequest } from '../jobs/callbacks.js';

const MAX_BODY = 1024 * 1024;
const HEARTBEAT_MS = 15_000;

export interface ServeOptions {
  core: Core;
  port?: number;
  token?: string;
  rendererDir?: string;
}

export interface ServeHost {
  server: Server;
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_RENDERER_DIR = path.resolve(here, '../../renderer');

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }).end(body);
}

const HTTP_STATUS: Record<string, number> = {
  validation: 400, unknown_channel: 404, not_found: 404, conflict: 409, unauthorized: 401, internal: 500,
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

export function startServeHost(opts: ServeOptions): Promise<ServeHost> {
  const { core } = opts;
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const rendererDir = opts.rendererDir ?? DEFAULT_RENDERER_DIR;
  const streams = new Set<ServerResponse>();
  let port = 0;
  // Cookies are per host, not per port: the name carries the port so two libraries served side
  // by side keep their own sessions.
  const cookieName = () => `dailies_${port}`;

  const unsubscribe = core.onEvent((event: CoreEvent) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of streams) res.write(frame);
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Provider callbacks come before the token check (a provider has no token) but keep their
    // own Host check (this host or the public base's) and need the per-job secret.
    const callbackPath = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (callbackPath.startsWith(CALLBACK_ROUTE)) {
      return handleCallbackRequest(req, res, callbackPath, {
        db: core.db,
        localHosts: [`127.0.0.1:${port}`, `localhost:${port}`],
        onCallback: (uid, secret) => core.jobs.callback(uid, secret),
        log: core.log,
      });
    }
    const hostOk = [`127.0.0.1:${port}`, `localhost:${port}`].includes(req.headers.host ?? '');
    if (!hostOk) return send(res, 421, 'Dailies answers only on 127.0.0.1.');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      if (!sameToken(url.searchParams.get('token') ?? undefined, token)) return send(res, 401, 'That access token is not valid for this Dailies.');
      res.writeHead(302, {
        'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store',
      });
      return void res.end();
    }

    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!sameToken(bearer ?? cookie(req, cookieName()), token)) {
      return send(res, 401, 'Open Dailies with the URL printed when it started: it carries the access token.');
    }

    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') return send(res, 405, 'Calls are POST requests.');
      const origin = req.headers.origin;
      if (origin && ![`http://127.0.0.1:${port}`, `http://localhost:${port}`].includes(origin)) {
        return send(res, 403, 'Cross-origin calls are refused.');
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Calls must be application/json.');
      const channel = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      let input: unknown;
      try {
        input = await readJson(req);
      } catch (err) {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'validation', message: `Bad request body: ${(err as Error).message}` } }), 'application/json');
      }
      const reply = await core.reply(channel, input);
      return send(res, reply.ok ? 200 : HTTP_STATUS[reply.error.code] ?? 500, JSON.stringify(reply), 'application/json');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');

    if (url.pathname === '/api/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      const beat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      req.on('close', () => {
        clearInterval(beat);
        streams.delete(res);
      });
      return;
    }

    const media = /^\/media\/([0-9a-f]{64})\.([a-z0-9]{1,8})$/.exec(url.pathname);
    if (media) {
      const [, sha, ext] = media as unknown as [string, string, string];
      const type = MEDIA_TYPES[ext];
      const cache = { 'Cache-Control': 'private, max-age=31536000, immutable' };
      if (type && (await sendFile(req, res, core.layout.media, mediaPath(core.layout, sha, ext), type.mime, cache))) return;
      // A file catalogued in place (watched folder): served from the one path the catalogue
      // knows for this hash, never from a path the request names.
      const external = type ? await externalMediaFile(core.db, { sha256: sha, ext }) : null;
      if (type && external && (await sendFile(req, res, external, external, type.mime, cache))) return;
      return send(res, 404, 'No such media in this library.');
    }
    const thumb = /^\/thumbs\/([0-9a-f]{64})\/(poster|sprite)\.jpg$/.exec(url.pathname);
    if (thumb && SHA256_RE.test(thumb[1]!)) {
      const file = thumbPath(core.layout, thumb[1]!, thumb[2] as 'poster' | 'sprite');
      if (await sendFile(req, res, core.layout.thumbs, file, 'image/jpeg', { 'Cache-Control': 'private, max-age=31536000, immutable' })) return;
      return send(res, 404, 'No such thumbnail.');
    }

    // The renderer: real files by path; anything else is the single-page app's index.
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const type = staticType(rel);
    const headers = { 'Content-Security-Policy': SERVE_CSP, 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-cache' };
    if (type && (await sendFile(req, res, rendererDir, path.join(rendererDir, rel), type, headers))) return;
    if (await sendFile(req, res, rendererDir, path.join(rendererDir, 'index.html'), 'text/html; charset=utf-8', headers)) return;
    return send(res, 500, 'The renderer is not built. Run `npm run build`.');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      core.log(`serve: ${req.method} ${req.url}: ${(err as Error).stack ?? String(err)}`);
      if (!res.headersSent) send(res, 500, 'Internal error.');
      else res.destroy();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : 0;
      core.callbackLocalUrl = `http://127.0.0.1:${port}`;
      resolve({
        server, token, port,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const res of streams) res.end();
            streams.clear();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
