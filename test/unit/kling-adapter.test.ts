// The Kling adapter as a pure mapping: what it sends for every task type (with real image and
// audio files), what it refuses before sending, how it signs, and how it reads Kling's answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { klingAdapter } from '../../main/providers/kling/index.js';
import { KlingCallError, KLING_ERROR_CODES } from '../../main/providers/kling/errors.js';
import { toKlingPoint, toKlingTrajectory } from '../../main/providers/kling/trajectory.js';
import { KLING_MODELS } from '../../main/providers/kling/capabilities.js';
import { estimateKlingCredits, KLING_PRICES } from '../../shared/pricing/kling.js';
import { createElementCall, listElementsCall, parseElement, parseElementList } from '../../main/providers/kling/elements.js';
import { GenerationSpec, type GenerationSpecInput } from '../../shared/generation.js';
import type { AdapterContext, HttpCall, HttpResult, ModelCapabilities, ResolvedInput, ResolvedParent, ResolvedTask } from '../../main/providers/types.js';
import type { ReferenceRole } from '../../shared/domain.js';
import { makeAudio, makeImage } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';

const tmp = tempDir('dailies-kling-');
const files = {} as Record<'first' | 'end' | 'mask1' | 'mask2' | 'still' | 'ref1' | 'ref2' | 'tiny' | 'wide' | 'audio', string>;

beforeAll(() => {
  const p = (n: string) => path.join(tmp.path, n);
  files.first = makeImage(p('first.png'), 1280, 720);
  files.end = makeImage(p('end.png'), 1280, 720);
  files.mask1 = makeImage(p('mask1.png'), 640, 360);
  files.mask2 = makeImage(p('mask2.png'), 640, 360);
  files.still = makeImage(p('still.png'), 640, 360);
  files.ref1 = makeImage(p('ref1.jpg'), 800, 800);
  files.ref2 = makeImage(p('ref2.png'), 600, 900);
  files.tiny = makeImage(p('tiny.png'), 200, 200);
  files.wide = makeImage(p('wide.png'), 1200, 400);
  files.audio = makeAudio(p('voice.wav'), 3);
});
afterAll(() => tmp.cleanup());

const b64 = (file: string) => readFileSync(file).toString('base64');

function input(refId: number, role: ReferenceRole, file: string, w: number | null, h: number | null, mime = file.endsWith('.jpg') ? 'image/jpeg' : 'image/png'): ResolvedInput {
  return { refId, role, path: file, mime, width: w, height: h, size: statSync(file).size, durationMs: null };
}

function spec(s: Partial<GenerationSpecInput> & Pick<GenerationSpecInput, 'taskType'>) {
  return GenerationSpec.parse({ accountId: 'kling-main', model: 'kling-v1-6', durationS: 5, ...s });
}

function task(s: Partial<GenerationSpecInput> & Pick<GenerationSpecInput, 'taskType'>, inputs: ResolvedInput[] = [], parent: ResolvedParent | null = null): ResolvedTask {
  return { spec: spec(s), inputs, parent };
}

const klingParent: ResolvedParent = {
  renderId: 7, path: '/lib/a.mp4', provider: 'kling', providerVideoId: 'vid-123',
  providerVideoUrl: 'https://cdn.klingai.example/vid-123.mp4', width: 1280, height: 720, durationMs: 5000,
};
const importedParent: ResolvedParent = { ...klingParent, provider: null, providerVideoId: null, providerVideoUrl: null };

function ctx(over: Partial<AdapterContext> = {}): AdapterContext & { sent: HttpCall[] } {
  const sent: HttpCall[] = [];
  return {
    baseUrl: 'https://api-singapore.klingai.com',
    credentials: { accessKey: 'ak-test', secretKey: 'sk-test-secret' },
    now: () => 1_800_000_000_000,
    readBase64: async (p) => readFileSync(p).toString('base64'),
    send: async (call) => {
      sent.push(call);
      return ok({ session_id: 'sess-1', face_data: [{ face_id: 'face-a', face_image: 'https://x/f.png', start_time: 500, end_time: 4800 }] });
    },
    callbackUrl: 'https://dailies.local/cb',
    ...over,
    sent,
  };
}

function result(status: number, json: unknown, headers: Record<string, string> = {}): HttpResult {
  return { status, headers, text: JSON.stringify(json), json };
}
function ok(data: unknown): HttpResult {
  return result(200, { code: 0, message: 'SUCCEED', request_id: 'req-1', data });
}

const KEY = 'job-42-7f3a';
const ENV = { external_task_id: KEY, callback_url: 'https://dailies.local/cb' };

async function create(t: ResolvedTask, c = ctx()) {
  return klingAdapter.createCall(t, KEY, c);
}

