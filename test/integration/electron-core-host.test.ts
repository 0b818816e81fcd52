// The shell's channel to the core, end to end without Electron: the same core-process entry
// the utilityProcess runs, here under Node (as a development checkout runs it), a real library
// on disk, calls by id, events, the lock, and a clean close.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreHost, CoreStartError, nodeCoreChild } from '../../main/electron/core-host.js';
import type { CoreEvent } from '../../shared/events.js';
import { tempDir } from '../helpers/temp.js';

const ENTRY = path.resolve('main/electron/core-process.ts');
const child = (libraryDir: string) => nodeCoreChild(ENTRY, libraryDir, process.execPath, ['--import', 'tsx']);
const start = (libraryDir: string) => CoreHost.start(child(libraryDir));

let tmp: ReturnType<typeof tempDir>;
let library: string;
const hosts: CoreHost[] = [];

beforeEach(() => {
  tmp = tempDir('dailies-core-host-');
  library = path.join(tmp.path, 'Library');
});
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
  tmp.cleanup();
});

describe('CoreHost', () => {
  it('opens the library in its own process and answers calls', async () => {
    const host = await start(library);
    hosts.push(host);
    expect(host.libraryDir).toBe(library);
    const info = await host.call('library.info', {});
    expect(info).toMatchObject({ ok: true, value: { path: library } });
    expect(existsSync(path.join(library, 'library.lock'))).toBe(true);
  });

  it('matches replies to calls when many are in flight', async () => {
    const host = await start(library);
    hosts.push(host);
    const names = Array.from({ length: 12 }, (_, i) => `Spot ${i}`);
    const replies = await Promise.all(names.map((name) => host.call('projects.create', { name })));
    expect(replies.map((r) => (r.ok ? (r.value as { name: string }).name : r.error.message))).toEqual(names);
  });

  it('passes validation errors and unknown channels back as replies', async () => {
    const host = await start(library);
    hosts.push(host);
    expect(await host.call('renders.page', { limit: 0 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await host.call('no.such', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('forwards core events', async () => {
    const host = await start(library);
    hosts.push(host);
    const seen = new Promise<CoreEvent>((resolve) => host.onEvent(resolve));
    const created = await host.call('projects.create', { name: 'Teaser' });
    expect(created.ok).toBe(true);
    expect(await seen).toMatchObject({ type: 'catalogue.changed', entity: 'projects' });
  });

  it('refuses a second process on the same library with the lock message', async () => {
    hosts.push(await start(library));
    const second = start(library);
    await expect(second).rejects.toBeInstanceOf(CoreStartError);
    await expect(second).rejects.toThrow(/already open in another Dailies/);
  });

  it('releases the library on close and answers later calls without hanging', async () => {
    const host = await start(library);
    await host.close();
    expect(existsSync(path.join(library, 'library.lock'))).toBe(false);
    expect(await host.call('library.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    // The library can be opened again straight away.
    const again = await start(library);
    hosts.push(again);
    expect((await again.call('library.info', {})).ok).toBe(true);
  });

  it('answers in-flight and later calls when the core process dies', async () => {
    const c = child(library);
    const host = await CoreHost.start(c);
    const exited = new Promise<number | null>((resolve) => host.onExit(resolve));
    const inFlight = host.call('library.info', {});
    c.kill();
    await exited;
    // Either it answered before the kill landed, or it was told the core stopped: never a hang.
    const reply = await inFlight;
    if (!reply.ok) expect(reply.error.code).toBe('internal');
    expect(await host.call('library.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('rejects, rather than hangs, when the Node binary cannot be started', async () => {
    await expect(CoreHost.start(nodeCoreChild(ENTRY, library, path.join(tmp.path, 'no-such-node')))).rejects.toBeInstanceOf(CoreStartError);
  });
});
