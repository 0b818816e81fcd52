// What a file says about itself becomes catalogue facts: our sidecar first, then ComfyUI /
// InvokeAI PNG text chunks, then container tags; the file name otherwise.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../main/core.js';
import { globToRegExp } from '../../main/watch/file-names.js';
import { readPngText } from '../../main/import/metadata/png-text.js';
import { importFolder } from '../helpers/core.js';
import { makeAudio, makeClip, makeImage, tools } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';
import { pause, waitFor } from '../helpers/wait.js';
import type { CoreEvent } from '../../shared/events.js';
import type { WatchFolder } from '../../shared/channels/watch.js';

let lib: ReturnType<typeof tempDir>;
let src: ReturnType<typeof tempDir>;
let core: Core;
beforeEach(() => {
  lib = tempDir('dailies-lib-');
  src = tempDir('dailies-meta-');
  core = new Core({ libraryDir: lib.path, host: 'test', log: () => {}, watchStabilityMs: 300 });
});
afterEach(async () => {
  await core.close();
  lib.cleanup();
  src.cleanup();
});

const row = (sql: string, ...args: unknown[]) => core.db.prepare(sql).get(...args) as Record<string, unknown>;

/** Inserts a tEXt chunk right after IHDR, the way ComfyUI's SaveImage writes its graph. */
function addTextChunk(png: string, keyword: string, text: string): void {
  const buf = readFileSync(png);
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write('tEXt', 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  const ihdrEnd = 8 + 8 + 13 + 4;
  writeFileSync(png, Buffer.concat([buf.subarray(0, ihdrEnd), head, data, crc, buf.subarray(ihdrEnd)]));
}

const COMFY_GRAPH = JSON.stringify({
  '3': { class_type: 'KSampler', inputs: { seed: 42, steps: 20, cfg: 7, sampler_name: 'euler', positive: ['6', 0], negative: ['7', 0], model: ['4', 0] } },
  '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sdxl_base.safetensors' } },
  '6': { class_type: 'CLIPTextEncode', inputs: { text: 'a lighthouse at dusk, volumetric fog', clip: ['4', 1] } },
  '7': { class_type: 'CLIPTextEncode', inputs: { text: 'text, watermark', clip: ['4', 1] } },
});

