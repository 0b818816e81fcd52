// The Pika-through-fal adapter as a pure mapping: endpoints per task, the queue's states,
// the result fetched from the request, and fal's refusals classified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { pikaAdapter } from '../../main/providers/pika/index.js';
import { PIKA_MODELS } from '../../main/providers/pika/capabilities.js';
import { PIKA_PRICES } from '../../shared/pricing/pika.js';
import { adapterContext, answer, b64, fileInput, makeTask } from '../helpers/adapter-tasks.js';
import { makeImage } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';

const tmp = tempDir('dailies-pika-');
const files = {} as Record<'first' | 'a' | 'b', string>;
beforeAll(() => {
  files.first = makeImage(path.join(tmp.path, 'first.png'), 1280, 720);
  files.a = makeImage(path.join(tmp.path, 'a.png'), 800, 800);
  files.b = makeImage(path.join(tmp.path, 'b.jpg'), 800, 600);
});
afterAll(() => tmp.cleanup());

const task = (s: Parameters<typeof makeTask>[1], inputs?: Parameters<typeof makeTask>[2]) => makeTask({ prompt: 'a fox in snow' }, s, inputs);
const ctx = () => adapterContext('https://queue.fal.run');

describe('Pika requests', () => {
  it('text to video goes to the model’s fal endpoint with Key auth', async () => {
    const call = await pikaAdapter.createCall(task({ taskType: 'text_to_video', model: 'pika-v2.5', durationS: 10, resolution: '1080p', aspectRatio: '9:16', negativePrompt: 'blur' }), 'k', ctx());
    expect(call).toEqual({ method: 'POST', path: '/fal-ai/pika/v2.5/text-to-video', json: { prompt: 'a fox in snow', duration: 10, negative_prompt: 'blur', resolution: '1080p', aspect_ratio: '9:16' } });
    expect(await pikaAdapter.authHeaders({ credentials: { apiKey: 'fal-1' }, now: () => 0 })).toEqual({ Authorization: 'Key fal-1' });
  });

  it('image to video sends the image inline and no aspect ratio (it follows the image)', async () => {
    const call = await pikaAdapter.createCall(task({ taskType: 'image_to_video', model: 'pika-v2.2' }, [fileInput(1, 'first_frame', files.first, 1280, 720)]), 'k', ctx());
    expect(call.path).toBe('/fal-ai/pika/v2.2/image-to-video');
    expect(call.json).toEqual({ prompt: 'a fox in snow', duration: 5, image_url: `data:image/png;base64,${b64(files.first)}` });
  });

  it('Pikascenes takes the ingredient images in order', async () => {
    const t = task({ taskType: 'multi_reference', model: 'pika-v2.2' }, [fileInput(1, 'identity', files.a, 800, 800), fileInput(2, 'product', files.b, 800, 600)]);
    const call = await pikaAdapter.createCall(t, 'k', ctx());
    expect(call.path).toBe('/fal-ai/pika/v2.2/pikascenes');
    expect(call.json).toMatchObject({ images: [{ image_url: `data:image/png;base64,${b64(files.a)}` }, { image_url: `data:image/jpeg;base64,${b64(files.b)}` }] });
  });

  it('refuses what the model lacks before sending', async () => {
    expect(pikaAdapter.validate(task({ taskType: 'multi_reference', model: 'pika-v2.5' })).map((p) => p.field)).toContain('taskType');
    expect(pikaAdapter.validate(task({ taskType: 'text_to_video', model: 'pika-v2.5', resolution: '4k', durationS: 6, prompt: '' })).map((p) => p.field).sort()).toEqual(['durationS', 'prompt', 'resolution']);
    await expect(pikaAdapter.createCall(task({ taskType: 'image_to_video', model: 'pika-v2.5' }), 'k', ctx())).rejects.toMatchObject({ providerError: { kind: 'invalid' } });
  });

  it('status, result and cancel live under the app id, not the endpoint', () => {
    const t = task({ taskType: 'text_to_video', model: 'pika-v2.5' });
    expect(pikaAdapter.queryCall(t, 'req-1')).toEqual({ method: 'GET', path: '/fal-ai/pika/requests/req-1/status' });
    expect(pikaAdapter.cancelCall!(t, 'req-1')).toEqual({ method: 'PUT', path: '/fal-ai/pika/requests/req-1/cancel' });
    expect(pikaAdapter.findCall(t, 'k')).toBeNull();
  });
});