describe('Kling requests per task type', () => {
  it('text_to_video → /v1/videos/text2video with the text2video fields', async () => {
    const call = await create(task({ taskType: 'text_to_video', prompt: 'a fox in snow', negativePrompt: 'text', aspectRatio: '9:16', cfgScale: 0.4, mode: 'pro', durationS: 10 }));
    expect(call).toEqual({
      method: 'POST', path: '/v1/videos/text2video',
      json: { model_name: 'kling-v1-6', prompt: 'a fox in snow', negative_prompt: 'text', mode: 'pro', duration: '10', aspect_ratio: '9:16', cfg_scale: 0.4, ...ENV },
    });
  });

  it('leaves callback_url out when the engine does not listen', async () => {
    const call = await create(task({ taskType: 'text_to_video', prompt: 'p' }), ctx({ callbackUrl: undefined }));
    expect(call.json).toEqual({ model_name: 'kling-v1-6', prompt: 'p', mode: 'std', duration: '5', external_task_id: KEY });
  });

  it('sends sound on|off only to v2.6', async () => {
    const call = await create(task({ taskType: 'text_to_video', model: 'kling-v2-6', prompt: 'rain', sound: true }));
    expect(call.json).toEqual({ model_name: 'kling-v2-6', prompt: 'rain', mode: 'std', duration: '5', sound: 'on', ...ENV });
  });

  it('text_to_video on Kling O1 → omni-video', async () => {
    const call = await create(task({ taskType: 'text_to_video', model: 'kling-video-o1', prompt: 'p', durationS: 7, aspectRatio: '1:1' }));
    expect(call).toEqual({ method: 'POST', path: '/v1/videos/omni-video', json: { model_name: 'kling-video-o1', prompt: 'p', mode: 'std', duration: '7', aspect_ratio: '1:1', ...ENV } });
  });

  it('image_to_video → image2video with image / image_tail as raw base64', async () => {
    const t = task({ taskType: 'image_to_video', prompt: 'walks', references: [{ refId: 1, role: 'first_frame' }, { refId: 2, role: 'end_frame' }] },
      [input(1, 'first_frame', files.first, 1280, 720), input(2, 'end_frame', files.end, 1280, 720)]);
    const call = await create(t);
    expect(call.path).toBe('/v1/videos/image2video');
    expect(call.json).toEqual({ model_name: 'kling-v1-6', prompt: 'walks', mode: 'std', duration: '5', image: b64(files.first), image_tail: b64(files.end), ...ENV });
  });

  it('strips a data: prefix if a reader returns one', async () => {
    const t = task({ taskType: 'image_to_video', references: [{ refId: 1, role: 'first_frame' }] }, [input(1, 'first_frame', files.first, 1280, 720)]);
    const call = await create(t, ctx({ readBase64: async (p) => `data:image/png;base64,${b64(p)}` }));
    expect((call.json as Record<string, unknown>).image).toBe(b64(files.first));
  });

  it('image_to_video on O1 → omni-video image_list typed first_frame / end_frame', async () => {
    const t = task({ taskType: 'image_to_video', model: 'kling-video-o1', prompt: 'p', references: [{ refId: 1, role: 'first_frame' }, { refId: 2, role: 'end_frame' }] },
      [input(1, 'first_frame', files.first, 1280, 720), input(2, 'end_frame', files.end, 1280, 720)]);
    const call = await create(t);
    expect(call).toEqual({
      method: 'POST', path: '/v1/videos/omni-video',
      json: { model_name: 'kling-video-o1', prompt: 'p', mode: 'std', duration: '5', image_list: [{ image_url: b64(files.first), type: 'first_frame' }, { image_url: b64(files.end), type: 'end_frame' }], ...ENV },
    });
  });

  it('motion_brush → image2video with dynamic_masks (bottom-left pixels) and static_mask', async () => {
    const t = task(
      {
        taskType: 'motion_brush', prompt: 'the bird flies', references: [{ refId: 1, role: 'first_frame' }],
        motion: [
          { maskRefId: 11, trajectory: [{ x: 0, y: 0 }, { x: 0.5, y: 0.25 }, { x: 1, y: 1 }] },
          { maskRefId: 12, trajectory: [{ x: 0.1, y: 0.9 }, { x: 0.2, y: 0.8 }] },
        ],
        staticMaskRefId: 13,
      },
      [input(1, 'first_frame', files.first, 1280, 720), input(11, 'mask', files.mask1, 640, 360), input(12, 'mask', files.mask2, 640, 360), input(13, 'mask', files.still, 640, 360)],
    );
    const call = await create(t);
    expect(call.path).toBe('/v1/videos/image2video');
    expect(call.json).toEqual({
      model_name: 'kling-v1-6', prompt: 'the bird flies', mode: 'std', duration: '5', image: b64(files.first),
      dynamic_masks: [
        { mask: b64(files.mask1), trajectories: [{ x: 0, y: 720 }, { x: 640, y: 540 }, { x: 1280, y: 0 }] },
        { mask: b64(files.mask2), trajectories: [{ x: 128, y: 72 }, { x: 256, y: 144 }] },
      ],
      static_mask: b64(files.still),
      ...ENV,
    });
  });

  it('camera_control without a frame → text2video with a six-axis config, one non-zero', async () => {
    const call = await create(task({ taskType: 'camera_control', model: 'kling-v1', prompt: 'city', camera: { type: 'simple', config: { zoom: -4 } } }));
    expect(call).toEqual({
      method: 'POST', path: '/v1/videos/text2video',
      json: { model_name: 'kling-v1', prompt: 'city', mode: 'std', duration: '5', camera_control: { type: 'simple', config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: -4 } }, ...ENV },
    });
  });

  it('camera_control with a first frame → image2video; presets carry no config', async () => {
    const t = task({ taskType: 'camera_control', prompt: 'orbit', camera: { type: 'forward_up' }, references: [{ refId: 1, role: 'first_frame' }] }, [input(1, 'first_frame', files.first, 1280, 720)]);
    const call = await create(t);
    expect(call.path).toBe('/v1/videos/image2video');
    expect(call.json).toEqual({ model_name: 'kling-v1-6', prompt: 'orbit', mode: 'std', duration: '5', image: b64(files.first), camera_control: { type: 'forward_up' }, ...ENV });
  });

  it('extend → /v1/videos/video-extend with the parent Kling video id', async () => {
    const call = await create(task({ taskType: 'extend', prompt: 'keeps walking', negativePrompt: 'blur', cfgScale: 0.5, parentRenderId: 7 }, [], klingParent));
    expect(call).toEqual({ method: 'POST', path: '/v1/videos/video-extend', json: { video_id: 'vid-123', prompt: 'keeps walking', negative_prompt: 'blur', cfg_scale: 0.5, ...ENV } });
  });

  for (const taskType of ['restyle', 'inpaint'] as const) {
    it(`${taskType} → omni-video, parent as video_list base, no duration`, async () => {
      const call = await create(task({ taskType, model: 'kling-video-o1', mode: 'pro', prompt: 'make it anime', parentRenderId: 7 }, [], klingParent));
      expect(call).toEqual({
        method: 'POST', path: '/v1/videos/omni-video',
        json: { model_name: 'kling-video-o1', prompt: 'make it anime', mode: 'pro', video_list: [{ video_url: klingParent.providerVideoUrl, refer_type: 'base' }], ...ENV },
      });
    });
  }

  it('outpaint → omni-video carrying the target aspect_ratio', async () => {
    const call = await create(task({ taskType: 'outpaint', model: 'kling-video-o1', prompt: 'widen to landscape', aspectRatio: '16:9', parentRenderId: 7 }, [], klingParent));
    expect(call.json).toEqual({ model_name: 'kling-video-o1', prompt: 'widen to landscape', mode: 'std', video_list: [{ video_url: klingParent.providerVideoUrl, refer_type: 'base' }], aspect_ratio: '16:9', ...ENV });
  });

  it('multi_reference on O1 → omni-video with image_list, element_list and a feature video', async () => {
    const t = task(
      { taskType: 'multi_reference', model: 'kling-video-o1', prompt: '<<<image_1>>> hands <<<element_1>>> to <<<image_2>>> in the style of <<<video_1>>>', references: [{ refId: 3, role: 'identity' }, { refId: 4, role: 'product' }], elementIds: ['el-9'], parentRenderId: 7 },
      [input(3, 'identity', files.ref1, 800, 800), input(4, 'product', files.ref2, 600, 900)], klingParent,
    );
    const call = await create(t);
    expect(call).toEqual({
      method: 'POST', path: '/v1/videos/omni-video',
      json: {
        model_name: 'kling-video-o1', prompt: '<<<image_1>>> hands <<<element_1>>> to <<<image_2>>> in the style of <<<video_1>>>', mode: 'std', duration: '5',
        image_list: [{ image_url: b64(files.ref1) }, { image_url: b64(files.ref2) }], element_list: [{ element_id: 'el-9' }],
        video_list: [{ video_url: klingParent.providerVideoUrl, refer_type: 'feature' }], ...ENV,
      },
    });
  });

  it('multi_reference on kling-v1-6 → multi-image2video with image_list[{image}]', async () => {
    const t = task({ taskType: 'multi_reference', prompt: 'two friends', references: [{ refId: 3, role: 'identity' }, { refId: 4, role: 'identity' }] },
      [input(3, 'identity', files.ref1, 800, 800), input(4, 'identity', files.ref2, 600, 900)]);
    const call = await create(t);
    expect(call).toEqual({
      method: 'POST', path: '/v1/videos/multi-image2video',
      json: { model_name: 'kling-v1-6', prompt: 'two friends', mode: 'std', duration: '5', image_list: [{ image: b64(files.ref1) }, { image: b64(files.ref2) }], ...ENV },
    });
  });

  describe('lip_sync', () => {
    const audio = (): ResolvedInput => ({ ...input(20, 'audio', files.audio, null, null, 'audio/wav'), durationMs: 3000 });
    const lipTask = (faceId?: string) => task({ taskType: 'lip_sync', parentRenderId: 7, lipSync: { audioRefId: 20, ...(faceId ? { faceId } : {}) } }, [audio()], klingParent);

    it('identify-face (by Kling video id), then advanced-lip-sync for the only face', async () => {
      const c = ctx();
      const call = await create(lipTask(), c);
      expect(c.sent).toEqual([{ method: 'POST', path: '/v1/videos/identify-face', json: { video_id: 'vid-123' } }]);
      expect(call).toEqual({
        method: 'POST', path: '/v1/videos/advanced-lip-sync',
        json: {
          session_id: 'sess-1',
          face_choose: [{ face_id: 'face-a', sound_file: b64(files.audio), sound_start_time: 0, sound_end_time: 3000, sound_insert_time: 500, sound_volume: 1, original_audio_volume: 1 }],
          ...ENV,
        },
      });
    });

    it('identifies by URL when the parent has no Kling video id', async () => {
      const c = ctx();
      await create({ ...lipTask(), parent: { ...klingParent, provider: null, providerVideoId: null } }, c);
      expect(c.sent[0]?.json).toEqual({ video_url: klingParent.providerVideoUrl });
    });

    const twoFaces = async () => ok({ session_id: 's2', face_data: [{ face_id: 'f1', start_time: 0, end_time: 2000 }, { face_id: 'f2', start_time: 100, end_time: 5000 }] });

    it('several faces and none chosen → a clear error naming them', async () => {
      await expect(create(lipTask(), ctx({ send: twoFaces }))).rejects.toThrow(/2 faces \(f1, f2\): choose which one speaks/);
    });

    it('uses the chosen face', async () => {
      const call = await create(lipTask('f2'), ctx({ send: twoFaces }));
      expect(call.json).toMatchObject({ session_id: 's2', face_choose: [{ face_id: 'f2', sound_insert_time: 100 }] });
    });

    it('a chosen face that is not in the clip, or no face at all, is refused', async () => {
      await expect(create(lipTask('f9'), ctx({ send: twoFaces }))).rejects.toThrow(/face "f9" is not in this clip; faces found: f1, f2/);
      await expect(create(lipTask(), ctx({ send: async () => ok({ session_id: 's', face_data: [] }) }))).rejects.toThrow(/no face/);
    });

    it('an identify-face error surfaces classified', async () => {
      const err = await create(lipTask(), ctx({ send: async () => result(429, { code: 1302, message: 'rate', request_id: 'r' }) })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(KlingCallError);
      expect((err as KlingCallError).providerError).toMatchObject({ kind: 'load', code: '1302' });
    });
  });

  it('query and find use the create path of the task', () => {
    const t2v = task({ taskType: 'text_to_video', prompt: 'p' });
    expect(klingAdapter.queryCall(t2v, 'task-1')).toEqual({ method: 'GET', path: '/v1/videos/text2video/task-1' });
    expect(klingAdapter.findCall(t2v, 'job 1/x')).toEqual({ method: 'GET', path: '/v1/videos/text2video?external_task_id=job%201%2Fx' });
    const lip = task({ taskType: 'lip_sync', parentRenderId: 7, lipSync: { audioRefId: 20 } }, [], klingParent);
    expect(klingAdapter.queryCall(lip, 't').path).toBe('/v1/videos/advanced-lip-sync/t');
    const edit = task({ taskType: 'restyle', model: 'kling-video-o1', prompt: 'p', parentRenderId: 7 }, [], klingParent);
    expect(klingAdapter.findCall(edit, 'k')!.path).toBe('/v1/videos/omni-video?external_task_id=k');
    expect(klingAdapter.queryCall(task({ taskType: 'extend', parentRenderId: 7 }, [], klingParent), 'e').path).toBe('/v1/videos/video-extend/e');
  });

  it('createCall refuses a task that fails validation, before reading files or sending', async () => {
    const c = ctx();
    const err = await create(task({ taskType: 'extend', parentRenderId: 7 }, [], importedParent), c).catch((e: unknown) => e);
    expect((err as KlingCallError).providerError).toMatchObject({ kind: 'invalid', code: 'validation' });
    expect(c.sent).toEqual([]);
  });
});

