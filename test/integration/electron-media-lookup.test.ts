// The Electron media protocol serving files catalogued in place: the protocol's plan (what
// Electron would answer) with the lookup going through the real core process (CoreHost ↔
// core-process under Node, as the shell runs it without Electron's binary), a real watched
// folder, real clips. Only the catalogued file for a hash is ever served.
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreHost, nodeCoreChild } from '../../main/electron/core-host.js';
import { planMediaResponse } from '../../main/electron/media-protocol.js';
import { toResponse, type FilePlan } from '../../main/electron/file-response.js';
import { libraryLayout } from '../../main/store/layout.js';
import { makeClip } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';
import { waitFor } from '../helpers/wait.js';

const ENTRY = path.resolve('main/electron/core-process.ts');

let tmp: ReturnType<typeof tempDir>;
let host: CoreHost;
let library: string;
let watched: string;

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const url = (sha: string, ext = 'mp4') => `dailies-media://library/media/${sha}.${ext}`;
const plan = (sha: string, opts: { ext?: string; range?: string; method?: string } = {}) =>
  planMediaResponse(libraryLayout(library), { method: opts.method ?? 'GET', url: url(sha, opts.ext), range: opts.range ?? null },
    (s, e) => host.externalMediaPath(s, e));
const body = async (p: FilePlan) => Buffer.from(await toResponse(p).arrayBuffer());

async function renders(): Promise<number> {
  const reply = await host.call('renders.page', {});
  return reply.ok ? (reply.value as { items: unknown[] }).items.length : -1;
}

beforeEach(async () => {
  tmp = tempDir('dailies-media-lookup-');
  library = path.join(tmp.path, 'Library');
  watched = path.join(tmp.path, 'Renders');
  mkdirSync(watched);
  host = await CoreHost.start(nodeCoreChild(ENTRY, library, process.execPath, ['--import', 'tsx']));
});
afterEach(async () => {
  await host.close();
  tmp.cleanup();
});

describe('media protocol: files catalogued in place, looked up through the core', () => {
  it('serves the catalogued file for its hash (whole, by Range, through a symlink), and nothing else', { timeout: 120_000 }, async () => {
    const clip = makeClip(path.join(watched, 'take_01.mp4'), { seconds: 1, width: 160, height: 120 });
    // A symlinked file in the folder: catalogued at the link, served from what it points to.
    const target = makeClip(path.join(tmp.path, 'elsewhere', 'real.mp4'), { seconds: 1, fps: 13, width: 160, height: 120 });
    symlinkSync(target, path.join(watched, 'linked.mp4'));
    expect((await host.call('watch.add', { path: watched, mode: 'in_place' })).ok).toBe(true);
    await waitFor('both takes catalogued', async () => (await renders()) === 2, { timeoutMs: 90_000 });

    const whole = await plan(sha256(clip));
    expect(whole).toMatchObject({ status: 200, headers: { 'Content-Type': 'video/mp4', 'Accept-Ranges': 'bytes' } });
    expect((await body(whole)).equals(readFileSync(clip))).toBe(true);
    const part = await plan(sha256(clip), { range: 'bytes=100-199' });
    expect(part).toMatchObject({ status: 206, headers: { 'Content-Range': `bytes 100-199/${readFileSync(clip).length}` } });
    expect((await body(part)).equals(readFileSync(clip).subarray(100, 200))).toBe(true);
    const linked = await plan(sha256(target));
    expect(linked.status).toBe(200);
    expect((await body(linked)).equals(readFileSync(target))).toBe(true);

    // Nothing the catalogue does not hold: another hash, the right hash with another extension,
    // and lookups that are not a hash at all (the core answers null; it never reads a path).
    expect((await plan('0'.repeat(64))).status).toBe(404);
    expect((await plan(sha256(clip), { ext: 'mov' })).status).toBe(404);
    expect(await host.externalMediaPath('../../../etc/passwd', 'mp4')).toBeNull();
    expect(await host.externalMediaPath(sha256(clip), 'mp4/../../x')).toBeNull();
    expect(await host.externalMediaPath(sha256(clip), 'mp4')).toBe(clip);
  });

  it('stops serving a file that changed under its hash or went away', { timeout: 120_000 }, async () => {
    const a = makeClip(path.join(watched, 'a.mp4'), { seconds: 1, width: 160, height: 120 });
    const b = makeClip(path.join(watched, 'b.mp4'), { seconds: 1, fps: 13, width: 160, height: 120 });
    const [shaA, shaB] = [sha256(a), sha256(b)];
    expect((await host.call('watch.add', { path: watched, mode: 'in_place' })).ok).toBe(true);
    await waitFor('both takes catalogued', async () => (await renders()) === 2, { timeoutMs: 90_000 });
    expect((await plan(shaA)).status).toBe(200);
    expect((await plan(shaB)).status).toBe(200);

    // Other bytes at the catalogued path are not the content the URL names.
    appendFileSync(a, Buffer.alloc(64, 1));
    expect((await plan(shaA)).status).toBe(404);
    // Deleted: not found (and, once the watcher notices, marked missing).
    rmSync(b);
    expect((await plan(shaB)).status).toBe(404);
    expect(await host.externalMediaPath(shaB, 'mp4')).toBeNull();
  });
});