describe('fal queue answers', () => {
  it('submit → request id; IN_QUEUE waits with its position; IN_PROGRESS runs', () => {
    expect(pikaAdapter.parseCreate(answer(200, { request_id: 'req-1', status_url: 'x', response_url: 'y', cancel_url: 'z', queue_position: 3 })))
      .toMatchObject({ providerTaskId: 'req-1', state: 'submitted', message: "In fal's queue at position 3" });
    expect(pikaAdapter.parseQuery(answer(202, { status: 'IN_QUEUE', queue_position: 0 }), 'req-1')).toMatchObject({ providerTaskId: 'req-1', state: 'submitted' });
    expect(pikaAdapter.parseQuery(answer(202, { status: 'IN_PROGRESS', logs: [] }), 'req-1')).toMatchObject({ state: 'running' });
  });

  it('COMPLETED fetches the result from the request; the video link is in it', () => {
    const done = pikaAdapter.parseQuery(answer(200, { status: 'COMPLETED', response_url: 'https://queue.fal.run/fal-ai/pika/requests/req-1' }), 'req-1');
    expect(done).toMatchObject({ state: 'succeeded', resultCall: { method: 'GET', path: '/fal-ai/pika/requests/req-1' } });
    expect(pikaAdapter.parseResult!(answer(200, { video: { url: 'https://v3.fal.media/files/out.mp4', content_type: 'video/mp4' } }), done)).toEqual([{ id: 'req-1', url: 'https://v3.fal.media/files/out.mp4', durationS: null }]);
  });

  it('COMPLETED with an error is a failure; a content-policy error is a rejection', () => {
    expect(pikaAdapter.parseQuery(answer(200, { status: 'COMPLETED', error: 'NSFW content detected', error_type: 'content_policy_violation' }), 'r').failure).toMatchObject({ kind: 'policy' });
    expect(pikaAdapter.parseQuery(answer(200, { status: 'COMPLETED', error: 'worker crashed', error_type: 'internal_error' }), 'r')).toMatchObject({ state: 'failed', failure: { kind: 'server' } });
  });

  it('classifies fal refusals', () => {
    expect(pikaAdapter.classify(answer(401, { detail: 'Invalid key' }))).toMatchObject({ kind: 'auth' });
    expect(pikaAdapter.classify(answer(403, { detail: 'User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.' }))).toMatchObject({ kind: 'money' });
    expect(pikaAdapter.classify(answer(422, { detail: [{ loc: ['body', 'prompt'], msg: 'flagged by the content checker', type: 'content_policy_violation' }] }))).toMatchObject({ kind: 'policy', code: '422' });
    expect(pikaAdapter.classify(answer(422, { detail: [{ loc: ['body', 'duration'], msg: 'unexpected value', type: 'value_error' }] }))).toMatchObject({ kind: 'invalid' });
    expect(pikaAdapter.classify(answer(429, { detail: 'slow down' }))).toMatchObject({ kind: 'load' });
    expect(pikaAdapter.classify(answer(404, { detail: 'Request not found' }))).toMatchObject({ kind: 'not_found' });
    expect(pikaAdapter.classify(answer(500, 'oops'))).toMatchObject({ kind: 'server' });
    expect(pikaAdapter.classify(answer(202, { status: 'IN_QUEUE' }))).toBeNull();
  });
});

describe('Pika prices', () => {
  it('per 5 s by resolution; every model priced', () => {
    expect(pikaAdapter.estimateCredits(task({ taskType: 'text_to_video', model: 'pika-v2.5', durationS: 10, resolution: '1080p' }).spec, PIKA_PRICES)).toBe(0.9);
    expect(pikaAdapter.estimateCredits(task({ taskType: 'text_to_video', model: 'pika-v2.5' }).spec, PIKA_PRICES)).toBe(0.2);
    for (const m of PIKA_MODELS) for (const r of m.resolutions) expect(PIKA_PRICES.per5s[m.model]?.[r], `${m.model} ${r}`).toBeGreaterThan(0);
  });
});