describe('file metadata', () => {
  it('takes prompt, provider, model, task, cost and tags from a sidecar; identical prompts share one row', async () => {
    const sidecar = {
      schema: 'dailies.sidecar', version: 1, title: 'Rain walk 17', prompt: 'a woman walks into rain', negativePrompt: 'blur',
      provider: 'kling', model: 'kling-o1', task: 'image_to_video', params: { duration: 5 }, cost: { credits: 35 }, tags: ['hero'],
    };
    for (const [i, n] of ['a.mp4', 'b.mp4'].entries()) {
      makeClip(path.join(src.path, n), { seconds: 1, fps: 12 + i, width: 160, height: 120 });
      writeFileSync(path.join(src.path, `${n}.dailies.json`), JSON.stringify(sidecar));
    }
    const { summary } = await importFolder(core, src.path);
    expect(summary).toMatchObject({ imported: 2, failed: 0 });
    expect(row('SELECT count(*) n FROM prompts').n).toBe(1);
    expect(row(`SELECT r.title, r.provider, r.model, r.task_type, r.cost_credits, p.text, p.negative, json_extract(r.params, '$.duration') d
                FROM renders r JOIN prompts p ON p.id = r.prompt_id WHERE r.origin = ?`, path.join(src.path, 'a.mp4'))).toEqual({
      title: 'Rain walk 17', provider: 'kling', model: 'kling-o1', task_type: 'image_to_video', cost_credits: 35,
      text: 'a woman walks into rain', negative: 'blur', d: 5,
    });
    expect(row("SELECT count(*) n FROM render_tags rt JOIN tags t ON t.id = rt.tag_id WHERE t.name = 'hero'").n).toBe(2);
    // The title is searchable from the grid.
    const page = (await core.dispatch('renders.page', { filter: { text: 'rain walk' } })) as { items: unknown[] };
    expect(page.items).toHaveLength(2);
  });

  it('imports a file whose sidecar is broken or from the future, and says why the sidecar was ignored', async () => {
    makeClip(path.join(src.path, 'bad.mp4'), { seconds: 1, width: 160, height: 120 });
    writeFileSync(path.join(src.path, 'bad.mp4.dailies.json'), '{ not json');
    makeClip(path.join(src.path, 'future.mp4'), { seconds: 1, fps: 13, width: 160, height: 120 });
    writeFileSync(path.join(src.path, 'future.mp4.dailies.json'), JSON.stringify({ schema: 'dailies.sidecar', version: 9 }));
    const events: unknown[] = [];
    core.onEvent((e) => events.push(e));
    await core.dispatch('watch.add', { path: src.path });
    await waitFor('both takes', () => (row('SELECT count(*) n FROM renders').n as number) === 2);
    const arrived = await waitFor('the arrival notice with both problems', () => {
      const errs = events.flatMap((e) => ((e as { type: string }).type === 'watch.arrived' ? (e as { errors: { reason: string }[] }).errors : []));
      return errs.length >= 2 ? errs : null;
    });
    expect(arrived.map((e) => e.reason).sort()).toEqual([
      expect.stringMatching(/not valid JSON/),
      expect.stringMatching(/version 9, newer than this Dailies understands/),
    ]);
    expect(row('SELECT count(*) n FROM renders WHERE prompt_id IS NULL').n).toBe(2);
  });

  it('applies a sidecar written a second after its clip to the take the clip already became', async () => {
    const events: CoreEvent[] = [];
    core.onEvent((e) => events.push(e));
    await core.dispatch('watch.add', { path: src.path });
    await waitFor('the first scan', async () => ((await core.dispatch('watch.list', {})) as WatchFolder[])[0]?.status === 'watching');
    const clip = makeClip(path.join(src.path, 'take_0042.mp4'), { seconds: 1, width: 160, height: 120 });
    await waitFor('the clip as a take', () => (row('SELECT count(*) n FROM renders').n as number) === 1);
    const before = row('SELECT id, title, prompt_id FROM renders');
    expect(before).toMatchObject({ title: 'take_0042.mp4', prompt_id: null });
    await core.watch.idle();

    await pause(1000);
    writeFileSync(`${clip}.dailies.json`, JSON.stringify({
      schema: 'dailies.sidecar', version: 1, title: 'Harbour at dawn', prompt: 'a harbour at dawn, gulls', provider: 'kling',
      model: 'kling-o1', task: 'text_to_video', params: { seed: 7 }, cost: { credits: 20 }, tags: ['harbour', 'selects'],
    }));
    await waitFor('the sidecar applied', () => row('SELECT prompt_id FROM renders').prompt_id !== null);
    expect(row(`SELECT r.id, r.title, r.provider, r.model, r.task_type, r.cost_credits, p.text, json_extract(r.params, '$.seed') seed
                FROM renders r JOIN prompts p ON p.id = r.prompt_id`)).toEqual({
      id: before.id, title: 'Harbour at dawn', provider: 'kling', model: 'kling-o1', task_type: 'text_to_video', cost_credits: 20,
      text: 'a harbour at dawn, gulls', seed: 7,
    });
    expect(core.db.prepare('SELECT t.name FROM render_tags rt JOIN tags t ON t.id = rt.tag_id ORDER BY t.name').pluck().all()).toEqual(['harbour', 'selects']);
    // Still one take, found by its new title, and the grid was told it changed.
    expect(row('SELECT count(*) n FROM renders').n).toBe(1);
    expect(((await core.dispatch('renders.page', { filter: { text: 'harbour' } })) as { items: unknown[] }).items).toHaveLength(1);
    await waitFor('the change announced', () => events.some((e) => e.type === 'catalogue.changed' && e.entity === 'renders' && e.ids.includes(before.id as number)));

    // A restart does not apply it again, and nothing new arrives.
    await core.close();
    core = new Core({ libraryDir: lib.path, host: 'test', log: () => {}, watchStabilityMs: 300 });
    const after: CoreEvent[] = [];
    core.onEvent((e) => after.push(e));
    await waitFor('the rescan', async () => ((await core.dispatch('watch.list', {})) as WatchFolder[])[0]?.status === 'watching');
    await core.watch.idle();
    await pause(600);
    expect(after.filter((e) => e.type === 'catalogue.changed' || e.type === 'watch.arrived')).toEqual([]);
    expect(row('SELECT count(*) n FROM renders').n).toBe(1);
    expect(row('SELECT count(*) n FROM prompts').n).toBe(1);
  });

  it('says why a sidecar that arrives late and broken was not applied, and keeps the take as it was', async () => {
    await core.dispatch('watch.add', { path: src.path });
    const clip = makeClip(path.join(src.path, 'late.mp4'), { seconds: 1, width: 160, height: 120 });
    await waitFor('the clip as a take', () => (row('SELECT count(*) n FROM renders').n as number) === 1);
    await core.watch.idle();
    writeFileSync(`${clip}.dailies.json`, JSON.stringify({ schema: 'dailies.sidecar', version: 1, cost: { credits: 'lots' } }));
    const folder = await waitFor('the problem shown on the folder', async () => {
      const f = ((await core.dispatch('watch.list', {})) as WatchFolder[])[0];
      return f?.lastError?.startsWith('late.mp4: Its sidecar was ignored') ? f : null;
    });
    expect(folder.lastError).toMatch(/cost\.credits/);
    expect(row('SELECT title, cost_credits FROM renders')).toEqual({ title: 'late.mp4', cost_credits: 0 });
  });

  it('reads ComfyUI PNG text chunks; with images as renders the still is a take with its prompt and model', async () => {
    const png = makeImage(path.join(src.path, 'ComfyUI_00001_.png'), 320, 240);
    addTextChunk(png, 'prompt', COMFY_GRAPH);
    expect(Object.keys(await readPngText(png))).toEqual(['prompt']);
    await core.dispatch('watch.add', { path: src.path, imagesAs: 'render' });
    await waitFor('the still as a take', () => (row('SELECT count(*) n FROM renders').n as number) === 1);
    expect(row(`SELECT r.provider, r.model, p.text, p.negative, json_extract(r.params, '$.seed') seed FROM renders r JOIN prompts p ON p.id = r.prompt_id`)).toEqual({
      provider: 'comfyui', model: 'sdxl_base.safetensors', text: 'a lighthouse at dusk, volumetric fog', negative: 'text, watermark', seed: 42,
    });
  });

  it('takes the prompt from an MP4 description tag and the title from the title tag', async () => {
    const file = path.join(src.path, 'dl_83b1.mp4');
    execFileSync(tools.ffmpeg, [
      '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10:duration=1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p',
      '-metadata', 'title=Dune crossing', '-metadata', 'description=camels crossing a dune at noon, drone shot', file,
    ]);
    await importFolder(core, src.path);
    expect(row('SELECT r.title, p.text FROM renders r JOIN prompts p ON p.id = r.prompt_id')).toEqual({
      title: 'Dune crossing', text: 'camels crossing a dune at noon, drone shot',
    });
  });
});

