// The MiniMax Hailuo adapter as a pure mapping: requests with real files, the three-step
// result (query → file_id → retrieve), and base_resp codes classified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { minimaxAdapter } from '../../main/providers/minimax/index.js';
import { MINIMAX_MODELS } from '../../main/providers/minimax/capabilities.js';
import { MINIMAX_PRICES } from '../../shared/pricing/minimax.js';
import { adapterContext, answer, b64, fileInput, makeTask } from '../helpers/adapter-tasks.js';
import { makeImage } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';

const tmp = tempDir('dailies-minimax-');
const files = {} as Record<'first' | 'last' | 'face' | 'tiny', string>;
beforeAll(() => {
  files.first = makeImage(path.join(tmp.path, 'first.png'), 1280, 720);
  files.last = makeImage(path.join(tmp.path, 'last.png'), 1280, 720);
  files.face = makeImage(path.join(tmp.path, 'face.jpg'), 600, 800);
  files.tiny = makeImage(path.join(tmp.path, 'tiny.png'), 200, 200);
});
afterAll(() => tmp.cleanup());

const task = (s: Parameters<typeof makeTask>[1], inputs?: Parameters<typeof makeTask>[2]) => makeTask({ durationS: 6 }, s, inputs);
const ctx = () => adapterContext('https://api.minimax.io');
const ok = { base_resp: { status_code: 0, status_msg: 'success' } };

describe('MiniMax requests', () => {
  it('text to video with a resolution', async () => {
    const call = await minimaxAdapter.createCall(task({ taskType: 'text_to_video', model: 'MiniMax-Hailuo-02', durationS: 10, resolution: '768P', prompt: 'rain on a tin roof' }), 'k', ctx());
    expect(call).toEqual({ method: 'POST', path: '/v1/video_generation', json: { model: 'MiniMax-Hailuo-02', prompt: 'rain on a tin roof', duration: 10, resolution: '768P' } });
    expect(await minimaxAdapter.authHeaders({ credentials: { apiKey: 'mm' }, now: () => 0 })).toEqual({ Authorization: 'Bearer mm' });
  });

  it('image to video sends first and last frames as data URIs', async () => {
    const t = task({ taskType: 'image_to_video', model: 'MiniMax-Hailuo-02', prompt: 'she turns' }, [fileInput(1, 'first_frame', files.first, 1280, 720), fileInput(2, 'end_frame', files.last, 1280, 720)]);
    const call = await minimaxAdapter.createCall(t, 'k', ctx());
    expect(call.json).toMatchObject({ first_frame_image: `data:image/png;base64,${b64(files.first)}`, last_frame_image: `data:image/png;base64,${b64(files.last)}` });
  });

  it('subject reference sends one face as a character', async () => {
    const t = task({ taskType: 'multi_reference', model: 'S2V-01', prompt: 'walks in' }, [fileInput(3, 'identity', files.face, 600, 800)]);
    expect((await minimaxAdapter.createCall(t, 'k', ctx())).json).toMatchObject({ model: 'S2V-01', subject_reference: [{ type: 'character', image: [`data:image/jpeg;base64,${b64(files.face)}`] }] });
  });

  it('refuses 1080P at 10 s, small images, aspect ratios and negative prompts before sending', () => {
    const fields = (t: ReturnType<typeof task>) => minimaxAdapter.validate(t).map((p) => `${p.field}: ${p.message}`);
    expect(fields(task({ taskType: 'text_to_video', model: 'MiniMax-Hailuo-02', durationS: 10, resolution: '1080P', prompt: 'a' }))).toEqual(['durationS: Hailuo 02 renders 1080P in 6 s only']);
    expect(fields(task({ taskType: 'text_to_video', model: 'MiniMax-Hailuo-02', resolution: '4K', aspectRatio: '9:16', negativePrompt: 'x', prompt: 'a' })).map((f) => f.split(':')[0]).sort())
      .toEqual(['aspectRatio', 'negativePrompt', 'resolution']);
    expect(fields(task({ taskType: 'image_to_video', model: 'MiniMax-Hailuo-2.3', prompt: 'a' }, [fileInput(1, 'first_frame', files.tiny, 200, 200)])).join()).toMatch(/short side ≥ 300 px/);
    expect(fields(task({ taskType: 'image_to_video', model: 'MiniMax-Hailuo-2.3', prompt: 'a' }, [fileInput(1, 'first_frame', files.first, 1280, 720), fileInput(2, 'end_frame', files.last, 1280, 720)])).join()).toMatch(/no end frame/);
    expect(fields(task({ taskType: 'text_to_video', model: 'MiniMax-Hailuo-02', prompt: 'a' }))).toEqual([]);
  });

  it('queries by task_id, and has no lookup by our key', () => {
    const t = task({ taskType: 'text_to_video', model: 'MiniMax-Hailuo-02' });
    expect(minimaxAdapter.queryCall(t, '106916112212032')).toEqual({ method: 'GET', path: '/v1/query/video_generation?task_id=106916112212032' });
    expect(minimaxAdapter.findCall(t, 'k')).toBeNull();
  });
});