describe('trajectory conversion', () => {
  it('maps normalized top-left points to bottom-left pixels of the first frame', () => {
    expect(toKlingPoint({ x: 0.25, y: 0.1 }, 1000, 500)).toEqual({ x: 250, y: 450 });
    expect(toKlingPoint({ x: 0, y: 1 }, 1000, 500)).toEqual({ x: 0, y: 0 });
    expect(toKlingPoint({ x: 1, y: 0 }, 1000, 500)).toEqual({ x: 1000, y: 500 });
    // Rounding to whole pixels: 0.333·1280 = 426.24, (1 − 0.667)·720 = 239.76.
    expect(toKlingTrajectory([{ x: 0.333, y: 0.667 }], 1280, 720)).toEqual([{ x: 426, y: 240 }]);
  });
});

/** Temporarily narrows a model's capabilities, to exercise checks the real table never trips. */
function withCaps(model: string, patch: Partial<ModelCapabilities>, fn: () => void): void {
  const m = KLING_MODELS.find((x) => x.model === model) as ModelCapabilities;
  const saved = { ...m };
  Object.assign(m, patch);
  try {
    fn();
  } finally {
    Object.assign(m, saved);
  }
}

describe('validation', () => {
  const fields = (t: ResolvedTask) => klingAdapter.validate(t);
  const expectProblem = (t: ResolvedTask, field: string, message: RegExp) => {
    const problems = fields(t);
    expect(problems, JSON.stringify(problems)).toContainEqual({ field, message: expect.stringMatching(message) });
  };
  const first = () => input(1, 'first_frame', files.first, 1280, 720);
  const frameRef = [{ refId: 1, role: 'first_frame' as const }];

  it('accepts a valid task', () => {
    expect(fields(task({ taskType: 'text_to_video', prompt: 'p' }))).toEqual([]);
  });
  it('unknown model, and a model that cannot do the task type', () => {
    expectProblem(task({ taskType: 'text_to_video', model: 'kling-v9', prompt: 'p' }), 'model', /no model "kling-v9": choose one of kling-v1, /);
    expectProblem(task({ taskType: 'restyle', model: 'kling-v1', prompt: 'p' }), 'model', /Kling 1.0 cannot do restyle: choose kling-video-o1/);
  });
  it('prompt and negative prompt length, prompt required', () => {
    expectProblem(task({ taskType: 'text_to_video', prompt: 'x'.repeat(2501) }), 'prompt', /2501 characters; Kling accepts at most 2500: shorten it by 1/);
    expectProblem(task({ taskType: 'text_to_video', prompt: 'p', negativePrompt: 'n'.repeat(2600) }), 'negativePrompt', /at most 2500: shorten it by 100/);
    expectProblem(task({ taskType: 'text_to_video' }), 'prompt', /needs a prompt/);
    expectProblem(task({ taskType: 'text_to_video', model: 'kling-video-o1', prompt: 'p', negativePrompt: 'n' }), 'negativePrompt', /O1 takes no negative prompt/);
  });
  it('duration, mode, aspect, sound and cfg_scale against the model', () => {
    expectProblem(task({ taskType: 'text_to_video', prompt: 'p', durationS: 7 }), 'durationS', /makes 5, 10 s clips, not 7 s/);
    expectProblem(task({ taskType: 'text_to_video', prompt: 'p', sound: true }), 'sound', /silent video: turn sound off or choose kling-v2-6/);
    expectProblem(task({ taskType: 'text_to_video', model: 'kling-v2-1-master', prompt: 'p', cfgScale: 0.5 }), 'cfgScale', /does not take cfg_scale/);
    expect(fields(task({ taskType: 'text_to_video', model: 'kling-video-o1', prompt: 'p', durationS: 3 }))).toEqual([]);
  });
  it('mode and aspect support (checked against the capability table)', () => {
    // Every listed model offers both modes and three aspects today; narrow one to exercise the checks.
    withCaps('kling-v2-master', { modes: ['pro'], aspectRatios: ['16:9'] }, () => {
      const t = task({ taskType: 'text_to_video', model: 'kling-v2-master', prompt: 'p', mode: 'std', aspectRatio: '9:16' });
      expectProblem(t, 'mode', /Kling 2.0 Master has no std mode: use pro/);
      expectProblem(t, 'aspectRatio', /does not render 9:16: use 16:9/);
    });
  });
  it('image limits: type, size, sides, aspect', () => {
    const t = (i: ResolvedInput) => task({ taskType: 'image_to_video', references: frameRef }, [i]);
    expectProblem(t({ ...first(), mime: 'image/webp' }), 'references.0', /image\/webp; Kling accepts only JPEG or PNG/);
    expectProblem(t({ ...first(), size: 11 * 1024 * 1024 }), 'references.0', /11.0 MB; Kling accepts at most 10 MB/);
    expectProblem(t(input(1, 'first_frame', files.tiny, 200, 200)), 'references.0', /200×200 px; Kling needs at least 300 px on each side/);
    expectProblem(t(input(1, 'first_frame', files.wide, 1200, 400)), 'references.0', /aspect 3.00:1\); Kling accepts 1:2.5 to 2.5:1: crop it/);
  });
  it('image to video needs a frame; frames, motion brush and camera are exclusive', () => {
    expectProblem(task({ taskType: 'image_to_video' }), 'references', /needs a first-frame or end-frame image/);
    expectProblem(task({ taskType: 'image_to_video', references: frameRef, camera: { type: 'down_back' } }, [first()]), 'camera', /does not combine start\/end frames, motion brush and camera control/);
    expectProblem(task({ taskType: 'image_to_video', references: frameRef, staticMaskRefId: 5 }, [first()]), 'motion', /does not combine/);
    const withEnd = [first(), input(2, 'end_frame', files.end, 1280, 720)];
    const refs = [...frameRef, { refId: 2, role: 'end_frame' as const }];
    expectProblem(task({ taskType: 'motion_brush', references: refs, staticMaskRefId: 2 }, withEnd), 'references', /does not combine.*remove the end frame/);
    expectProblem(task({ taskType: 'camera_control', prompt: 'p', references: refs, camera: { type: 'down_back' } }, withEnd), 'references', /does not combine.*remove the end frame/);
    expectProblem(task({ taskType: 'camera_control', prompt: 'p', references: frameRef, camera: { type: 'down_back' }, staticMaskRefId: 9 }, [first()]), 'motion', /remove the motion brush/);
    expectProblem(task({ taskType: 'motion_brush', references: frameRef, staticMaskRefId: 9, camera: { type: 'down_back' } }, [first(), input(9, 'mask', files.still, 640, 360)]), 'camera', /remove the camera move/);
  });
  it('motion brush: frame with size, regions, ≤ 6 masks, 2–77 points, masks at the frame aspect', () => {
    const traj = [{ x: 0, y: 0 }, { x: 1, y: 1 }];
    expectProblem(task({ taskType: 'motion_brush', motion: [{ maskRefId: 11, trajectory: traj }] }, [input(11, 'mask', files.mask1, 640, 360)]), 'references', /paints on a first-frame image/);
    expectProblem(task({ taskType: 'motion_brush', references: frameRef, motion: [{ maskRefId: 11, trajectory: traj }] }, [{ ...first(), width: null, height: null }, input(11, 'mask', files.mask1, 640, 360)]), 'references', /size is unknown/);
    expectProblem(task({ taskType: 'motion_brush', references: frameRef }, [first()]), 'motion', /at least one painted region/);
    const seven = Array.from({ length: 7 }, () => ({ maskRefId: 11, trajectory: traj }));
    const over = { spec: { ...spec({ taskType: 'motion_brush', references: frameRef }), motion: seven }, inputs: [first(), input(11, 'mask', files.mask1, 640, 360)], parent: null };
    expectProblem(over, 'motion', /7 motion regions; Kling accepts at most 6: merge or remove 1/);
    const long = { spec: { ...spec({ taskType: 'motion_brush', references: frameRef }), motion: [{ maskRefId: 11, trajectory: Array.from({ length: 78 }, () => ({ x: 0.5, y: 0.5 })) }] }, inputs: [first(), input(11, 'mask', files.mask1, 640, 360)], parent: null };
    expectProblem(long, 'motion.0.trajectory', /78 points; Kling needs 2–77: simplify the path/);
    const short = { spec: { ...spec({ taskType: 'motion_brush', references: frameRef }), motion: [{ maskRefId: 11, trajectory: [{ x: 0, y: 0 }] }] }, inputs: [first(), input(11, 'mask', files.mask1, 640, 360)], parent: null };
    expectProblem(short, 'motion.0.trajectory', /1 points; Kling needs 2–77: draw a longer path/);
    expectProblem(task({ taskType: 'motion_brush', references: frameRef, motion: [{ maskRefId: 11, trajectory: traj }] }, [first()]), 'motion.0.maskRefId', /missing from the library/);
    expectProblem(task({ taskType: 'motion_brush', references: frameRef, motion: [{ maskRefId: 11, trajectory: traj }] }, [first(), input(11, 'mask', files.ref1, 800, 800, 'image/jpeg')]), 'motion.0.maskRefId', /800×800 but the first frame is 1280×720: masks must have the first frame's aspect ratio/);
    expectProblem(task({ taskType: 'motion_brush', references: frameRef, staticMaskRefId: 12 }, [first(), input(12, 'mask', files.tiny, 200, 200)]), 'staticMaskRefId', /300 px on each side/);
  });
  it('camera: one non-zero axis for simple, none for presets, model/mode/duration support', () => {
    expectProblem(task({ taskType: 'camera_control', prompt: 'p', camera: { type: 'simple', config: { pan: 2, zoom: 3 } } }), 'camera.config', /exactly one non-zero axis, not 2 \(pan, zoom\)/);
    expectProblem(task({ taskType: 'camera_control', prompt: 'p', camera: { type: 'simple', config: { pan: 0 } } }), 'camera.config', /needs one axis set/);
    expectProblem(task({ taskType: 'camera_control', prompt: 'p', camera: { type: 'simple' } }), 'camera.config', /needs one axis set/);
    expectProblem(task({ taskType: 'camera_control', prompt: 'p', camera: { type: 'down_back', config: { zoom: 2 } } }), 'camera.config', /preset and takes no axes/);
    expectProblem(task({ taskType: 'camera_control', prompt: 'p' }), 'camera', /needs a camera move/);
    expectProblem(task({ taskType: 'camera_control', prompt: 'p', durationS: 10, camera: { type: 'down_back' } }), 'durationS', /5 s clips only/);
    expect(fields(task({ taskType: 'camera_control', prompt: 'p', camera: { type: 'simple', config: { tilt: -3, pan: 0 } } }))).toEqual([]);
  });
  it('camera type not offered in the chosen mode, or not by the model', () => {
    withCaps('kling-v1', { camera: { std: ['simple'], pro: ['simple', 'down_back'] } }, () => {
      expectProblem(task({ taskType: 'camera_control', model: 'kling-v1', prompt: 'p', camera: { type: 'down_back' } }), 'camera.type', /offers the down_back camera only in pro mode: switch mode/);
    });
    expectProblem(task({ taskType: 'camera_control', model: 'kling-v2-6', prompt: 'p', camera: { type: 'down_back' } }), 'model', /Kling 2.6 cannot do camera control: choose kling-v1 or kling-v1-6/);
  });
  it('extend needs a parent made by Kling', () => {
    expectProblem(task({ taskType: 'extend' }), 'parentRenderId', /choose the render to extend/);
    expectProblem(task({ taskType: 'extend', parentRenderId: 7 }, [], importedParent), 'parentRenderId', /can only extend videos it generated/);
    expect(fields(task({ taskType: 'extend', parentRenderId: 7 }, [], klingParent))).toEqual([]);
  });
  it('omni-video edits need the parent URL; outpaint needs an aspect ratio', () => {
    const o1 = { model: 'kling-video-o1', prompt: 'p', parentRenderId: 7 };
    expectProblem(task({ taskType: 'restyle', ...o1 }, [], importedParent), 'parentRenderId', /by its Kling URL, and this render has none/);
    expectProblem(task({ taskType: 'inpaint', model: 'kling-video-o1', prompt: 'p' }), 'parentRenderId', /inpaint edits an existing render/);
    expectProblem(task({ taskType: 'outpaint', ...o1 }, [], klingParent), 'aspectRatio', /choose the target aspect ratio/);
    expectProblem(task({ taskType: 'restyle', model: 'kling-video-o1', parentRenderId: 7 }, [], klingParent), 'prompt', /needs a prompt: describe the video or the change you want/);
  });
  it('multi-reference: ≤ 4 images on multi-image2video, elements need O1, prompt tokens must exist', () => {
    const five = [1, 2, 3, 4, 5].map((i) => input(i, 'identity', files.ref1, 800, 800, 'image/jpeg'));
    const refs = five.map((i) => ({ refId: i.refId, role: 'identity' as const }));
    expectProblem(task({ taskType: 'multi_reference', prompt: 'p', references: refs }, five), 'references', /5 reference images; Kling's multi-image mode accepts at most 4: remove 1 or use Kling O1/);
    expectProblem(task({ taskType: 'multi_reference', prompt: 'p' }), 'references', /needs 1–4 reference images/);
    expectProblem(task({ taskType: 'multi_reference', prompt: 'p', elementIds: ['e'], references: refs.slice(0, 1) }, five.slice(0, 1)), 'elementIds', /need Kling O1/);
    expectProblem(task({ taskType: 'multi_reference', model: 'kling-video-o1', prompt: 'p' }), 'references', /reference images or Kling elements/);
    expectProblem(task({ taskType: 'multi_reference', model: 'kling-video-o1', prompt: '<<<image_2>>> and <<<element_1>>>', references: refs.slice(0, 1) }, five.slice(0, 1)), 'prompt', /mentions <<<image_2>>> but only 1 image is attached/);
    expectProblem(task({ taskType: 'multi_reference', model: 'kling-video-o1', prompt: '<<<image_1>>> and <<<element_1>>>', references: refs.slice(0, 1) }, five.slice(0, 1)), 'prompt', /<<<element_1>>> but only 0 elements are attached/);
  });
  it('lip sync needs an audio reference and a Kling parent', () => {
    expectProblem(task({ taskType: 'lip_sync', parentRenderId: 7 }, [], klingParent), 'lipSync.audioRefId', /needs an audio reference/);
    expectProblem(task({ taskType: 'lip_sync', parentRenderId: 7, lipSync: { audioRefId: 20 } }, [], klingParent), 'lipSync.audioRefId', /missing from the library/);
    expectProblem(task({ taskType: 'lip_sync', parentRenderId: 7, lipSync: { audioRefId: 20 } }, [input(20, 'audio', files.first, 1280, 720)], klingParent), 'lipSync.audioRefId', /image\/png, not audio/);
    expectProblem(task({ taskType: 'lip_sync', lipSync: { audioRefId: 20 } }, [input(20, 'audio', files.audio, null, null, 'audio/wav')]), 'parentRenderId', /choose the render/);
    expectProblem(task({ taskType: 'lip_sync', parentRenderId: 7, lipSync: { audioRefId: 20 } }, [input(20, 'audio', files.audio, null, null, 'audio/wav')], importedParent), 'parentRenderId', /neither/);
  });
});

describe('JWT', () => {
  const secret = new TextEncoder().encode('sk-test-secret');
  it('HS256, iss = access key, exp = now + 1800, nbf = now − 5', async () => {
    const now = 1_800_000_000_000;
    const { Authorization } = await klingAdapter.authHeaders({ credentials: { accessKey: 'ak-test', secretKey: 'sk-test-secret' }, now: () => now });
    expect(Authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    const token = Authorization!.slice('Bearer '.length);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], issuer: 'ak-test', currentDate: new Date(now) });
    expect(payload.exp).toBe(now / 1000 + 1800);
    expect(payload.nbf).toBe(now / 1000 - 5);
    expect(payload.exp! - payload.nbf!).toBe(1805);
    await expect(jwtVerify(token, new TextEncoder().encode('wrong'), { currentDate: new Date(now) })).rejects.toThrow();
    await expect(jwtVerify(token, secret, { currentDate: new Date(now + 1801_000) })).rejects.toThrow(/exp/);
  });
  it('is minted fresh on every call', async () => {
    let t = 1_800_000_000_000;
    const c = { credentials: { accessKey: 'ak', secretKey: 'sk' }, now: () => (t += 1000) };
    const a = (await klingAdapter.authHeaders(c)).Authorization;
    const b = (await klingAdapter.authHeaders(c)).Authorization;
    expect(a).not.toBe(b);
  });
  it('refuses to sign without both keys', async () => {
    await expect(klingAdapter.authHeaders({ credentials: { accessKey: 'ak' }, now: () => 0 })).rejects.toThrow(/access key or secret key/);
  });
});