/** A one-second clip with container tags, written by ffmpeg as a tool would write it. */
function taggedClip(file: string, tags: Record<string, string>): string {
  const codec = file.endsWith('.webm') ? ['-c:v', 'libvpx-vp9', '-b:v', '200k'] : ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'];
  execFileSync(tools.ffmpeg, [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10:duration=1', ...codec,
    ...Object.entries(tags).flatMap(([k, v]) => ['-metadata', `${k}=${v}`]), file,
  ]);
  return file;
}

const takeFacts = () =>
  row(`SELECT r.title, r.provider, r.model, p.text, p.negative FROM renders r LEFT JOIN prompts p ON p.id = r.prompt_id`);

describe('embedded generation metadata', () => {
  it("reads InvokeAI's invokeai_metadata PNG chunk: prompt, negative, model and seed", async () => {
    const png = makeImage(path.join(src.path, 'invoke_0007.png'), 320, 240);
    addTextChunk(png, 'invokeai_metadata', JSON.stringify({
      positive_prompt: 'a paper boat on a flooded street', negative_prompt: 'people', seed: 1234, steps: 30, cfg_scale: 6.5,
      model: { name: 'juggernautXL_v9', base: 'sdxl' },
    }));
    await core.dispatch('watch.add', { path: src.path, imagesAs: 'render' });
    await waitFor('the still as a take', () => (row('SELECT count(*) n FROM renders').n as number) === 1);
    expect(takeFacts()).toEqual({
      title: 'invoke_0007.png', provider: 'invokeai', model: 'juggernautXL_v9', text: 'a paper boat on a flooded street', negative: 'people',
    });
    expect(row(`SELECT json_extract(params, '$.seed') seed FROM renders`)).toEqual({ seed: 1234 });
  });

  it("reads InvokeAI's older sd-metadata chunk", async () => {
    const png = makeImage(path.join(src.path, 'old_invoke.png'), 320, 240);
    addTextChunk(png, 'sd-metadata', JSON.stringify({ model_weights: 'stable-diffusion-1.5', image: { prompt: [{ prompt: 'a fox in snow', weight: 1 }], seed: 9, steps: 50 } }));
    await core.dispatch('watch.add', { path: src.path, imagesAs: 'render' });
    await waitFor('the still as a take', () => (row('SELECT count(*) n FROM renders').n as number) === 1);
    expect(takeFacts()).toMatchObject({ provider: 'invokeai', model: 'stable-diffusion-1.5', text: 'a fox in snow' });
  });

  it("reads the ComfyUI graph that its video nodes put in a WebM's or an MP4's comment tag", async () => {
    const comment = JSON.stringify({ prompt: COMFY_GRAPH });
    taggedClip(path.join(src.path, 'AnimateDiff_00001.webm'), { comment });
    taggedClip(path.join(src.path, 'AnimateDiff_00002.mp4'), { comment });
    await importFolder(core, src.path);
    const takes = core.db.prepare(`SELECT r.title, r.provider, r.model, p.text, p.negative FROM renders r JOIN prompts p ON p.id = r.prompt_id ORDER BY r.title`).all();
    expect(takes).toEqual(['AnimateDiff_00001.webm', 'AnimateDiff_00002.mp4'].map((title) => ({
      title, provider: 'comfyui', model: 'sdxl_base.safetensors', text: 'a lighthouse at dusk, volumetric fog', negative: 'text, watermark',
    })));
  });

  it('trusts the sidecar over embedded metadata, and embedded generation metadata over a plain description', async () => {
    const both = taggedClip(path.join(src.path, 'both.mp4'), { comment: JSON.stringify({ prompt: COMFY_GRAPH }), description: 'ignored words' });
    writeFileSync(`${both}.dailies.json`, JSON.stringify({ schema: 'dailies.sidecar', version: 1, prompt: 'the sidecar prompt', provider: 'kling', model: 'kling-o1' }));
    taggedClip(path.join(src.path, 'graph.webm'), { comment: JSON.stringify({ prompt: COMFY_GRAPH }), title: 'Lighthouse v2' });
    await importFolder(core, src.path);
    const takes = core.db.prepare(`SELECT r.title, r.provider, r.model, p.text FROM renders r JOIN prompts p ON p.id = r.prompt_id ORDER BY r.id`).all();
    expect(takes).toEqual(expect.arrayContaining([
      { title: 'both.mp4', provider: 'kling', model: 'kling-o1', text: 'the sidecar prompt' },
      { title: 'Lighthouse v2', provider: 'comfyui', model: 'sdxl_base.safetensors', text: 'a lighthouse at dusk, volumetric fog' },
    ]));
    expect(takes).toHaveLength(2);
  });

  it('makes audio a lip-sync reference and images references unless the folder says otherwise', async () => {
    makeAudio(path.join(src.path, 'voice_take3.m4a'));
    makeImage(path.join(src.path, 'hero_face.png'), 1024, 1024);
    await core.dispatch('watch.add', { path: src.path });
    await waitFor('both as references', () => (row('SELECT count(*) n FROM refs').n as number) === 2);
    expect(core.db.prepare(`SELECT ref.title, ref.role, a.kind FROM refs ref JOIN assets a ON a.id = ref.asset_id ORDER BY ref.title`).all()).toEqual([
      { title: 'hero_face.png', role: null, kind: 'image' },
      { title: 'voice_take3.m4a', role: 'audio', kind: 'audio' },
    ]);
    expect(row('SELECT count(*) n FROM renders').n).toBe(0);
  });
});

describe('watch patterns', () => {
  it('matches names at any depth without "/", paths with it, case-insensitively', () => {
    const m = (glob: string, rel: string) => globToRegExp(glob).test(rel);
    expect(m('*.mp4', 'a/b/Take.MP4')).toBe(true);
    expect(m('*.mp4', 'take.mov')).toBe(false);
    expect(m('drafts/**', 'drafts/x/y.mp4')).toBe(true);
    expect(m('drafts/**', 'final/drafts.mp4')).toBe(false);
    expect(m('**/raw/*.{mov,mp4}', 'day1/raw/a.mov')).toBe(true);
    expect(m('take_??.mp4', 'take_01.mp4')).toBe(true);
  });
});
