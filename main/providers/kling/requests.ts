// Task → Kling create request, one builder per task type. Builders only map fields: limits are
// checked in validate.ts first, and createCall refuses a task that fails them, so a builder may
// assume its inputs are present.
import type { AdapterContext, HttpCall, ResolvedInput, ResolvedTask } from '../types.js';
import type { GenerationSpecParsed } from '../../../shared/generation.js';
import { CAMERA_AXES } from '../../../shared/generation.js';
import { findModel, isO1, O1_MODEL } from './capabilities.js';
import { createPath } from './endpoints.js';
import { inputById, inputsWithRole, referenceImages } from './inputs.js';
import { toKlingTrajectory } from './trajectory.js';
import { KlingCallError } from './errors.js';

export type KlingBody = Record<string, unknown>;

/** Inline files go as raw base64; Kling rejects a `data:` URL prefix. */
export async function fileBase64(ctx: Pick<AdapterContext, 'readBase64'>, path: string): Promise<string> {
  const b64 = await ctx.readBase64(path);
  const comma = b64.startsWith('data:') ? b64.indexOf(',') : -1;
  return comma >= 0 ? b64.slice(comma + 1) : b64;
}

/** Fields every create request carries: our idempotency key, and the callback when we listen. */
export function taskEnvelopeFields(idempotencyKey: string, ctx: Pick<AdapterContext, 'callbackUrl'>): KlingBody {
  return ctx.callbackUrl ? { external_task_id: idempotencyKey, callback_url: ctx.callbackUrl } : { external_task_id: idempotencyKey };
}

function prompts(spec: GenerationSpecParsed): KlingBody {
  const out: KlingBody = {};
  if (spec.prompt) out.prompt = spec.prompt;
  if (spec.negativePrompt) out.negative_prompt = spec.negativePrompt;
  return out;
}

/** The text2video field set, shared by image2video (providers.md: "plus the text2video fields"). */
function classicFields(spec: GenerationSpecParsed): KlingBody {
  const caps = findModel(spec.model);
  const out: KlingBody = { model_name: spec.model, ...prompts(spec), mode: spec.mode, duration: String(spec.durationS) };
  if (spec.cfgScale !== undefined && caps?.cfgScale) out.cfg_scale = spec.cfgScale;
  if (spec.aspectRatio) out.aspect_ratio = spec.aspectRatio;
  if (caps?.sound && spec.sound !== undefined) out.sound = spec.sound ? 'on' : 'off';
  return out;
}

/** O1's omni-video fields; it takes no negative prompt or cfg_scale. */
function omniFields(spec: GenerationSpecParsed, withDuration: boolean): KlingBody {
  const out: KlingBody = { model_name: O1_MODEL, prompt: spec.prompt, mode: spec.mode };
  if (withDuration) out.duration = String(spec.durationS);
  if (spec.aspectRatio) out.aspect_ratio = spec.aspectRatio;
  return out;
}

function need<T>(value: T | undefined | null, field: string, what: string): T {
  if (value === undefined || value === null) {
    throw new KlingCallError({ kind: 'invalid', code: 'input', httpStatus: 0, message: `${field}: ${what}` });
  }
  return value;
}

async function frames(task: ResolvedTask, ctx: AdapterContext): Promise<{ first?: string; last?: string }> {
  const first = inputsWithRole(task, 'first_frame')[0];
  const last = inputsWithRole(task, 'end_frame')[0];
  return {
    ...(first ? { first: await fileBase64(ctx, first.path) } : {}),
    ...(last ? { last: await fileBase64(ctx, last.path) } : {}),
  };
}

async function textToVideo(task: ResolvedTask): Promise<KlingBody> {
  return isO1(task.spec.model) ? omniFields(task.spec, true) : classicFields(task.spec);
}

async function imageToVideo(task: ResolvedTask, ctx: AdapterContext): Promise<KlingBody> {
  const { first, last } = await frames(task, ctx);
  if (isO1(task.spec.model)) {
    const image_list: KlingBody[] = [];
    if (first) image_list.push({ image_url: first, type: 'first_frame' });
    if (last) image_list.push({ image_url: last, type: 'end_frame' });
    return { ...omniFields(task.spec, true), image_list };
  }
  return { ...classicFields(task.spec), ...(first ? { image: first } : {}), ...(last ? { image_tail: last } : {}) };
}

async function motionBrush(task: ResolvedTask, ctx: AdapterContext): Promise<KlingBody> {
  const frame = need(inputsWithRole(task, 'first_frame')[0], 'references', 'motion brush needs a first-frame image');
  const width = need(frame.width, 'references', 'the first frame has no known width');
  const height = need(frame.height, 'references', 'the first frame has no known height');
  const dynamic_masks: KlingBody[] = [];
  for (const [i, m] of (task.spec.motion ?? []).entries()) {
    const mask = need(inputById(task, m.maskRefId), `motion.${i}.maskRefId`, `reference ${m.maskRefId} is not resolved`);
    dynamic_masks.push({ mask: await fileBase64(ctx, mask.path), trajectories: toKlingTrajectory(m.trajectory, width, height) });
  }
  const body: KlingBody = { ...classicFields(task.spec), image: await fileBase64(ctx, frame.path) };
  if (dynamic_masks.length > 0) body.dynamic_masks = dynamic_masks;
  if (task.spec.staticMaskRefId !== undefined) {
    const stat = need(inputById(task, task.spec.staticMaskRefId), 'staticMaskRefId', 'the static mask is not resolved');
    body.static_mask = await fileBase64(ctx, stat.path);
  }
  return body;
}

