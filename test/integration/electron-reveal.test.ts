// "Reveal file" as the desktop shell does it: the renderer's input goes to the real core process
// (CoreHost ↔ core-process under Node, as the shell runs it without Electron's binary), which
// validates it and names the take's file; only an existing file is handed to the file manager.
// `show` stands in for Electron's shell.showItemInFolder, which needs a desktop to open.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreHost, nodeCoreChild } from '../../main/electron/core-host.js';
import { revealRender } from '../../main/electron/reveal.js';
import { libraryLayout, mediaPath, thumbPath } from '../../main/store/layout.js';
import { makeClip } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';
import { waitFor } from '../helpers/wait.js';

const ENTRY = path.resolve('main/electron/core-process.ts');

let tmp: ReturnType<typeof tempDir>;
let host: CoreHost;
let library: string;
let shown: string[];
const reveal = (input: unknown) => revealRender({ call: (c, i) => host.call(c, i), show: (p) => void shown.push(p) }, input);

beforeEach(async () => {
  tmp = tempDir('dailies-reveal-');
  library = path.join(tmp.path, 'Library');
  shown = [];
  host = await CoreHost.start(nodeCoreChild(ENTRY, library, process.execPath, ['--import', 'tsx']));
});
afterEach(async () => {
  await host.close();
  tmp.cleanup();
});

describe('reveal a take in the desktop shell', () => {
  it('shows the stored file of the take asked for, and nothing for bad input or a missing file', { timeout: 120_000 }, async () => {
    const folder = path.join(tmp.path, 'Takes');
    mkdirSync(folder);
    const clip = makeClip(path.join(folder, 'take_01.mp4'), { seconds: 1, width: 160, height: 120 });
    const sha = createHash('sha256').update(readFileSync(clip)).digest('hex');
    expect((await host.call('import.folder', { path: folder })).ok).toBe(true);
    const id = await waitFor('the take catalogued', async () => {
      const reply = await host.call('renders.page', {});
      return reply.ok ? (reply.value as { items: Array<{ id: number }> }).items[0]?.id : undefined;
    }, { timeoutMs: 90_000 });
    const stored = mediaPath(libraryLayout(library), sha, 'mp4');

    expect(await reveal({ id })).toEqual({ ok: true, value: { path: stored, revealed: true } });
    expect(shown).toEqual([stored]);

    // The shell is never handed a path the renderer made up, nor anything for a take that is not there.
    for (const bad of [{ path: '/etc/passwd' }, { id: String(id) }, { id, path: '/etc/passwd' }, { id: -1 }, null, 'x']) {
      expect(await reveal(bad)).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(await reveal({ id: id + 1000 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(shown).toEqual([stored]);

    // The file gone from the store (after its thumbnails were made from it): its path still
    // answers, but nothing is shown.
    await waitFor('the hover-scrub strip made', () => existsSync(thumbPath(libraryLayout(library), sha, 'sprite')), { timeoutMs: 90_000 });
    rmSync(stored);
    expect(await reveal({ id })).toEqual({ ok: true, value: { path: stored, revealed: false } });
    expect(shown).toEqual([stored]);
  });
});
