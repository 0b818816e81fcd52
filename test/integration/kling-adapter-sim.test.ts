// The Kling adapter against the local simulator over real HTTP: every task type built by the
// adapter is accepted by a server speaking Kling's wire format, polled to a finished video, and
// found again by its idempotency key; errors and the account answer are read back the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { startKlingSimulator, type KlingSimulator } from '../../main/providers/simulator/index.js';
import { klingAdapter } from '../../main/providers/kling/index.js';
import { KlingCallError } from '../../main/providers/kling/errors.js';
import { createElementCall, parseElement } from '../../main/providers/kling/elements.js';
import { GenerationSpec, type GenerationSpecInput } from '../../shared/generation.js';
import type { AdapterContext, HttpCall, HttpResult, RemoteTask, ResolvedInput, ResolvedParent, ResolvedTask } from '../../main/providers/types.js';
import type { ReferenceRole } from '../../shared/domain.js';
import { makeAudio, makeImage, makeMask, tools } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';

const KEYS = { accessKey: 'sim-ak', secretKey: 'sim-sk-0123456789' };
const tmp = tempDir('dailies-kling-sim-');
let sim: KlingSimulator;
const files = {} as Record<'first' | 'end' | 'mask' | 'ref1' | 'ref2' | 'audio', string>;

beforeAll(async () => {
  sim = await startKlingSimulator({ ...KEYS, ffmpeg: tools.ffmpeg, queueDelayMs: 20, processingMs: 50, accountCostsIntervalMs: 0, dataDir: path.join(tmp.path, 'sim') });
  const p = (n: string) => path.join(tmp.path, n);
  files.first = makeImage(p('first.png'), 640, 360);
  files.end = makeImage(p('end.png'), 640, 360);
  // Painted top-left, where the motion-brush trajectory below starts (as the user drew it).
  files.mask = makeMask(p('mask.png'), 640, 360, { x: 0, y: 0, w: 0.25, h: 0.25 });
  files.ref1 = makeImage(p('ref1.png'), 480, 480);
  files.ref2 = makeImage(p('ref2.jpg'), 400, 600);
  files.audio = makeAudio(p('voice.wav'), 3);
});
afterAll(async () => {
  await sim?.close();
  tmp.cleanup();
});