describe('classify', () => {
  const cases: [number, number, string][] = [
    [401, 1000, 'auth'], [401, 1001, 'auth'], [401, 1002, 'auth'], [401, 1003, 'auth'], [401, 1004, 'auth_expired'],
    [429, 1100, 'money'], [429, 1101, 'money'], [429, 1102, 'money'], [403, 1103, 'auth'],
    [400, 1200, 'invalid'], [400, 1201, 'invalid'], [404, 1202, 'not_found'], [404, 1203, 'not_found'],
    [400, 1300, 'policy'], [400, 1301, 'policy'], [429, 1302, 'load'], [429, 1303, 'load'], [429, 1304, 'auth'],
    [500, 5000, 'server'], [503, 5001, 'server'], [504, 5002, 'server'],
  ];
  for (const [status, code, kind] of cases) {
    it(`${status} / ${code} → ${kind}`, () => {
      const err = klingAdapter.classify(result(status, { code, message: 'm', request_id: 'rq' }));
      expect(err).toMatchObject({ kind, code: String(code), httpStatus: status });
      expect(err!.message).toMatch(/Kling says: m — request rq/);
    });
  }
  it('covers every documented code in its table', () => {
    expect(KLING_ERROR_CODES.map((r) => [r.from, r.to])).toEqual([[1000, 1003], [1004, 1004], [1100, 1102], [1103, 1103], [1200, 1201], [1202, 1203], [1300, 1301], [1302, 1303], [1304, 1304], [5000, 5002]]);
  });
  it('money says to top up and is distinct from load', () => {
    expect(klingAdapter.classify(result(429, { code: 1102, message: 'pack exhausted' }))!.message).toMatch(/top up/);
  });
  it('success is null', () => {
    expect(klingAdapter.classify(ok({ task_id: 't' }))).toBeNull();
  });
  it('malformed or non-JSON bodies: 2xx and 5xx are server; other statuses by HTTP', () => {
    const raw = (status: number, text: string): HttpResult => ({ status, headers: {}, text, json: undefined });
    expect(klingAdapter.classify(raw(200, '<html>oops'))).toMatchObject({ kind: 'server', code: '200' });
    expect(klingAdapter.classify(raw(502, 'Bad Gateway'))).toMatchObject({ kind: 'server', code: '502' });
    expect(klingAdapter.classify(raw(429, 'Too Many Requests'))).toMatchObject({ kind: 'load' });
    expect(klingAdapter.classify(raw(401, ''))).toMatchObject({ kind: 'auth' });
    expect(klingAdapter.classify(result(200, { hello: 'world' }))).toMatchObject({ kind: 'server' });
    expect(klingAdapter.classify(result(200, { code: 0, message: 'ok' }))).toMatchObject({ kind: 'server', message: /without data/ });
    expect(klingAdapter.classify(result(400, { code: 1999, message: '?' }))).toMatchObject({ kind: 'invalid', code: '1999' });
    expect(klingAdapter.classify(result(200, { code: '1302', message: 'string code' }))).toMatchObject({ kind: 'load', code: '1302' });
  });
  it('honours Retry-After when a gateway sends one', () => {
    expect(klingAdapter.classify(result(429, { code: 1302, message: 'm' }, { 'Retry-After': '7' }))!.retryAfterMs).toBe(7000);
    expect(klingAdapter.classify(result(429, { code: 1302, message: 'm' }))!.retryAfterMs).toBeUndefined();
  });
});

