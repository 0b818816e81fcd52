// The serve host over real HTTP on 127.0.0.1: the token, the host check, calls, the event
// stream, and the media routes (Range, containment).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import { startServeHost, type ServeHost } from '../../main/serve/server.js';
import type { RendersPage } from '../../shared/contract.js';
import type { CoreEvent } from '../../shared/events.js';
import { importFolder, openTestCore } from '../helpers/core.js';
import { makeClip } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';

let lib: ReturnType<typeof tempDir>;
let core: Core;
let host: ServeHost;
let renderer: ReturnType<typeof tempDir>;

beforeEach(async () => {
  lib = tempDir('dailies-lib-');
  renderer = tempDir('dailies-ui-');
  (await import('node:fs')).writeFileSync(path.join(renderer.path, 'index.html'), '<!doctype html><title>Dailies</title>');
  core = openTestCore(lib.path);
  host = await startServeHost({ core, rendererDir: renderer.path });
});
afterEach(async () => {
  await host.close();
  await core.close();
  lib.cleanup();
  renderer.cleanup();
});

interface Res { status: number; headers: http.IncomingHttpHeaders; body: Buffer }
function request(pathname: string, opts: { method?: string; headers?: Record<string, string>; body?: string; auth?: boolean } = {}): Promise<Res> {
  const headers: Record<string, string> = { ...(opts.auth === false ? {} : { Authorization: `Bearer ${host.token}` }), ...opts.headers };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: pathname, method: opts.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
const call = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
  request(`/api/call/${channel}`, { method: 'POST', body: JSON.stringify(input), headers: { 'Content-Type': 'application/json', ...headers } });

describe('access', () => {
  it('refuses every route without the token', async () => {
    for (const p of ['/', '/api/events', `/media/${'a'.repeat(64)}.mp4`]) {
      expect((await request(p, { auth: false })).status).toBe(401);
    }
    expect((await request('/', { auth: false, headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await call('library.info', {}, { Authorization: 'Bearer wrong' })).status).toBe(401);
  });

  it('trades the token in the printed URL for a same-site cookie, then serves the app with a CSP', async () => {
    const first = await request(`/?token=${host.token}`, { auth: false });
    expect(first.status).toBe(302);
    const setCookie = first.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;
    const page = await request('/', { auth: false, headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<title>Dailies</title>');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('answers only to its own host name (no DNS rebinding)', async () => {
    expect((await request('/api/events', { headers: { Host: `evil.example:${host.port}` } })).status).toBe(421);
  });

  it('refuses cross-origin calls and non-JSON bodies', async () => {
    expect((await call('library.info', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await request('/api/call/library.info', { method: 'POST', body: '{}', headers: { 'Content-Type': 'text/plain' } })).status).toBe(415);
  });
});

describe('calls and events', () => {
  it('carries contract calls and their validation errors', async () => {
    const ok = await call('library.info', {});
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body.toString())).toMatchObject({ ok: true, value: { path: lib.path, counts: { renders: 0 } } });
    const bad = await call('renders.page', { limit: 'many' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString())).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ field: 'limit' }] } });
    const broken = await request('/api/call/library.info', { method: 'POST', body: '{not json', headers: { 'Content-Type': 'application/json' } });
    expect(broken.status).toBe(400);
  });

  it('streams import progress and the summary as Server-Sent Events', async () => {
    const src = tempDir('dailies-src-');
    try {
      makeClip(path.join(src.path, 'one.mp4'));
      const events: CoreEvent[] = [];
      const finished = new Promise<void>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { Authorization: `Bearer ${host.token}` } }, (res) => {
          expect(res.headers['content-type']).toBe('text/event-stream');
          let buf = '';
          res.on('data', (chunk: Buffer) => {
            buf += chunk.toString();
            for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
              const frame = buf.slice(0, i);
              buf = buf.slice(i + 2);
              if (frame.startsWith('data: ')) {
                const e = JSON.parse(frame.slice(6)) as CoreEvent;
                events.push(e);
                if (e.type === 'import.finished') {
                  req.destroy();
                  resolve();
                }
              }
            }
          });
          // The stream is open once the first comment arrives; start the import then.
          res.once('data', () => void call('import.folder', { path: src.path }));
        });
        req.on('error', (err) => (events.some((e) => e.type === 'import.finished') ? resolve() : reject(err)));
      });
      await finished;
      expect(events.some((e) => e.type === 'import.progress')).toBe(true);
      expect(events.find((e) => e.type === 'import.finished')).toMatchObject({ summary: { imported: 1 } });
      await core.imports.idle();
    } finally {
      src.cleanup();
    }
  });
});

describe('media', () => {
  it('serves stored clips with Range and refuses anything outside the store', async () => {
    const src = tempDir('dailies-src-');
    try {
      const clip = makeClip(path.join(src.path, 'seek.mp4'));
      await importFolder(core, src.path);
      const [card] = ((await core.dispatch('renders.page', {})) as RendersPage).items;
      const bytes = readFileSync(clip);

      const whole = await request(`/media/${card!.sha256}.mp4`);
      expect(whole.status).toBe(200);
      expect(whole.headers['content-type']).toBe('video/mp4');
      expect(whole.body.equals(bytes)).toBe(true);

      const part = await request(`/media/${card!.sha256}.mp4`, { headers: { Range: 'bytes=100-199' } });
      expect(part.status).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes 100-199/${bytes.length}`);
      expect(part.body.equals(bytes.subarray(100, 200))).toBe(true);

      expect((await request(`/media/${card!.sha256}.mp4`, { headers: { Range: `bytes=${bytes.length}-` } })).status).toBe(416);

      const poster = await request(`/thumbs/${card!.sha256}/poster.jpg`);
      expect(poster.status).toBe(200);
      expect(poster.headers['content-type']).toBe('image/jpeg');

      for (const p of [
        '/media/../catalogue.sqlite', '/media/%2e%2e/catalogue.sqlite', `/media/${card!.sha256}.sqlite`,
        `/media/${'0'.repeat(64)}.mp4`, '/thumbs/../../etc/passwd', `/thumbs/${card!.sha256}/poster.png`,
      ]) {
        const res = await request(p);
        expect(res.body.includes(Buffer.from('SQLite format'))).toBe(false);
        expect([200, 404]).toContain(res.status);
        // Unknown paths fall through to the app's index, never to a file outside the renderer.
        if (res.status === 200) expect(res.body.toString()).toContain('<title>Dailies</title>');
      }
    } finally {
      src.cleanup();
    }
  });
});

describe('the serve command', () => {
  it('refuses to open a library that another Dailies holds, saying which', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/serve/cli.ts', '--library', lib.path, '--json'], { cwd: path.resolve(import.meta.dirname, '../..') });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/already open in another Dailies \(pid \d+/);
  });
});
