// The Runway adapter as a pure mapping: requests per task type with real files, refusals before
// sending, and every answer and failure classified (THROTTLED waits, SAFETY.* is a rejection).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { runwayAdapter } from '../../main/providers/runway/index.js';
import { kindForFailureCode } from '../../main/providers/runway/errors.js';
import { RUNWAY_MODELS } from '../../main/providers/runway/capabilities.js';
import { estimateRunwayCredits, RUNWAY_PRICES } from '../../shared/pricing/runway.js';
import { adapterContext, answer, b64, fileInput, makeTask, parentClip } from '../helpers/adapter-tasks.js';
import { makeClip, makeImage } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';

const tmp = tempDir('dailies-runway-');
const files = {} as Record<'first' | 'style' | 'clip', string>;
beforeAll(() => {
  files.first = makeImage(path.join(tmp.path, 'first.png'), 1280, 720);
  files.style = makeImage(path.join(tmp.path, 'style.jpg'), 800, 800);
  files.clip = makeClip(path.join(tmp.path, 'parent.mp4'));
});
afterAll(() => tmp.cleanup());

const task = (s: Parameters<typeof makeTask>[1], ...rest: [Parameters<typeof makeTask>[2]?, Parameters<typeof makeTask>[3]?]) => makeTask({ model: 'gen4_turbo' }, s, ...rest);
const ctx = () => adapterContext('https://api.dev.runwayml.com');

describe('Runway requests', () => {
  it('signs with the key and the API version Runway requires', async () => {
    expect(await runwayAdapter.authHeaders({ credentials: { apiKey: ' key_1 ' }, now: () => 0 })).toEqual({ Authorization: 'Bearer key_1', 'X-Runway-Version': '2024-11-06' });
    await expect(runwayAdapter.authHeaders({ credentials: {}, now: () => 0 })).rejects.toMatchObject({ providerError: { kind: 'auth' } });
  });

  it('image to video: the first frame inline, the ratio in pixels, the duration as a number', async () => {
    const call = await runwayAdapter.createCall(task({ taskType: 'image_to_video', model: 'gen4_turbo', durationS: 10, aspectRatio: '9:16', prompt: 'the lighthouse turns' }, [fileInput(1, 'first_frame', files.first, 1280, 720)]), 'k', ctx());
    expect(call).toEqual({
      method: 'POST', path: '/v1/image_to_video',
      json: { model: 'gen4_turbo', promptText: 'the lighthouse turns', ratio: '720:1280', duration: 10, promptImage: `data:image/png;base64,${b64(files.first)}` },
    });
  });

  it('text to video on Veo 3.1 Fast carries the audio switch', async () => {
    const call = await runwayAdapter.createCall(task({ taskType: 'text_to_video', model: 'veo3.1_fast', durationS: 8, prompt: 'waves', sound: true }), 'k', ctx());
    expect(call).toEqual({ method: 'POST', path: '/v1/text_to_video', json: { model: 'veo3.1_fast', promptText: 'waves', ratio: '1280:720', duration: 8, audio: true } });
  });

  it('restyle sends the parent render inline with style references', async () => {
    const t = task({ taskType: 'restyle', model: 'gen4_aleph', prompt: 'as a watercolour', parentRenderId: 9 }, [fileInput(2, 'style', files.style, 800, 800)], parentClip(files.clip, 'kling'));
    const call = await runwayAdapter.createCall(t, 'k', ctx());
    expect(call.path).toBe('/v1/video_to_video');
    expect(call.json).toEqual({
      model: 'gen4_aleph', promptText: 'as a watercolour', ratio: '1280:720',
      videoUri: `data:video/mp4;base64,${b64(files.clip)}`, references: [{ type: 'image', uri: `data:image/jpeg;base64,${b64(files.style)}` }],
    });
  });

  it('refuses what Runway would reject, naming the field, and never sends it', async () => {
    const problems = runwayAdapter.validate(task({ taskType: 'text_to_video', model: 'gen4_turbo', durationS: 7, negativePrompt: 'blur', prompt: 'x'.repeat(1001) }));
    expect(problems.map((p) => p.field).sort()).toEqual(['durationS', 'negativePrompt', 'prompt', 'taskType']);
    expect(runwayAdapter.validate(task({ taskType: 'image_to_video', model: 'gen4_turbo' })).map((p) => p.message)).toContain('Gen-4 Turbo needs exactly one first-frame image');
    expect(runwayAdapter.validate(task({ taskType: 'text_to_video', model: 'veo3.1_fast', durationS: 8, aspectRatio: '1:1', prompt: 'a' }))[0]).toMatchObject({ field: 'aspectRatio' });
    await expect(runwayAdapter.createCall(task({ taskType: 'image_to_video', model: 'gen4_turbo' }), 'k', ctx())).rejects.toMatchObject({ providerError: { kind: 'invalid' } });
  });

  it('queries, cancels and reads the balance on Runway’s paths; it cannot look a task up by our key', () => {
    const t = task({ taskType: 'image_to_video', model: 'gen4_turbo' });
    expect(runwayAdapter.queryCall(t, 'abc/1')).toEqual({ method: 'GET', path: '/v1/tasks/abc%2F1' });
    expect(runwayAdapter.cancelCall!(t, 'abc')).toEqual({ method: 'DELETE', path: '/v1/tasks/abc' });
    expect(runwayAdapter.findCall(t, 'k')).toBeNull();
    expect(runwayAdapter.accountCall!(0)).toEqual({ method: 'GET', path: '/v1/organization' });
    expect(runwayAdapter.parseAccount!(answer(200, { creditBalance: 1234, tier: {} }))).toEqual({ remainingCredits: 1234 });
  });
});