describe('MiniMax answers', () => {
  it('create → task_id; Preparing and Queueing wait, Processing runs', () => {
    expect(minimaxAdapter.parseCreate(answer(200, { task_id: '42', ...ok }))).toMatchObject({ providerTaskId: '42', state: 'submitted' });
    for (const [status, state] of [['Preparing', 'submitted'], ['Queueing', 'submitted'], ['Processing', 'running']] as const) {
      expect(minimaxAdapter.parseQuery(answer(200, { task_id: '42', status, ...ok }), '42').state).toBe(state);
    }
  });

  it('Success names a file: the link is fetched from files/retrieve, under the file id', () => {
    const done = minimaxAdapter.parseQuery(answer(200, { task_id: '42', status: 'Success', file_id: '2050', video_width: 1366, video_height: 768, ...ok }), '42');
    expect(done).toMatchObject({ state: 'succeeded', videos: [], resultCall: { method: 'GET', path: '/v1/files/retrieve?file_id=2050' } });
    const videos = minimaxAdapter.parseResult!(answer(200, { file: { file_id: 2050, bytes: 5, filename: 'out.mp4', download_url: 'https://cdn.minimax.io/out.mp4' }, ...ok }), done);
    expect(videos).toEqual([{ id: '2050', url: 'https://cdn.minimax.io/out.mp4', durationS: null }]);
    expect(() => minimaxAdapter.parseResult!(answer(200, { file: {}, ...ok }), done)).toThrow(/download_url/);
  });

  it('base_resp codes decide, whatever the HTTP status', () => {
    const code = (status_code: number, msg = '') => minimaxAdapter.classify(answer(200, { task_id: '', base_resp: { status_code, status_msg: msg } }));
    expect(code(0)).toBeNull();
    expect(code(1002, 'rate limit')).toMatchObject({ kind: 'load', code: '1002' });
    expect(code(1004)).toMatchObject({ kind: 'auth' });
    expect(code(1008, 'insufficient balance')).toMatchObject({ kind: 'money', code: '1008' });
    expect(code(1026, 'input new_sensitive')).toMatchObject({ kind: 'policy', code: '1026' });
    expect(code(1027, 'output new_sensitive')).toMatchObject({ kind: 'policy', code: '1027' });
    expect(code(2013, 'invalid params')).toMatchObject({ kind: 'invalid' });
    expect(code(1008, 'insufficient balance')?.message).toMatch(/top up.*MiniMax says: insufficient balance/);
    expect(minimaxAdapter.classify(answer(503, 'Service Unavailable'))).toMatchObject({ kind: 'server', code: '503' });
    expect(minimaxAdapter.classify(answer(200, { task_id: '1' }))).toMatchObject({ kind: 'server' });
  });
});

describe('MiniMax prices', () => {
  it('per clip by model, resolution and length', () => {
    expect(minimaxAdapter.estimateCredits(task({ taskType: 'text_to_video', model: 'MiniMax-Hailuo-02', durationS: 10 }).spec, MINIMAX_PRICES)).toBe(0.56);
    expect(minimaxAdapter.estimateCredits(task({ taskType: 'text_to_video', model: 'MiniMax-Hailuo-02', resolution: '1080P' }).spec, MINIMAX_PRICES)).toBe(0.49);
    for (const m of MINIMAX_MODELS) for (const r of m.resolutions) for (const d of m.durationsByResolution[r]!) expect(MINIMAX_PRICES.clips[m.model]?.[r]?.[d], `${m.model} ${r} ${d}`).toBeGreaterThan(0);
  });
});
