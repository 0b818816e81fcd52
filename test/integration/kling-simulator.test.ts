// The Kling simulator over real HTTP, as the Kling adapter and the job engine meet it: signed
// requests, real MP4 results probed with ffprobe, validation errors, every switchable fault,
// idempotency by external_task_id, credits, result URL expiry and Range.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT } from 'jose';
import { startKlingSimulator, type KlingSimulator } from '../../main/providers/simulator/index.js';
import { tempDir } from '../helpers/temp.js';
import { makeAudio, makeImage, makeMask, tools } from '../helpers/media.js';

const KEYS = { accessKey: 'ak-test', secretKey: 'sk-test-secret' };
const T2V = '/v1/videos/text2video';
const I2V = '/v1/videos/image2video';
const OMNI = '/v1/videos/omni-video';

let sim: KlingSimulator;
const dir = tempDir('dailies-klingsim-');
let pngB64: string;
let maskB64: string;
let brushMaskB64: string;
let squareB64: string;
let smallB64: string;
let audioB64: string;

async function token(claims: { iss?: string; exp?: number; nbf?: number; secret?: string } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(claims.iss ?? KEYS.accessKey)
    .setExpirationTime(claims.exp ?? now + 1800)
    .setNotBefore(claims.nbf ?? now - 5)
    .sign(new TextEncoder().encode(claims.secret ?? KEYS.secretKey));
}

interface Reply {
  status: number;
  json: { code: number; message: string; request_id: string; data: any };
}