describe('Runway answers', () => {
  it('create answers only an id: the task is submitted', () => {
    expect(runwayAdapter.parseCreate(answer(200, { id: 'task-1' }))).toMatchObject({ providerTaskId: 'task-1', state: 'submitted' });
  });

  it('THROTTLED is waiting for a slot, not a failure', () => {
    const t = runwayAdapter.parseQuery(answer(200, { id: 't', status: 'THROTTLED', createdAt: '2026-11-28T00:00:00Z' }), 't');
    expect(t).toMatchObject({ state: 'submitted', failure: null });
    expect(t.message).toMatch(/THROTTLED/);
    expect(runwayAdapter.classify(answer(200, { id: 't', status: 'THROTTLED' }))).toBeNull();
  });

  it('RUNNING reports progress; SUCCEEDED lists the output links', () => {
    expect(runwayAdapter.parseQuery(answer(200, { id: 't', status: 'RUNNING', progress: 0.4 }), 't')).toMatchObject({ state: 'running', progress: 0.4 });
    expect(runwayAdapter.parseQuery(answer(200, { id: 't', status: 'SUCCEEDED', output: ['https://dnznrvs05pmza.cloudfront.net/a.mp4'] }), 't').videos)
      .toEqual([{ id: 't', url: 'https://dnznrvs05pmza.cloudfront.net/a.mp4', durationS: null }]);
  });

  it('a failureCode SAFETY.* is a content rejection; other codes are not', () => {
    const safety = runwayAdapter.parseQuery(answer(200, { id: 't', status: 'FAILED', failure: 'Prompt flagged', failureCode: 'SAFETY.INPUT.TEXT' }), 't');
    expect(safety.failure).toMatchObject({ kind: 'policy', code: 'SAFETY.INPUT.TEXT' });
    expect(safety.failure?.message).toMatch(/rewrite the prompt/);
    expect(kindForFailureCode('SAFETY.OUTPUT.VIDEO')).toBe('policy');
    expect(kindForFailureCode('INPUT_PREPROCESSING.SAFETY.TEXT')).toBe('policy');
    expect(kindForFailureCode('INTERNAL.BAD_OUTPUT.CODE01')).toBe('server');
    expect(kindForFailureCode('ASSET.INVALID')).toBe('invalid');
    expect(kindForFailureCode(null)).toBe('server');
    expect(runwayAdapter.parseQuery(answer(200, { id: 't', status: 'CANCELLED' }), 't')).toMatchObject({ state: 'failed', failure: { code: 'CANCELLED' } });
  });

  it('classifies HTTP refusals: no credits is money, 429 waits, 401 is auth', () => {
    expect(runwayAdapter.classify(answer(400, { error: 'You do not have enough credits to run this task.' }))).toMatchObject({ kind: 'money', code: '400' });
    expect(runwayAdapter.classify(answer(400, { error: 'Invalid ratio' }))).toMatchObject({ kind: 'invalid' });
    expect(runwayAdapter.classify(answer(429, { error: 'daily limit' }, { 'retry-after': '7' }))).toMatchObject({ kind: 'load', retryAfterMs: 7000 });
    expect(runwayAdapter.classify(answer(401, { error: 'bad key' }))).toMatchObject({ kind: 'auth' });
    expect(runwayAdapter.classify(answer(404, { error: 'no task' }))).toMatchObject({ kind: 'not_found' });
    expect(runwayAdapter.classify(answer(502, '<html>bad gateway</html>'))).toMatchObject({ kind: 'server' });
    expect(runwayAdapter.classify(answer(200, '<html>'))).toMatchObject({ kind: 'server' });
    expect(runwayAdapter.classify(answer(204, undefined))).toBeNull();
  });

  it('a malformed task answer is thrown as a server problem, not taken for a state', () => {
    expect(() => runwayAdapter.parseQuery(answer(200, { id: 't', status: 'EXPLODED' }), 't')).toThrow(/unknown status/);
    expect(() => runwayAdapter.parseQuery(answer(200, { status: 'RUNNING' }), 't')).toThrow(/id missing/);
  });
});

describe('Runway prices', () => {
  it('estimates from the shared table, every model priced', () => {
    expect(runwayAdapter.estimateCredits(task({ taskType: 'image_to_video', model: 'gen4_turbo', durationS: 10 }).spec, RUNWAY_PRICES)).toBe(50);
    expect(estimateRunwayCredits({ model: 'veo3.1_fast', durationS: 8, sound: true })).toBe(120);
    for (const m of RUNWAY_MODELS) expect(RUNWAY_PRICES.models[m.model], m.model).toBeDefined();
  });
});