/** Kling's camera_control object: `simple` carries all six axes (unset ones 0); presets carry none. */
export function cameraControl(camera: NonNullable<GenerationSpecParsed['camera']>): KlingBody {
  if (camera.type !== 'simple') return { type: camera.type };
  const config: Record<string, number> = {};
  for (const axis of CAMERA_AXES) config[axis] = camera.config?.[axis] ?? 0;
  return { type: 'simple', config };
}

async function cameraControlTask(task: ResolvedTask, ctx: AdapterContext): Promise<KlingBody> {
  const camera = need(task.spec.camera, 'camera', 'choose a camera move');
  const { first } = await frames(task, ctx);
  return { ...classicFields(task.spec), ...(first ? { image: first } : {}), camera_control: cameraControl(camera) };
}

async function extend(task: ResolvedTask): Promise<KlingBody> {
  const videoId = need(task.parent?.providerVideoId, 'parentRenderId', 'extend needs a video made by Kling');
  const body: KlingBody = { video_id: videoId, ...prompts(task.spec) };
  if (task.spec.cfgScale !== undefined) body.cfg_scale = task.spec.cfgScale;
  return body;
}

/** How an inpaint prompt points O1 at the painted mask, sent as <<<image_1>>>. */
export const INPAINT_MASK_NOTE = 'Change only the area that is white in <<<image_1>>>; keep everything else as it is.';

/**
 * Restyle, inpaint and outpaint are O1 edits "by instruction" of the parent video (refer_type
 * base). O1 has no mask field, so an inpaint mask goes as the first reference image and the
 * prompt names it.
 */
async function omniEdit(task: ResolvedTask, ctx: AdapterContext): Promise<KlingBody> {
  const url = need(task.parent?.providerVideoUrl, 'parentRenderId', 'the edit needs the Kling URL of the parent video');
  const mask = task.spec.taskType === 'inpaint' && task.spec.maskRefId !== undefined
    ? need(inputById(task, task.spec.maskRefId), 'maskRefId', `reference ${task.spec.maskRefId} is not resolved`)
    : undefined;
  const prompt = mask ? `${task.spec.prompt} ${INPAINT_MASK_NOTE}` : task.spec.prompt;
  // The edited clip keeps the source's length, so no duration is sent; only outpaint changes the frame.
  const body: KlingBody = { model_name: O1_MODEL, prompt, mode: task.spec.mode, video_list: [{ video_url: url, refer_type: 'base' }] };
  if (mask) body.image_list = [{ image_url: await fileBase64(ctx, mask.path) }];
  if (task.spec.taskType === 'outpaint') body.aspect_ratio = need(task.spec.aspectRatio, 'aspectRatio', 'outpaint needs a target aspect ratio');
  return body;
}

async function multiReference(task: ResolvedTask, ctx: AdapterContext): Promise<KlingBody> {
  const images = referenceImages(task);
  if (isO1(task.spec.model)) {
    const body: KlingBody = omniFields(task.spec, true);
    // Order matters: the prompt names these as <<<image_1>>>, <<<image_2>>>… in this order.
    if (images.length > 0) body.image_list = await Promise.all(images.map((i) => omniImage(task, i, ctx)));
    const elements = task.spec.elementIds ?? [];
    if (elements.length > 0) body.element_list = elements.map((element_id) => ({ element_id }));
    // A parent clip in a reference task is a "feature" reference (look and motion), not edited.
    if (task.parent?.providerVideoUrl) body.video_list = [{ video_url: task.parent.providerVideoUrl, refer_type: 'feature' }];
    return body;
  }
  return {
    ...classicFields(task.spec),
    image_list: await Promise.all(images.map(async (i) => ({ image: await fileBase64(ctx, i.path) }))),
  };
}

async function omniImage(task: ResolvedTask, input: ResolvedInput, ctx: AdapterContext): Promise<KlingBody> {
  const role = task.spec.references.find((r) => r.refId === input.refId)?.role ?? input.role;
  const out: KlingBody = { image_url: await fileBase64(ctx, input.path) };
  if (role === 'first_frame' || role === 'end_frame') out.type = role;
  return out;
}

type Builder = (task: ResolvedTask, ctx: AdapterContext) => Promise<KlingBody>;

const BUILDERS: Record<Exclude<GenerationSpecParsed['taskType'], 'lip_sync'>, Builder> = {
  text_to_video: textToVideo,
  image_to_video: imageToVideo,
  motion_brush: motionBrush,
  camera_control: cameraControlTask,
  extend,
  restyle: omniEdit,
  inpaint: omniEdit,
  outpaint: omniEdit,
  multi_reference: multiReference,
};

/** The create call for every task type except lip sync (which needs a face first: lip-sync.ts). */
export async function buildCreateCall(task: ResolvedTask, idempotencyKey: string, ctx: AdapterContext): Promise<HttpCall> {
  const type = task.spec.taskType;
  if (type === 'lip_sync') throw new Error('lip sync is built by buildLipSyncCall');
  const body = await BUILDERS[type](task, ctx);
  return { method: 'POST', path: createPath(task), json: { ...body, ...taskEnvelopeFields(idempotencyKey, ctx) } };
}