async function send(call: HttpCall, credentials = KEYS): Promise<HttpResult> {
  const auth = await klingAdapter.authHeaders({ credentials, now: () => Date.now() });
  const res = await fetch(new URL(call.path, sim.baseUrl), {
    method: call.method,
    headers: { ...auth, ...(call.json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...call.headers },
    ...(call.json !== undefined ? { body: JSON.stringify(call.json) } : {}),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: Object.fromEntries(res.headers), text, json };
}

const ctx: AdapterContext = {
  get baseUrl() {
    return sim.baseUrl;
  },
  credentials: KEYS,
  now: () => Date.now(),
  readBase64: async (p) => readFileSync(p).toString('base64'),
  send: (call) => send(call),
};

function input(refId: number, role: ReferenceRole, file: string, w: number | null, h: number | null, mime = file.endsWith('.jpg') ? 'image/jpeg' : 'image/png'): ResolvedInput {
  return { refId, role, path: file, mime, width: w, height: h, size: statSync(file).size, durationMs: null };
}

function task(s: Partial<GenerationSpecInput> & Pick<GenerationSpecInput, 'taskType'>, inputs: ResolvedInput[] = [], parent: ResolvedParent | null = null): ResolvedTask {
  return { spec: GenerationSpec.parse({ accountId: 'demo', model: 'kling-v1-6', durationS: 5, ...s }), inputs, parent };
}

let keySeq = 0;
const newKey = () => `it-${process.pid}-${++keySeq}`;

/** Create, poll to the end, and check the task is found again by its key. */
async function run(t: ResolvedTask): Promise<RemoteTask & { key: string }> {
  const key = newKey();
  const created = await send(await klingAdapter.createCall(t, key, ctx));
  expect(klingAdapter.classify(created), created.text).toBeNull();
  const accepted = klingAdapter.parseCreate(created);
  expect(accepted.idempotencyKey).toBe(key);
  expect(['submitted', 'running']).toContain(accepted.state);

  let remote = accepted;
  const deadline = Date.now() + 45_000;
  while (remote.state === 'submitted' || remote.state === 'running') {
    if (Date.now() > deadline) throw new Error(`task ${remote.providerTaskId} did not finish`);
    await new Promise((r) => setTimeout(r, 100));
    const answer = await send(klingAdapter.queryCall(t, accepted.providerTaskId));
    expect(klingAdapter.classify(answer), answer.text).toBeNull();
    remote = klingAdapter.parseQuery(answer);
  }

  const found = await send(klingAdapter.findCall(t, key)!);
  expect(klingAdapter.classify(found), found.text).toBeNull();
  expect(klingAdapter.parseFind(found, key)).toMatchObject({ providerTaskId: accepted.providerTaskId, state: remote.state });
  expect(sim.state.createCountByExternal.get(key)).toBe(1);
  return { ...remote, key };
}

function expectVideo(r: RemoteTask): void {
  expect(r.state, r.message ?? '').toBe('succeeded');
  expect(r.videos).toHaveLength(1);
  expect(r.videos[0]!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  expect(r.videos[0]!.durationS).toBeGreaterThan(0);
  expect(typeof r.actualCredits).toBe('number');
}

describe('Kling adapter ↔ simulator', () => {
  let parent: ResolvedParent;

  it('text_to_video: created, polled, found by key (single and list answers), charged', async () => {
    const t = task({ taskType: 'text_to_video', prompt: 'a lighthouse at dusk', aspectRatio: '16:9', cfgScale: 0.5 });
    const r = await run(t);
    expectVideo(r);
    expect(r.actualCredits).toBe(2);
    const list = await send({ method: 'GET', path: '/v1/videos/text2video?pageNum=1&pageSize=30' });
    expect(klingAdapter.parseFind(list, r.key)).toMatchObject({ providerTaskId: r.providerTaskId });
    const v = r.videos[0]!;
    parent = { renderId: 1, path: '', provider: 'kling', providerVideoId: v.id, providerVideoUrl: v.url, width: 640, height: 360, durationMs: Math.round((v.durationS ?? 5) * 1000) };
  });

  it('text_to_video on v2.6 with sound, and on O1 (omni-video)', async () => {
    expectVideo(await run(task({ taskType: 'text_to_video', model: 'kling-v2-6', prompt: 'rain on a tin roof', sound: true })));
    expectVideo(await run(task({ taskType: 'text_to_video', model: 'kling-video-o1', prompt: 'a paper boat', durationS: 3, aspectRatio: '1:1' })));
  });

  it('image_to_video with first and end frames, classic and O1', async () => {
    const refs = [{ refId: 1, role: 'first_frame' as const }, { refId: 2, role: 'end_frame' as const }];
    const inputs = [input(1, 'first_frame', files.first, 640, 360), input(2, 'end_frame', files.end, 640, 360)];
    expectVideo(await run(task({ taskType: 'image_to_video', prompt: 'morph', references: refs }, inputs)));
    expectVideo(await run(task({ taskType: 'image_to_video', model: 'kling-video-o1', prompt: 'morph', references: refs }, inputs)));
  });

  it('motion_brush with dynamic and static masks', async () => {
    const t = task(
      { taskType: 'motion_brush', prompt: 'the ball rolls', references: [{ refId: 1, role: 'first_frame' }], motion: [{ maskRefId: 3, trajectory: [{ x: 0.1, y: 0.1 }, { x: 0.5, y: 0.5 }, { x: 0.9, y: 0.9 }] }], staticMaskRefId: 4 },
      [input(1, 'first_frame', files.first, 640, 360), input(3, 'mask', files.mask, 640, 360), input(4, 'mask', files.mask, 640, 360)],
    );
    expectVideo(await run(t));
    const sent = sim.state.creates.at(-1)!.body as { dynamic_masks?: { trajectories: { x: number; y: number }[] }[] };
    // Top-left (0.1, 0.1) of a 640×360 frame is (64, 324) from the bottom-left.
    expect(sent.dynamic_masks?.[0]?.trajectories[0]).toEqual({ x: 64, y: 324 });
  });

  it('camera_control as text2video (simple) and image2video (preset)', async () => {
    expectVideo(await run(task({ taskType: 'camera_control', model: 'kling-v1', prompt: 'a canyon', camera: { type: 'simple', config: { pan: 5 } } })));
    expectVideo(await run(task({ taskType: 'camera_control', prompt: 'a canyon', camera: { type: 'forward_up' }, references: [{ refId: 1, role: 'first_frame' }] }, [input(1, 'first_frame', files.first, 640, 360)])));
  });

  it('extend continues the Kling parent', async () => {
    const r = await run(task({ taskType: 'extend', prompt: 'the light turns on', parentRenderId: 1 }, [], parent));
    expectVideo(r);
    expect(r.videos[0]!.durationS).toBeGreaterThan((parent.durationMs ?? 0) / 1000);
  });

  it('restyle, inpaint and outpaint through omni-video', async () => {
    const o1 = { model: 'kling-video-o1', parentRenderId: 1 };
    expectVideo(await run(task({ taskType: 'restyle', prompt: 'as a watercolour', ...o1 }, [], parent)));
    expectVideo(await run(task({ taskType: 'inpaint', prompt: 'replace the lighthouse with a windmill', ...o1 }, [], parent)));
    expectVideo(await run(task({ taskType: 'outpaint', prompt: 'extend to portrait', aspectRatio: '9:16', ...o1 }, [], parent)));
  });

  it('multi_reference: O1 with images and a custom element; v1.6 multi-image2video', async () => {
    const element = parseElement(await send(await createElementCall({ name: 'hero', frontalImagePath: files.ref1 }, ctx)));
    const refs = [{ refId: 5, role: 'identity' as const }, { refId: 6, role: 'product' as const }];
    const inputs = [input(5, 'identity', files.ref1, 480, 480), input(6, 'product', files.ref2, 400, 600)];
    expectVideo(await run(task({ taskType: 'multi_reference', model: 'kling-video-o1', prompt: '<<<image_1>>> holds <<<image_2>>> beside <<<element_1>>>', references: refs, elementIds: [element.elementId] }, inputs)));
    expectVideo(await run(task({ taskType: 'multi_reference', prompt: 'two things on a table', references: refs }, inputs)));
  });

  it('lip_sync: identify-face, then advanced-lip-sync', async () => {
    const audio: ResolvedInput = { ...input(9, 'audio', files.audio, null, null, 'audio/wav'), durationMs: 3000 };
    expectVideo(await run(task({ taskType: 'lip_sync', parentRenderId: 1, lipSync: { audioRefId: 9 } }, [audio], parent)));
  });

  it('a find for an unknown key is not_found; a policy fault ends as a policy failure', async () => {
    const t = task({ taskType: 'text_to_video', prompt: 'p' });
    expect(klingAdapter.classify(await send(klingAdapter.findCall(t, 'never-sent')!))).toMatchObject({ kind: 'not_found', code: '1203' });
    await fetch(`${sim.controlUrl}/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mode: 'next', fault: 'policy_fail' }) });
    const r = await run(t);
    expect(r.state).toBe('failed');
    expect(r.failure).toMatchObject({ kind: 'policy' });
  });

  it('error envelopes classify as documented', async () => {
    const t = task({ taskType: 'text_to_video', prompt: 'p' });
    const cases = [['pack_exhausted', 'money', '1102'], ['rate_limit', 'load', '1302'], ['concurrency', 'load', '1303'], ['ip_not_allowed', 'auth', '1304'], ['policy_reject', 'policy', '1301'], ['unavailable', 'server', '5001']] as const;
    for (const [fault, kind, code] of cases) {
      await fetch(`${sim.controlUrl}/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mode: 'next', fault }) });
      const answer = await send(await klingAdapter.createCall(t, newKey(), ctx));
      expect(klingAdapter.classify(answer), fault).toMatchObject({ kind, code });
    }
    await fetch(`${sim.controlUrl}/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mode: 'next', fault: 'malformed_json' }) });
    expect(klingAdapter.classify(await send(klingAdapter.queryCall(t, 'x')))).toMatchObject({ kind: 'server' });
    expect(klingAdapter.classify(await send(klingAdapter.queryCall(t, 'x'), { accessKey: 'sim-ak', secretKey: 'wrong' }))).toMatchObject({ kind: 'auth' });
  });

  it('an identify-face refusal surfaces from createCall, classified', async () => {
    const gone = { ...parent, providerVideoId: 'no-such-video' };
    const err = await klingAdapter.createCall(task({ taskType: 'lip_sync', parentRenderId: 1, lipSync: { audioRefId: 9 } }, [{ ...input(9, 'audio', files.audio, null, null, 'audio/wav'), durationMs: 3000 }], gone), newKey(), ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KlingCallError);
    expect((err as KlingCallError).providerError).toMatchObject({ kind: 'invalid', code: '1201' });
  });

  it('account costs: remaining credits of the online packs', async () => {
    const answer = await send(klingAdapter.accountCall!(Date.now()));
    expect(klingAdapter.classify(answer), answer.text).toBeNull();
    const { remainingCredits } = klingAdapter.parseAccount!(answer);
    expect(remainingCredits).toBe(sim.state.balance);
    expect(remainingCredits).toBeLessThan(sim.state.initialCredits);
  });
});