describe('parsing answers', () => {
  const taskData = (status: string, extra: Record<string, unknown> = {}) => ({
    task_id: 'tk-1', task_status: status, task_info: { external_task_id: KEY }, created_at: 1, updated_at: 2, ...extra,
  });

  it('parseCreate reads the new task', () => {
    expect(klingAdapter.parseCreate(ok(taskData('submitted')))).toEqual({
      providerTaskId: 'tk-1', state: 'submitted', progress: null, message: null, idempotencyKey: KEY, videos: [], actualCredits: null, failure: null,
    });
  });
  it('parseQuery maps each status', () => {
    expect(klingAdapter.parseQuery(ok(taskData('submitted'))).state).toBe('submitted');
    expect(klingAdapter.parseQuery(ok(taskData('processing'))).state).toBe('running');
    const done = klingAdapter.parseQuery(ok(taskData('succeed', {
      final_unit_deduction: '3.5', task_result: { videos: [{ id: 'v1', url: 'https://cdn/v1.mp4', duration: '5.1' }] },
    })));
    expect(done).toEqual({
      providerTaskId: 'tk-1', state: 'succeeded', progress: null, message: null, idempotencyKey: KEY,
      videos: [{ id: 'v1', url: 'https://cdn/v1.mp4', durationS: 5.1 }], actualCredits: 3.5, failure: null,
    });
  });
  it('a failed task: content safety → policy; otherwise server', () => {
    const rejected = klingAdapter.parseQuery(ok(taskData('failed', { task_status_msg: 'Failure to pass the risk control system', final_unit_deduction: '0' })));
    expect(rejected).toMatchObject({ state: 'failed', actualCredits: 0, message: 'Failure to pass the risk control system', failure: { kind: 'policy' } });
    expect(rejected.failure!.message).toMatch(/content safety.*rewrite the prompt/);
    const broken = klingAdapter.parseQuery(ok(taskData('failed', { task_status_msg: 'internal error' })));
    expect(broken.failure).toMatchObject({ kind: 'server', message: /internal error/ });
  });
  it('a task without an id is a malformed answer', () => {
    expect(() => klingAdapter.parseQuery(ok({ task_status: 'succeed' }))).toThrow(KlingCallError);
  });
  it('parseFind accepts a single task or a list, and only our key', () => {
    expect(klingAdapter.parseFind(ok(taskData('processing')), KEY)).toMatchObject({ providerTaskId: 'tk-1', state: 'running' });
    const list = ok([
      { ...taskData('succeed'), task_id: 'other', task_info: { external_task_id: 'someone-else' } },
      { ...taskData('processing'), task_id: 'ours' },
    ]);
    expect(klingAdapter.parseFind(list, KEY)).toMatchObject({ providerTaskId: 'ours' });
    expect(klingAdapter.parseFind(ok([]), KEY)).toBeNull();
    expect(klingAdapter.parseFind(ok({ ...taskData('processing'), task_info: { external_task_id: 'x' } }), KEY)).toBeNull();
  });
});