async function call(method: string, p: string, body?: unknown, opts: { auth?: string | null; raw?: string } = {}): Promise<Reply> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const auth = opts.auth === undefined ? `Bearer ${await token()}` : opts.auth;
  if (auth) headers.Authorization = auth;
  const res = await fetch(sim.baseUrl + p, { method, headers, body: opts.raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  return { status: res.status, json: (await res.json()) as Reply['json'] };
}

async function control(method: string, p: string, body?: unknown): Promise<any> {
  const res = await fetch(`${sim.controlUrl}${p}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return res.json();
}

async function create(p: string, body: Record<string, unknown>): Promise<string> {
  const r = await call('POST', p, body);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  expect(r.json.code).toBe(0);
  expect(r.json.data.task_status).toBe('submitted');
  return r.json.data.task_id as string;
}

async function finished(p: string, id: string): Promise<any> {
  for (let i = 0; i < 600; i++) {
    const r = await call('GET', `${p}/${id}`);
    expect(r.status).toBe(200);
    if (r.json.data.task_status === 'succeed' || r.json.data.task_status === 'failed') return r.json.data;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`task ${id} did not finish`);
}

interface Probe {
  duration: number;
  width: number;
  height: number;
  audio: boolean;
}

async function download(url: string): Promise<{ file: string; probe: Probe }> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('video/mp4');
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
  const file = path.join(dir.path, `${path.basename(new URL(url).pathname)}`);
  writeFileSync(file, bytes);
  const out = JSON.parse(execFileSync(tools.ffprobe, ['-v', 'error', '-show_entries', 'stream=codec_type,width,height:format=duration', '-of', 'json', file]).toString());
  const video = out.streams.find((s: any) => s.codec_type === 'video');
  return {
    file,
    probe: { duration: Number(out.format.duration), width: video.width, height: video.height, audio: out.streams.some((s: any) => s.codec_type === 'audio') },
  };
}

/** Mean RGB of a frame at `t` seconds, to check what a clip shows. */
function meanColour(file: string, t: number, crop?: string): [number, number, number] {
  const vf = `${crop ? `crop=${crop},` : ''}scale=1:1:flags=area,format=rgb24`;
  const buf = execFileSync(tools.ffmpeg, ['-v', 'error', '-ss', String(t), '-i', file, '-frames:v', '1', '-vf', vf, '-f', 'rawvideo', '-']);
  return [buf[0]!, buf[1]!, buf[2]!];
}

async function renderT2V(body: Record<string, unknown>) {
  const id = await create(T2V, { prompt: 'a lighthouse at dusk', ...body });
  const task = await finished(T2V, id);
  expect(task.task_status, task.task_status_msg).toBe('succeed');
  return { task, ...(await download(task.task_result.videos[0].url)) };
}

beforeAll(async () => {
  const img = (name: string, w: number, h: number) => readFileSync(makeImage(path.join(dir.path, name), w, h)).toString('base64');
  pngB64 = img('frame.png', 640, 360);
  maskB64 = img('mask.png', 320, 180);
  // Painted in the frame's bottom-left quarter, where the brush trajectory below starts.
  brushMaskB64 = readFileSync(makeMask(path.join(dir.path, 'brush.png'), 320, 180, { x: 0, y: 0.75, w: 0.25, h: 0.25 })).toString('base64');
  squareB64 = img('square.png', 400, 400);
  smallB64 = img('small.png', 200, 120);
  audioB64 = readFileSync(makeAudio(path.join(dir.path, 'voice.wav'), 2)).toString('base64');
  sim = await startKlingSimulator({ ...KEYS, queueDelayMs: 30, processingMs: 30, accountCostsIntervalMs: 0, initialCredits: 500, dataDir: path.join(dir.path, 'sim') });
});

afterEach(async () => {
  await control('DELETE', '/faults');
  await control('POST', '/timing', { queueDelayMs: 30, processingMs: 30 });
});

afterAll(async () => {
  await sim?.close();
  dir.cleanup();
});

describe('auth', () => {
  it('accepts a fresh HS256 token and refuses missing, forged, foreign, early and expired ones with Kling codes', async () => {
    expect((await call('GET', `${T2V}?pageNum=1&pageSize=5`)).status).toBe(200);
    const cases: [string | null, number][] = [
      [null, 1001],
      ['Bearer not.a.jwt', 1002],
      [`Bearer ${await token({ secret: 'wrong-secret' })}`, 1002],
      [`Bearer ${await token({ iss: 'someone-else' })}`, 1000],
      [`Bearer ${await token({ nbf: Math.floor(Date.now() / 1000) + 600 })}`, 1003],
      [`Bearer ${await token({ exp: Math.floor(Date.now() / 1000) - 10 })}`, 1004],
    ];
    for (const [auth, code] of cases) {
      const r = await call('GET', T2V, undefined, { auth });
      expect(r.status).toBe(401);
      expect(r.json.code).toBe(code);
      expect(r.json.request_id).toBeTruthy();
    }
  });
});

describe('task endpoints produce real clips', () => {
  it('text2video: envelope, statuses, a playable MP4 of the requested size and length, charged on success', async () => {
    const before = sim.state.balance;
    const { task, probe, file } = await renderT2V({ model_name: 'kling-v1', duration: '5', aspect_ratio: '9:16', external_task_id: 'ext-t2v-1' });
    expect(task.task_info.external_task_id).toBe('ext-t2v-1');
    expect(task.final_unit_deduction).toBe('1');
    expect(task.task_result.videos[0].duration).toBe('5');
    expect(typeof task.created_at).toBe('number');
    expect([probe.width, probe.height]).toEqual([360, 640]);
    expect(probe.duration).toBeCloseTo(5, 0);
    expect(sim.state.balance).toBe(before - 1);
    // Another prompt gets another colour.
    const other = await renderT2V({ prompt: 'a submarine in green water', aspect_ratio: '9:16' });
    expect(meanColour(file, 1, '100:100:0:100')).not.toEqual(meanColour(other.file, 1, '100:100:0:100'));
  });

  it('text2video 10 s square with sound on kling-v2-6 has an audio track', async () => {
    const { task, probe } = await renderT2V({ model_name: 'kling-v2-6', mode: 'pro', duration: '10', aspect_ratio: '1:1', sound: 'on' });
    expect([probe.width, probe.height]).toEqual([480, 480]);
    expect(probe.duration).toBeCloseTo(10, 0);
    expect(probe.audio).toBe(true);
    expect(task.final_unit_deduction).toBe('10');
  });

  it('camera control (simple zoom) moves the picture', async () => {
    const still = await renderT2V({ prompt: 'camera test', aspect_ratio: '16:9' });
    const zoom = await renderT2V({ prompt: 'camera test', aspect_ratio: '16:9', camera_control: { type: 'simple', config: { horizontal: 0, zoom: 10 } } });
    const created = (await control('GET', '/state')).tasks.find((t: any) => t.task_id === zoom.task.task_id);
    expect(created.render.camera).toEqual({ type: 'simple', axis: 'zoom', amount: 10 });
    expect(zoom.probe.duration).toBeCloseTo(5, 0);
    // The zoomed clip's grid drifts away from the still clip's by the end.
    const a = meanColour(still.file, 4.5, '40:40:60:60');
    const b = meanColour(zoom.file, 4.5, '40:40:60:60');
    expect(a).not.toEqual(b);
  });

  it('image2video: first frame, end frame, motion brush and static mask, recorded as sent', async () => {
    const id = await create(I2V, { image: pngB64, image_tail: pngB64, prompt: 'frames', duration: '5', external_task_id: 'ext-i2v-frames' });
    const t = await finished(I2V, id);
    const { probe } = await download(t.task_result.videos[0].url);
    expect([probe.width, probe.height]).toEqual([640, 360]);

    const brush = await create(I2V, {
      image: pngB64,
      prompt: 'the ball rolls right',
      static_mask: maskB64,
      dynamic_masks: [{ mask: brushMaskB64, trajectories: [{ x: 10, y: 10 }, { x: 300, y: 200 }, { x: 620, y: 340 }] }],
      external_task_id: 'ext-i2v-brush',
    });
    // The same path read from the top-left (y=350 is 10 px below the top) starts off the painted
    // region: refused, naming the point, so a client with the wrong origin cannot pass.
    const flipped = await call('POST', I2V, {
      image: pngB64, prompt: 'the ball rolls right',
      dynamic_masks: [{ mask: brushMaskB64, trajectories: [{ x: 10, y: 350 }, { x: 300, y: 160 }] }],
    });
    expect([flipped.status, flipped.json.code]).toEqual([400, 1201]);
    expect(flipped.json.message).toMatch(/^dynamic_masks\[0\]\.trajectories\[0\]: \(10, 350\) is not on the painted part of its mask.*BOTTOM-left/);
    const b = await finished(I2V, brush);
    expect(b.task_status).toBe('succeed');
    await download(b.task_result.videos[0].url);
    const state = await control('GET', '/state');
    const sent = state.createsByExternalTaskId['ext-i2v-brush'][0].body;
    expect(sent.dynamic_masks[0].trajectories).toHaveLength(3);
    // Shortened, keeping the image format and size (a test can check a mask matches its frame).
    expect(sent.static_mask).toMatch(/chars\) png 320x180$/);
    const task = state.tasks.find((x: any) => x.task_id === brush);
    // Bottom-left origin: y=10 of 360 is near the bottom of the frame.
    expect(task.render.motion[0][0].y).toBeCloseTo(1 - 10 / 360, 3);
    expect(task.render.staticMask).toMatch(/^inline png/);
  });

  it('video-extend continues a video this simulator made and names its parent', async () => {
    const parent = await renderT2V({ prompt: 'a parent clip', aspect_ratio: '16:9' });
    const parentVideo = parent.task.task_result.videos[0];
    const id = await create('/v1/videos/video-extend', { video_id: parentVideo.id, prompt: 'the camera keeps going' });
    const t = await finished('/v1/videos/video-extend', id);
    expect(t.task_status).toBe('succeed');
    expect(t.task_info.parent_video.id).toBe(parentVideo.id);
    const { probe, file } = await download(t.task_result.videos[0].url);
    expect(probe.duration).toBeCloseTo(10, 0);
    expect([probe.width, probe.height]).toEqual([640, 360]);
    // The new part starts from the parent's last frame: same background colour just after the cut.
    const parentEnd = meanColour(parent.file, 4.9, '60:60:200:100');
    const continued = meanColour(file, 5.1, '60:60:200:100');
    for (let i = 0; i < 3; i++) expect(Math.abs(parentEnd[i]! - continued[i]!)).toBeLessThan(40);
    const unknown = await call('POST', '/v1/videos/video-extend', { video_id: 'not-ours' });
    expect([unknown.status, unknown.json.code]).toEqual([400, 1201]);
    expect(unknown.json.message).toMatch(/video_id/);
  });

  it('omni-video: restyle keeps the frame and changes the look; outpaint changes the aspect; elements are checked', async () => {
    const src = await renderT2V({ prompt: 'source for edits', aspect_ratio: '16:9' });
    const url = src.task.task_result.videos[0].url;
    const restyle = await finished(OMNI, await create(OMNI, { model_name: 'kling-video-o1', prompt: 'make <<<video_1>>> look like a woodcut', video_list: [{ video_url: url, refer_type: 'base' }] }));
    const r = await download(restyle.task_result.videos[0].url);
    expect([r.probe.width, r.probe.height]).toEqual([640, 360]);
    expect(meanColour(r.file, 2, '100:100:100:100')).not.toEqual(meanColour(src.file, 2, '100:100:100:100'));

    const outpaint = await finished(OMNI, await create(OMNI, { prompt: 'extend <<<video_1>>> to a square', aspect_ratio: '1:1', duration: '3', video_list: [{ video_url: url, refer_type: 'base' }] }));
    const o = await download(outpaint.task_result.videos[0].url);
    expect([o.probe.width, o.probe.height, Math.round(o.probe.duration)]).toEqual([480, 480, 3]);

    const el = await call('POST', '/v1/general/custom-elements', { element_name: 'hero', element_frontal_image: squareB64 });
    expect(el.json.code).toBe(0);
    const elementId = el.json.data.element_id;
    expect((await call('GET', `/v1/general/custom-elements/${elementId}`)).json.data.element_name).toBe('hero');
    expect((await call('GET', '/v1/general/custom-elements?pageNum=1&pageSize=10')).json.data.map((e: any) => e.element_id)).toContain(elementId);
    const withElement = await finished(OMNI, await create(OMNI, { prompt: '<<<element_1>>> walks in <<<image_1>>>', image_list: [{ image_url: squareB64 }], element_list: [{ element_id: elementId }], duration: '4', aspect_ratio: '9:16' }));
    const w = await download(withElement.task_result.videos[0].url);
    expect([w.probe.width, w.probe.height, Math.round(w.probe.duration)]).toEqual([360, 640, 4]);

    const missing = await call('POST', OMNI, { prompt: 'uses <<<image_2>>>', image_list: [{ image_url: squareB64 }] });
    expect([missing.status, missing.json.code]).toEqual([400, 1201]);
    expect(missing.json.message).toMatch(/prompt.*image_2/);
    const noElement = await call('POST', OMNI, { prompt: 'x', element_list: [{ element_id: '42' }] });
    expect(noElement.json.message).toMatch(/element_list\[0\]\.element_id/);
  });

  it('multi-image2video tiles up to four references and needs a prompt', async () => {
    const t = await finished('/v1/videos/multi-image2video', await create('/v1/videos/multi-image2video', { prompt: 'two friends', image_list: [{ image: pngB64 }, { image: squareB64 }], aspect_ratio: '1:1' }));
    const { probe } = await download(t.task_result.videos[0].url);
    expect([probe.width, probe.height]).toEqual([480, 480]);
    const noPrompt = await call('POST', '/v1/videos/multi-image2video', { image_list: [{ image: pngB64 }] });
    expect(noPrompt.json.message).toMatch(/^prompt/);
    const five = await call('POST', '/v1/videos/multi-image2video', { prompt: 'p', image_list: Array(5).fill({ image: pngB64 }) });
    expect(five.json.message).toMatch(/image_list.*4/);
  });

  it('lip sync: identify-face opens a session, advanced-lip-sync puts the sound on the clip', async () => {
    const src = await renderT2V({ prompt: 'a talking head', aspect_ratio: '16:9' });
    const face = await call('POST', '/v1/videos/identify-face', { video_id: src.task.task_result.videos[0].id });
    expect(face.json.code).toBe(0);
    expect(face.json.data.session_id).toBeTruthy();
    const faceId = face.json.data.face_data[0].face_id;
    const id = await create('/v1/videos/advanced-lip-sync', { session_id: face.json.data.session_id, face_choose: [{ face_id: faceId, sound_file: audioB64, sound_start_time: 0 }] });
    const t = await finished('/v1/videos/advanced-lip-sync', id);
    expect(t.task_status).toBe('succeed');
    const { probe } = await download(t.task_result.videos[0].url);
    expect(probe.audio).toBe(true);
    expect(probe.duration).toBeCloseTo(5, 0);
    const wrongFace = await call('POST', '/v1/videos/advanced-lip-sync', { session_id: face.json.data.session_id, face_choose: [{ face_id: '9', sound_file: audioB64 }] });
    expect(wrongFace.json.message).toMatch(/face_choose\[0\]\.face_id/);
  });
});

describe('validation answers 400 with the field named', () => {
  it.each([
    [T2V, { prompt: 'x'.repeat(2501) }, 1201, /^prompt: .*2500/],
    [T2V, {}, 1201, /^prompt: is required/],
    [T2V, { prompt: 'p', duration: '7' }, 1201, /^duration/],
    [T2V, { prompt: 'p', duration: 5 }, 1201, /^duration: must be a string/],
    [T2V, { prompt: 'p', aspect_ratio: '4:3' }, 1201, /^aspect_ratio/],
    [T2V, { prompt: 'p', model_name: 'kling-v9' }, 1201, /^model_name/],
    [T2V, { prompt: 'p', cfg_scale: 1.5 }, 1201, /^cfg_scale: must be a number from 0 to 1/],
    [T2V, { prompt: 'p', model_name: 'kling-v2-master', cfg_scale: 0.5 }, 1201, /^cfg_scale: is not supported/],
    [T2V, { prompt: 'p', mode: 'max' }, 1201, /^mode/],
    [T2V, { prompt: 'p', sound: 'on' }, 1201, /^sound/],
    [T2V, { prompt: 'p', camera_control: { type: 'simple', config: { pan: 2, zoom: 3 } } }, 1201, /^camera_control\.config: exactly one axis/],
    [T2V, { prompt: 'p', camera_control: { type: 'simple', config: { zoom: 0 } } }, 1201, /exactly one axis.*none/],
    [T2V, { prompt: 'p', camera_control: { type: 'simple', config: { zoom: 11 } } }, 1201, /camera_control\.config\.zoom/],
    [T2V, { prompt: 'p', camera_control: { type: 'simple' } }, 1201, /camera_control\.config: is required/],
    [T2V, { prompt: 'p', camera_control: { type: 'orbit' } }, 1201, /camera_control\.type/],
    [T2V, { prompt: 'p', model_name: 'kling-v2-6', camera_control: { type: 'down_back' } }, 1201, /camera_control: is not supported for kling-v2-6/],
    [I2V, { prompt: 'p' }, 1201, /^image: is required/],
    [I2V, { image: 'data:image/png;base64,AAAA' }, 1201, /^image: base64 images must be sent raw/],
    [I2V, { image: 'bm90IGFuIGltYWdl' }, 1201, /^image: image must be a JPG or PNG/],
    [I2V, { image: 'SMALL' }, 1201, /^image: image is 200x120; each side must be at least 300/],
    [I2V, { image: 'PNG', image_tail: 'PNG', camera_control: { type: 'down_back' } }, 1201, /^image_tail \+ camera_control: .*mutually exclusive/],
    [I2V, { image: 'PNG', dynamic_masks: [{ mask: 'MASK', trajectories: [{ x: 1, y: 1 }] }] }, 1201, /dynamic_masks\[0\]\.trajectories: needs 2 to 77 points \(got 1\)/],
    [I2V, { image: 'PNG', dynamic_masks: Array(7).fill({ mask: 'MASK', trajectories: [{ x: 1, y: 1 }, { x: 2, y: 2 }] }) }, 1201, /dynamic_masks: has 7 entries/],
    [I2V, { image: 'PNG', dynamic_masks: [{ mask: 'SQUARE', trajectories: [{ x: 1, y: 1 }, { x: 2, y: 2 }] }] }, 1201, /dynamic_masks\[0\]\.mask: .*aspect ratio/],
    [I2V, { image: 'PNG', dynamic_masks: [{ mask: 'MASK', trajectories: [{ x: 1, y: 1 }, { x: 900, y: 2 }] }] }, 1201, /trajectories\[1\]: must be \{x, y\} pixels inside the 640x360 image/],
    [OMNI, { prompt: 'p', model_name: 'kling-v1' }, 1201, /^model_name/],
    [OMNI, { prompt: 'p', duration: '11' }, 1201, /^duration/],
    [OMNI, { prompt: 'p', video_list: [{ video_url: 'http://127.0.0.1:1/x.mp4', refer_type: 'style' }] }, 1201, /video_list\[0\]\.refer_type/],
  ])('%s %j', async (p, body, code, message) => {
    const swap = (v: unknown): unknown =>
      v === 'PNG' ? pngB64 : v === 'MASK' ? maskB64 : v === 'SQUARE' ? squareB64 : v === 'SMALL' ? smallB64 : Array.isArray(v) ? v.map(swap) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)])) : v;
    const r = await call('POST', p, swap(body));
    expect(r.status).toBe(400);
    expect(r.json.code).toBe(code);
    expect(r.json.message).toMatch(message);
  });

  it('a body that is not JSON is 400/1200; an unknown task is 404/1203; pageSize over 500 is refused', async () => {
    const bad = await call('POST', T2V, undefined, { raw: '{"prompt": ' });
    expect([bad.status, bad.json.code]).toEqual([400, 1200]);
    const missing = await call('GET', `${T2V}/123`);
    expect([missing.status, missing.json.code]).toEqual([404, 1203]);
    const page = await call('GET', `${T2V}?pageNum=1&pageSize=501`);
    expect([page.status, page.json.code]).toEqual([400, 1201]);
    expect(page.json.message).toMatch(/pageSize/);
  });
});

describe('idempotency, list and query', () => {
  it('refuses a second create with the same external_task_id and finds the task by it', async () => {
    const id = await create(T2V, { prompt: 'once only', external_task_id: 'ext-dup' });
    const again = await call('POST', T2V, { prompt: 'once only', external_task_id: 'ext-dup' });
    expect([again.status, again.json.code]).toEqual([400, 1201]);
    expect(again.json.message).toMatch(/external_task_id.*already used/);
    const state = await control('GET', '/state');
    expect(state.createCountByExternalTaskId['ext-dup']).toBe(2);
    expect(state.tasks.filter((t: any) => t.external_task_id === 'ext-dup')).toHaveLength(1);

    const found = await call('GET', `${T2V}?external_task_id=ext-dup`);
    expect(found.json.data.task_id).toBe(id);
    // The path form takes task ids only.
    expect((await call('GET', `${T2V}/ext-dup`)).status).toBe(404);
    expect((await call('GET', `${T2V}?external_task_id=nope`)).json.code).toBe(1203);

    const second = await create(T2V, { prompt: 'newer' });
    const list = await call('GET', `${T2V}?pageNum=1&pageSize=2`);
    expect(list.json.data.map((t: any) => t.task_id)).toEqual([second, id]);
    await finished(T2V, second);
    await finished(T2V, id);
  });
});

describe('credits', () => {
  it('shows the balance in /account/costs, charges successes only, and answers 429/1102 when exhausted', async () => {
    const costs = async () => (await call('GET', `/account/costs?start_time=0&end_time=${Date.now()}`)).json.data.resource_pack_subscribe_infos[0];
    const before = await costs();
    expect(before.total_quantity).toBe(500);
    await renderT2V({ model_name: 'kling-v1-6', mode: 'pro' });
    expect((await costs()).remaining_quantity).toBeCloseTo(before.remaining_quantity - 3.5, 5);
    expect((await call('GET', '/account/costs')).json.message).toMatch(/start_time/);

    await control('POST', '/credits', { balance: 0.5 });
    const broke = await call('POST', T2V, { prompt: 'no money' });
    expect([broke.status, broke.json.code]).toEqual([429, 1102]);
    expect((await costs()).status).toBe('online');
    await control('POST', '/credits', { balance: 0 });
    expect((await costs()).status).toBe('runOut');
    await control('POST', '/credits', { balance: 500 });
  });
});

describe('faults', () => {
  it.each([
    ['account_abnormal', 429, 1100],
    ['arrears', 429, 1101],
    ['pack_exhausted', 429, 1102],
    ['insufficient_credits', 429, 1102],
    ['rate_limit', 429, 1302],
    ['concurrency', 429, 1303],
    ['ip_not_allowed', 429, 1304],
    ['server_error', 500, 5000],
    ['unavailable', 503, 5001],
    ['backlog_timeout', 504, 5002],
    ['policy_reject', 400, 1301],
  ])('%s answers the next create with %i/%i and makes no task', async (fault, status, code) => {
    const ext = `ext-fault-${fault}`;
    await control('POST', '/faults', { mode: 'next', fault, endpoint: `POST ${T2V}` });
    const r = await call('POST', T2V, { prompt: 'p', external_task_id: ext });
    expect([r.status, r.json.code]).toEqual([status, code]);
    const state = await control('GET', '/state');
    expect(state.tasks.some((t: any) => t.external_task_id === ext)).toBe(false);
    expect(state.createCountByExternalTaskId[ext]).toBe(1);
    expect(state.faults.fired.at(-1).fault).toBe(fault);
    // Only the next one: a retry goes through.
    await finished(T2V, await create(T2V, { prompt: 'p', external_task_id: ext }));
  });

  it('connection reset before the work leaves no task; after the work the task exists and is found by external id', async () => {
    await control('POST', '/faults', { mode: 'next', fault: 'connection_reset' });
    await expect(call('POST', T2V, { prompt: 'p', external_task_id: 'ext-reset-1' })).rejects.toThrow();
    expect((await call('GET', `${T2V}?external_task_id=ext-reset-1`)).status).toBe(404);

    await control('POST', '/faults', { mode: 'next', fault: 'connection_reset', phase: 'after' });
    await expect(call('POST', T2V, { prompt: 'p', external_task_id: 'ext-reset-2' })).rejects.toThrow();
    const found = await call('GET', `${T2V}?external_task_id=ext-reset-2`);
    expect(found.json.data.task_info.external_task_id).toBe('ext-reset-2');
    await finished(T2V, found.json.data.task_id);
  });

  it('timeout never answers', async () => {
    await control('POST', '/faults', { mode: 'next', fault: 'timeout', endpoint: T2V });
    const headers = { Authorization: `Bearer ${await token()}` };
    await expect(fetch(`${sim.baseUrl}${T2V}/1`, { headers, signal: AbortSignal.timeout(400) })).rejects.toThrow(/abort|timeout/i);
    expect((await call('GET', `${T2V}/1`)).status).toBe(404);
  });

  it('malformed JSON: the create happens but the answer cannot be parsed', async () => {
    await control('POST', '/faults', { mode: 'next', fault: 'malformed_json' });
    const res = await fetch(sim.baseUrl + T2V, { method: 'POST', headers: { Authorization: `Bearer ${await token()}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ prompt: 'p', external_task_id: 'ext-malformed' }) });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    const found = await call('GET', `${T2V}?external_task_id=ext-malformed`);
    await finished(T2V, found.json.data.task_id);
  });

  it('policy failure: the task ends failed for content safety, uncharged', async () => {
    const before = sim.state.balance;
    await control('POST', '/faults', { mode: 'next', fault: 'policy_fail' });
    const t = await finished(T2V, await create(T2V, { prompt: 'p' }));
    expect(t.task_status).toBe('failed');
    expect(t.task_status_msg).toMatch(/content safety/);
    expect(t.final_unit_deduction).toBe('0');
    expect(t.task_result.videos).toEqual([]);
    expect(sim.state.balance).toBe(before);
  });

  it('rate mode fires on a share of requests, up to count', async () => {
    await control('POST', '/faults', { mode: 'rate', rate: 1, count: 2, fault: 'rate_limit', endpoint: T2V });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await call('GET', `${T2V}?pageNum=1&pageSize=1`)).json.code);
    expect(codes).toEqual([1302, 1302, 0]);
    await control('POST', '/faults', { mode: 'rate', rate: 0, fault: 'server_error' });
    expect((await call('GET', `${T2V}?pageNum=1&pageSize=1`)).json.code).toBe(0);
    const bad = await fetch(`${sim.controlUrl}/faults`, { method: 'POST', body: JSON.stringify({ mode: 'rate', fault: 'nope' }) });
    expect(bad.status).toBe(400);
  });

  it('slow queue keeps a task submitted', async () => {
    await control('POST', '/timing', { queueDelayMs: 2000 });
    const id = await create(T2V, { prompt: 'slow' });
    await new Promise((r) => setTimeout(r, 300));
    expect((await call('GET', `${T2V}/${id}`)).json.data.task_status).toBe('submitted');
    await control('POST', '/timing', { queueDelayMs: 30 });
    await finished(T2V, id);
  });

  it('truncated download, expired URL, and Range on results', async () => {
    const { task } = await renderT2V({ prompt: 'for downloading' });
    const url = task.task_result.videos[0].url;
    const full = Buffer.from(await (await fetch(url)).arrayBuffer());

    const part = await fetch(url, { headers: { Range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${full.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(full.subarray(100, 200));
    const tail = await fetch(url, { headers: { Range: `bytes=${full.length - 50}-` } });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(full.subarray(full.length - 50));
    expect((await fetch(url, { headers: { Range: `bytes=${full.length + 10}-` } })).status).toBe(416);

    await control('POST', '/faults', { mode: 'next', fault: 'truncated_download' });
    const cut = await fetch(url);
    expect(Number(cut.headers.get('content-length'))).toBe(full.length);
    await expect(cut.arrayBuffer()).rejects.toThrow();

    await control('POST', '/faults', { mode: 'next', fault: 'expired_url' });
    expect((await fetch(url)).status).toBe(410);
    expect((await fetch(url)).status).toBe(200);
  });
});

describe('lifetimes and callbacks', () => {
  it('result URLs expire after their TTL; status changes are POSTed to callback_url', async () => {
    const received: any[] = [];
    const hook: Server = createServer((req, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        received.push(JSON.parse(text));
        res.end('ok');
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const port = (hook.address() as { port: number }).port;
    await control('POST', '/timing', { resultTtlMs: 1500 });
    try {
      const id = await create(T2V, { prompt: 'short lived', callback_url: `http://127.0.0.1:${port}/hook` });
      const t = await finished(T2V, id);
      const url = t.task_result.videos[0].url;
      expect((await fetch(url)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1600));
      expect((await fetch(url)).status).toBe(410);
      // An expired video can no longer be extended.
      expect((await call('POST', '/v1/videos/video-extend', { video_id: t.task_result.videos[0].id })).json.message).toMatch(/video_id/);
      expect(received.map((b) => b.data.task_status)).toEqual(['submitted', 'processing', 'succeed']);
      expect(received[2].code).toBe(0);
      expect(received[2].data.task_id).toBe(id);
    } finally {
      await control('POST', '/timing', { resultTtlMs: 30 * 86_400_000 });
      hook.close();
    }
  });
});
