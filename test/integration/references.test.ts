// The reference library's quality badge, roles and Kling elements: real images made with ffmpeg
// at various sizes, aspects and formats, imported through "Import a folder…" into a real SQLite
// library; the element is made on the local Kling simulator over HTTP.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import type { KlingSimulator } from '../../main/providers/simulator/index.js';
import type { ReferenceCard } from '../../shared/domain.js';
import type { ReferencesPage } from '../../shared/contract.js';
import { checkReference } from '../../shared/reference-quality.js';
import { openJobsCore, startSimulator } from '../helpers/jobs.js';
import { importFolder } from '../helpers/core.js';
import { makeAudio, makeClip, makeImage } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';

const lib = tempDir('dailies-refs-lib-');
const src = tempDir('dailies-refs-src-');
let sim: KlingSimulator;
let core: Core;

beforeAll(async () => {
  const p = (n: string) => path.join(src.path, n);
  makeImage(p('hero-face.png'), 1280, 720);
  makeImage(p('small-face.jpg'), 800, 600);
  makeImage(p('banner.png'), 1600, 400); // 4:1, wider than Kling's 2.5:1
  makeImage(p('tiny.png'), 280, 420); // a side under Kling's 300 px
  makeImage(p('pose.webp'), 1024, 1024); // a format Kling does not take
  sim = await startSimulator();
  core = openJobsCore(lib.path, sim);
  await importFolder(core, src.path);
});
afterAll(async () => {
  await core.close();
  await sim.close();
  lib.cleanup();
  src.cleanup();
});

async function cards(): Promise<Record<string, ReferenceCard>> {
  const page = (await core.dispatch('references.page', { limit: 50 })) as ReferencesPage;
  return Object.fromEntries(page.items.map((c) => [c.title, c]));
}
const card = async (title: string) => (await cards())[title]!;

describe('reference quality', () => {
  it('reads each imported image with its real size and format', async () => {
    const all = await cards();
    expect(Object.keys(all).sort()).toEqual(['banner.png', 'hero-face.png', 'pose.webp', 'small-face.jpg', 'tiny.png']);
    expect(all['banner.png']).toMatchObject({ kind: 'image', ext: 'png', width: 1600, height: 400, elementIds: [] });
    expect(all['hero-face.png']!.size).toBeGreaterThan(0);
  });

  it('passes a 1280 px face as an identity reference for Kling', async () => {
    const hero = await card('hero-face.png');
    expect(checkReference({ ...hero, role: 'identity' }, 'kling')).toEqual({ ok: true, reasons: [] });
  });

  it('flags an identity reference whose long edge is under 1024 px, only in that role', async () => {
    const small = await card('small-face.jpg');
    expect(checkReference({ ...small, role: 'identity' }, 'kling')).toEqual({
      ok: false, reasons: ['Long edge 800 px is under 1024 px: too small to hold an identity.'],
    });
    expect(checkReference({ ...small, role: 'style' }, 'kling').ok).toBe(true);
  });

  it("applies the chosen provider's aspect, side and format limits, with the reason", async () => {
    expect(checkReference(await card('banner.png'), 'kling').reasons).toEqual(["Aspect 4.00:1 is outside Kling's 1:2.5 to 2.5:1."]);
    expect(checkReference(await card('tiny.png'), 'kling').reasons).toEqual(["280×420 px is under Kling's 300 px minimum side."]);
    expect(checkReference(await card('pose.webp'), 'kling').reasons).toEqual(['Kling takes JPG or PNG images, not WEBP.']);
    // A provider without documented image limits: only the identity rule is left.
    expect(checkReference(await card('banner.png'), 'runway').ok).toBe(true);
  });

  it('flags an image over the size limit', async () => {
    const hero = await card('hero-face.png');
    expect(checkReference({ ...hero, size: 11 * 1024 * 1024 }, 'kling').reasons).toEqual(["11.0 MB is over Kling's 10.0 MB limit."]);
  });
});

describe('roles and elements', () => {
  it('keeps a role set through the contract, and clears it', async () => {
    const small = await card('small-face.jpg');
    await core.dispatch('references.setRole', { id: small.id, role: 'identity' });
    expect((await card('small-face.jpg')).role).toBe('identity');
    await core.dispatch('references.setRole', { id: small.id, role: null });
    expect((await card('small-face.jpg')).role).toBeNull();
    await expect(core.dispatch('references.setRole', { id: 99999, role: 'style' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(core.dispatch('references.setRole', { id: small.id, role: 'hero' })).rejects.toMatchObject({ code: 'validation' });
  });

  it('keeps the Kling element id on every reference it was made from', async () => {
    const hero = await card('hero-face.png');
    const small = await card('small-face.jpg');
    const element = (await core.dispatch('elements.create', { accountId: 'demo', name: 'hero', frontalRefId: hero.id, referRefIds: [small.id] })) as { elementId: string };
    expect(sim.state.elements.has(element.elementId)).toBe(true);
    expect((await card('hero-face.png')).elementIds).toEqual([element.elementId]);
    expect((await card('small-face.jpg')).elementIds).toEqual([element.elementId]);
    expect((await card('banner.png')).elementIds).toEqual([]);
  });
});

describe('importing into the reference library', () => {
  const more = tempDir('dailies-refs-more-');
  afterAll(() => more.cleanup());

  it('takes source videos as references (not takes) when the import comes from References', async () => {
    makeClip(path.join(more.path, 'plate.mp4'));
    makeAudio(path.join(more.path, 'line.wav'));
    makeImage(path.join(more.path, 'product.png'), 1200, 1200);
    const rendersBefore = ((await core.dispatch('renders.count', {})) as { count: number }).count;
    const { summary } = await importFolder(core, more.path, undefined, { asReferences: true });
    expect(summary).toMatchObject({ imported: 3, failed: 0 });
    const all = await cards();
    expect(all['plate.mp4']).toMatchObject({ kind: 'video', role: 'source_video', hasPoster: true });
    expect(all['line.wav']).toMatchObject({ kind: 'audio', role: 'audio' });
    expect(all['product.png']).toMatchObject({ kind: 'image', role: null });
    expect(((await core.dispatch('renders.count', {})) as { count: number }).count).toBe(rendersBefore);
  });
});