describe('account and estimates', () => {
  it('asks /account/costs for the last year and sums online packs', () => {
    const now = 1_800_000_000_000;
    expect(klingAdapter.accountCall!(now)).toEqual({ method: 'GET', path: `/account/costs?start_time=${now - 365 * 86_400_000}&end_time=${now}` });
    const answer = ok({
      code: 0,
      resource_pack_subscribe_infos: [
        { resource_pack_name: 'a', total_quantity: 100, remaining_quantity: 40.5, status: 'online' },
        { resource_pack_name: 'b', total_quantity: 50, remaining_quantity: '10', status: 'online' },
        { resource_pack_name: 'c', total_quantity: 50, remaining_quantity: 50, status: 'expired' },
        { resource_pack_name: 'd', total_quantity: 50, remaining_quantity: 0, status: 'runOut' },
      ],
    });
    expect(klingAdapter.parseAccount!(answer)).toEqual({ remainingCredits: 50.5 });
    expect(klingAdapter.parseAccount!(result(401, { code: 1000, message: 'x' }))).toEqual({ remainingCredits: null });
  });
  it('estimates from the shared (approximate) price table', () => {
    expect(klingAdapter.estimateCredits(spec({ taskType: 'text_to_video', model: 'kling-v1', durationS: 5 }), KLING_PRICES)).toBe(1);
    expect(klingAdapter.estimateCredits(spec({ taskType: 'text_to_video', model: 'kling-v1-6', mode: 'pro', durationS: 10 }), KLING_PRICES)).toBe(7);
    expect(klingAdapter.estimateCredits(spec({ taskType: 'text_to_video', model: 'kling-v2-6', durationS: 5, sound: true }), KLING_PRICES)).toBe(3);
    expect(klingAdapter.estimateCredits(spec({ taskType: 'restyle', model: 'kling-video-o1', durationS: 10 }), KLING_PRICES)).toBe(6);
    expect(klingAdapter.estimateCredits(spec({ taskType: 'extend', model: 'kling-v1-6', durationS: 60 }), KLING_PRICES)).toBe(2);
    expect(estimateKlingCredits({ model: 'kling-v1', mode: 'std', durationS: 12, taskType: 'lip_sync' })).toBe(1.5);
    expect(estimateKlingCredits({ model: 'nope', mode: 'std', durationS: 5, taskType: 'text_to_video' })).toBe(0);
  });
  it('describes itself', () => {
    expect(klingAdapter).toMatchObject({ id: 'kling', label: 'Kling AI', defaultBaseUrl: 'https://api-singapore.klingai.com', concurrency: 3 });
    expect(klingAdapter.credentialFields).toEqual([{ name: 'accessKey', label: 'Access key', secret: false }, { name: 'secretKey', label: 'Secret key', secret: true }]);
    expect(klingAdapter.models.map((m) => m.model)).toEqual(['kling-v1', 'kling-v1-6', 'kling-v2-master', 'kling-v2-1-master', 'kling-v2-5-turbo', 'kling-v2-6', 'kling-video-o1']);
  });
});

