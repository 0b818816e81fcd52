// The Electron media protocol's decisions, without Electron: real files in a temp library,
// real Range arithmetic, real symlinks for the containment checks.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planMediaResponse, registerMediaProtocol } from '../../main/electron/media-protocol.js';
import { toResponse, type FilePlan } from '../../main/electron/file-response.js';
import { libraryLayout, mediaPath, thumbPath, type LibraryLayout } from '../../main/store/layout.js';
import { tempDir } from '../helpers/temp.js';

const SHA = 'ab'.repeat(32);
const OTHER = 'cd'.repeat(32);
const BYTES = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
const url = (p: string) => `dailies-media://library${p}`;

let tmp: ReturnType<typeof tempDir>;
let layout: LibraryLayout;

function put(file: string, data: Buffer | string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
}

async function body(plan: FilePlan): Promise<Buffer> {
  return Buffer.from(await toResponse(plan).arrayBuffer());
}

beforeEach(() => {
  tmp = tempDir('dailies-media-protocol-');
  layout = libraryLayout(path.join(tmp.path, 'Library'));
  put(mediaPath(layout, SHA, 'mp4'), BYTES);
  put(thumbPath(layout, SHA, 'poster'), 'jpeg bytes');
});
afterEach(() => tmp.cleanup());

describe('planMediaResponse', () => {
  it('serves a stored file whole, with its media type and Accept-Ranges', async () => {
    const plan = await planMediaResponse(layout, { method: 'GET', url: url(`/media/${SHA}.mp4`) });
    expect(plan.status).toBe(200);
    expect(plan.headers).toMatchObject({
      'Content-Type': 'video/mp4', 'Content-Length': '1000', 'Accept-Ranges': 'bytes', 'X-Content-Type-Options': 'nosniff',
    });
    expect(await body(plan)).toEqual(BYTES);
  });

  it('answers a Range with 206, Content-Range and exactly those bytes', async () => {
    const plan = await planMediaResponse(layout, { method: 'GET', url: url(`/media/${SHA}.mp4`), range: 'bytes=100-199' });
    expect(plan.status).toBe(206);
    expect(plan.headers['Content-Range']).toBe('bytes 100-199/1000');
    expect(plan.headers['Content-Length']).toBe('100');
    expect(await body(plan)).toEqual(BYTES.subarray(100, 200));
  });

  it('answers open-ended and suffix ranges as a seeking player sends them', async () => {
    const open = await planMediaResponse(layout, { method: 'GET', url: url(`/media/${SHA}.mp4`), range: 'bytes=990-' });
    expect(open.headers['Content-Range']).toBe('bytes 990-999/1000');
    expect(await body(open)).toEqual(BYTES.subarray(990));
    const suffix = await planMediaResponse(layout, { method: 'GET', url: url(`/media/${SHA}.mp4`), range: 'bytes=-5' });
    expect(await body(suffix)).toEqual(BYTES.subarray(995));
  });

  it('answers an unsatisfiable Range with 416 and the size', async () => {
    const plan = await planMediaResponse(layout, { method: 'GET', url: url(`/media/${SHA}.mp4`), range: 'bytes=1000-' });
    expect(plan.status).toBe(416);
    expect(plan.headers['Content-Range']).toBe('bytes */1000');
    expect((await body(plan)).length).toBe(0);
  });

  it('answers HEAD with the headers and no body', async () => {
    const plan = await planMediaResponse(layout, { method: 'HEAD', url: url(`/media/${SHA}.mp4`) });
    expect(plan.status).toBe(200);
    expect(plan.headers['Content-Length']).toBe('1000');
    expect((await body(plan)).length).toBe(0);
  });

  it('serves thumbnails as JPEG and 404s a missing one', async () => {
    const poster = await planMediaResponse(layout, { method: 'GET', url: url(`/thumbs/${SHA}/poster.jpg`) });
    expect(poster.status).toBe(200);
    expect(poster.headers['Content-Type']).toBe('image/jpeg');
    expect((await body(poster)).toString()).toBe('jpeg bytes');
    expect((await planMediaResponse(layout, { method: 'GET', url: url(`/thumbs/${SHA}/sprite.jpg`) })).status).toBe(404);
  });

  it('404s a file that is not in the store', async () => {
    expect((await planMediaResponse(layout, { method: 'GET', url: url(`/media/${OTHER}.mp4`) })).status).toBe(404);
  });

  it('serves a zero-byte file as an empty 200', async () => {
    put(mediaPath(layout, OTHER, 'mp4'), '');
    const plan = await planMediaResponse(layout, { method: 'GET', url: url(`/media/${OTHER}.mp4`) });
    expect(plan.status).toBe(200);
    expect(plan.headers['Content-Length']).toBe('0');
    expect((await body(plan)).length).toBe(0);
  });

  it('refuses types it does not know, even when the file exists', async () => {
    put(mediaPath(layout, SHA, 'html'), '<script>alert(1)</script>');
    expect((await planMediaResponse(layout, { method: 'GET', url: url(`/media/${SHA}.html`) })).status).toBe(404);
  });

  it('404s anything that is not one of the two routes', async () => {
    const outside = path.join(tmp.path, 'secret.mp4');
    put(outside, 'secret');
    for (const p of [
      '/', '/catalogue.sqlite', `/media/${SHA.toUpperCase()}.mp4`, `/media/${SHA}`, `/media/ab/ab/${SHA}.mp4`,
      `/media/../secret.mp4`, `/media/%2e%2e/%2e%2e/secret.mp4`, `/thumbs/${SHA}/other.jpg`, `/media/${SHA}.mp4/`,
    ]) {
      expect((await planMediaResponse(layout, { method: 'GET', url: url(p) })).status, p).toBe(404);
    }
  });

  it('answers only its own scheme and host', async () => {
    for (const u of [
      `dailies-media://elsewhere/media/${SHA}.mp4`, `dailies-app://library/media/${SHA}.mp4`,
      `dailies-media://x@library/media/${SHA}.mp4`, `file:///media/${SHA}.mp4`, 'not a url',
    ]) {
      expect((await planMediaResponse(layout, { method: 'GET', url: u })).status, u).toBe(404);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const plan = await planMediaResponse(layout, { method: 'POST', url: url(`/media/${SHA}.mp4`) });
    expect(plan.status).toBe(405);
  });

  it('follows no symlink out of the store, judged on the real path', async () => {
    const outside = path.join(tmp.path, 'outside.mp4');
    put(outside, 'not in the library');
    const link = mediaPath(layout, OTHER, 'mp4');
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(outside, link);
    expect((await planMediaResponse(layout, { method: 'GET', url: url(`/media/${OTHER}.mp4`) })).status).toBe(404);
  });

  it('still serves a store reached through a symlinked library folder', async () => {
    const alias = path.join(tmp.path, 'alias');
    symlinkSync(layout.root, alias);
    const plan = await planMediaResponse(libraryLayout(alias), { method: 'GET', url: url(`/media/${SHA}.mp4`), range: 'bytes=0-9' });
    expect(plan.status).toBe(206);
    expect(await body(plan)).toEqual(BYTES.subarray(0, 10));
  });
});

describe('registerMediaProtocol', () => {
  it('registers the media scheme and turns requests into Responses', async () => {
    const handlers = new Map<string, (r: Request) => Response | Promise<Response>>();
    registerMediaProtocol({ handle: (scheme, h) => void handlers.set(scheme, h) }, layout, () => {});
    const handler = handlers.get('dailies-media');
    expect(handler).toBeDefined();
    const res = await handler!(new Request(url(`/media/${SHA}.mp4`), { headers: { Range: 'bytes=10-19' } }));
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(BYTES.subarray(10, 20));
  });
});