describe('custom elements', () => {
  it('creates with the frontal image inline and up to three extra views', async () => {
    const call = await createElementCall({ name: 'hero', description: 'our lead', frontalImagePath: files.ref1, referImagePaths: [files.ref2] }, ctx());
    expect(call).toEqual({
      method: 'POST', path: '/v1/general/custom-elements',
      json: { element_name: 'hero', element_description: 'our lead', element_frontal_image: b64(files.ref1), element_refer_list: [{ image_url: b64(files.ref2) }] },
    });
    await expect(createElementCall({ name: 'x'.repeat(21), frontalImagePath: files.ref1 }, ctx())).rejects.toThrow(/21 characters; Kling accepts at most 20/);
    await expect(createElementCall({ name: 'a', frontalImagePath: files.ref1, referImagePaths: [files.ref1, files.ref1, files.ref1, files.ref1] }, ctx())).rejects.toThrow(/at most 3 extra views/);
  });
  it('reads created and listed elements', () => {
    expect(listElementsCall()).toEqual({ method: 'GET', path: '/v1/general/custom-elements?pageNum=1&pageSize=30' });
    expect(parseElement(ok({ element_id: 123456789, element_name: 'hero', status: 'succeed' }))).toEqual({ elementId: '123456789', name: 'hero', status: 'succeed' });
    expect(parseElementList(ok([{ element_id: '1', element_name: 'a' }, { nope: true }]))).toEqual([{ elementId: '1', name: 'a', status: null }]);
    expect(() => parseElement(result(400, { code: 1201, message: 'bad image' }))).toThrow(KlingCallError);
  });
});
