// Kling's documented limits, checked before anything is sent. Each problem names the spec
// field and says what to change, because the form shows it next to that field.
import type { ResolvedInput, ResolvedTask, ValidationProblem } from '../types.js';
import type { GenerationSpecParsed } from '../../../shared/generation.js';
import { CAMERA_DURATIONS_S, findModel, isO1, KLING_MODELS, NEGATIVE_PROMPT_MAX, PROMPT_MAX, type KlingModel } from './capabilities.js';
import { imageProblems, sameAspect } from './images.js';
import { inputById, inputsWithRole, referenceImages } from './inputs.js';
import { createPath, KLING_PATHS } from './endpoints.js';

export const MAX_DYNAMIC_MASKS = 6;
export const TRAJECTORY_MIN_POINTS = 2;
export const TRAJECTORY_MAX_POINTS = 77;
export const MULTI_IMAGE_MAX = 4;

type Spec = GenerationSpecParsed;
type Problems = ValidationProblem[];

/** Task types whose body carries duration / mode / aspect_ratio (edits keep the source's). */
const SENDS_DURATION = new Set(['text_to_video', 'image_to_video', 'motion_brush', 'camera_control', 'multi_reference']);
const SENDS_MODE = new Set([...SENDS_DURATION, 'restyle', 'inpaint', 'outpaint']);
const NEEDS_PROMPT = new Set(['text_to_video', 'camera_control', 'multi_reference', 'restyle', 'inpaint', 'outpaint']);
const O1_EDITS = new Set(['restyle', 'inpaint', 'outpaint']);

export function validateKling(task: ResolvedTask): ValidationProblem[] {
  const { spec } = task;
  const caps = findModel(spec.model);
  if (!caps) {
    return [{ field: 'model', message: `Kling has no model "${spec.model}": choose one of ${KLING_MODELS.map((m) => m.model).join(', ')}` }];
  }
  if (!caps.taskTypes.includes(spec.taskType)) {
    const able = KLING_MODELS.filter((m) => m.taskTypes.includes(spec.taskType)).map((m) => m.model);
    return [{ field: 'model', message: `${caps.label} cannot do ${spec.taskType.replace(/_/g, ' ')}: choose ${able.join(' or ')}` }];
  }
  return [
    ...promptProblems(spec, caps, createPath(task) === KLING_PATHS.omniVideo),
    ...optionProblems(spec, caps),
    ...imageInputProblems(task),
    ...taskProblems(task, caps),
  ];
}

function promptProblems(spec: Spec, caps: KlingModel, omni: boolean): Problems {
  const out: Problems = [];
  if (spec.prompt.length > caps.promptMax) {
    out.push({ field: 'prompt', message: `The prompt is ${spec.prompt.length} characters; Kling accepts at most ${caps.promptMax}: shorten it by ${spec.prompt.length - caps.promptMax}` });
  }
  if (spec.negativePrompt.length > NEGATIVE_PROMPT_MAX) {
    out.push({ field: 'negativePrompt', message: `The negative prompt is ${spec.negativePrompt.length} characters; Kling accepts at most ${NEGATIVE_PROMPT_MAX}: shorten it by ${spec.negativePrompt.length - NEGATIVE_PROMPT_MAX}` });
  }
  if (NEEDS_PROMPT.has(spec.taskType) && spec.prompt.trim() === '') {
    out.push({ field: 'prompt', message: `${spec.taskType.replace(/_/g, ' ')} needs a prompt: describe the video${O1_EDITS.has(spec.taskType) ? ' or the change you want' : ''}` });
  }
  if (omni && spec.negativePrompt.trim() !== '') {
    out.push({ field: 'negativePrompt', message: 'Kling O1 takes no negative prompt: move it into the prompt ("no …") or clear it' });
  }
  return out;
}

function optionProblems(spec: Spec, caps: KlingModel): Problems {
  const out: Problems = [];
  if (SENDS_DURATION.has(spec.taskType) && !caps.durationsS.includes(spec.durationS)) {
    out.push({ field: 'durationS', message: `${caps.label} makes ${caps.durationsS.join(', ')} s clips, not ${spec.durationS} s: pick one of those` });
  }
  if (spec.resolution !== undefined) {
    out.push({ field: 'resolution', message: `${caps.label} has no choice of resolution: clear it` });
  }
  if (SENDS_MODE.has(spec.taskType) && !caps.modes.includes(spec.mode)) {
    out.push({ field: 'mode', message: `${caps.label} has no ${spec.mode} mode: use ${caps.modes.join(' or ')}` });
  }
  if (spec.aspectRatio !== undefined && !caps.aspectRatios.includes(spec.aspectRatio)) {
    out.push({ field: 'aspectRatio', message: `${caps.label} does not render ${spec.aspectRatio}: use ${caps.aspectRatios.join(', ')}` });
  }
  if (spec.sound === true && !caps.sound) {
    out.push({ field: 'sound', message: `${caps.label} makes silent video: turn sound off or choose kling-v2-6` });
  }
  if (spec.cfgScale !== undefined && !caps.cfgScale && spec.taskType !== 'lip_sync') {
    out.push({ field: 'cfgScale', message: `${caps.label} does not take cfg_scale (only Kling 1.x does): clear it` });
  }
  return out;
}

/** Every image the request would carry inline, checked against Kling's image limits. */
function imageInputProblems(task: ResolvedTask): Problems {
  const { spec } = task;
  const out: Problems = [];
  const refField = (refId: number): string => {
    const i = spec.references.findIndex((r) => r.refId === refId);
    return i >= 0 ? `references.${i}` : 'references';
  };
  const seen = new Set<number>();
  const check = (field: string, what: string, input: ResolvedInput | undefined): void => {
    if (!input || seen.has(input.refId)) return;
    seen.add(input.refId);
    out.push(...imageProblems(field, what, input));
  };
  const first = inputsWithRole(task, 'first_frame')[0];
  const last = inputsWithRole(task, 'end_frame')[0];
  if (first) check(refField(first.refId), 'The first frame', first);
  if (last) check(refField(last.refId), 'The end frame', last);
  if (spec.taskType === 'motion_brush') {
    for (const [i, m] of (spec.motion ?? []).entries()) check(`motion.${i}.maskRefId`, `Mask ${i + 1}`, inputById(task, m.maskRefId));
    if (spec.staticMaskRefId !== undefined) check('staticMaskRefId', 'The static mask', inputById(task, spec.staticMaskRefId));
  }
  if (spec.taskType === 'multi_reference') {
    for (const img of referenceImages(task)) check(refField(img.refId), 'Reference image', img);
  }
  return out;
}

function taskProblems(task: ResolvedTask, caps: KlingModel): Problems {
  switch (task.spec.taskType) {
    case 'text_to_video':
      return [];
    case 'image_to_video':
      return imageToVideoProblems(task);
    case 'motion_brush':
      return motionBrushProblems(task);
    case 'camera_control':
      return cameraProblems(task, caps);
    case 'extend':
      return extendProblems(task);
    case 'restyle':
    case 'inpaint':
    case 'outpaint':
      return editProblems(task);
    case 'multi_reference':
      return multiReferenceProblems(task);
    case 'lip_sync':
      return lipSyncProblems(task);
  }
}

const EXCLUSIVE = 'Kling does not combine start/end frames, motion brush and camera control in one request';

function imageToVideoProblems(task: ResolvedTask): Problems {
  const { spec } = task;
  const out: Problems = [];
  if (inputsWithRole(task, 'first_frame').length === 0 && inputsWithRole(task, 'end_frame').length === 0) {
    out.push({ field: 'references', message: 'Image to video needs a first-frame or end-frame image: add one' });
  }
  if (spec.motion?.length || spec.staticMaskRefId !== undefined) {
    out.push({ field: 'motion', message: `${EXCLUSIVE}: remove the motion brush or use the motion brush task without an end frame` });
  }
  if (spec.camera) out.push({ field: 'camera', message: `${EXCLUSIVE}: remove the camera move or use the camera control task` });
  return out;
}

function motionBrushProblems(task: ResolvedTask): Problems {
  const { spec } = task;
  const out: Problems = [];
  const first = inputsWithRole(task, 'first_frame')[0];
  if (!first) out.push({ field: 'references', message: 'Motion brush paints on a first-frame image: add one' });
  else if (first.width === null || first.height === null) {
    out.push({ field: 'references', message: 'The first frame\'s size is unknown, so trajectories cannot be placed: re-import the image' });
  }
  if (inputsWithRole(task, 'end_frame').length > 0) out.push({ field: 'references', message: `${EXCLUSIVE}: remove the end frame` });
  if (spec.camera) out.push({ field: 'camera', message: `${EXCLUSIVE}: remove the camera move` });
  const motion = spec.motion ?? [];
  if (motion.length === 0 && spec.staticMaskRefId === undefined) {
    out.push({ field: 'motion', message: 'Motion brush needs at least one painted region with a trajectory (or a static mask)' });
  }
  if (motion.length > MAX_DYNAMIC_MASKS) {
    out.push({ field: 'motion', message: `${motion.length} motion regions; Kling accepts at most ${MAX_DYNAMIC_MASKS}: merge or remove ${motion.length - MAX_DYNAMIC_MASKS}` });
  }
  for (const [i, m] of motion.entries()) {
    const n = m.trajectory.length;
    if (n < TRAJECTORY_MIN_POINTS || n > TRAJECTORY_MAX_POINTS) {
      out.push({ field: `motion.${i}.trajectory`, message: `Trajectory ${i + 1} has ${n} points; Kling needs ${TRAJECTORY_MIN_POINTS}–${TRAJECTORY_MAX_POINTS}: ${n < TRAJECTORY_MIN_POINTS ? 'draw a longer path' : 'simplify the path'}` });
    }
    out.push(...maskProblems(task, `motion.${i}.maskRefId`, `Mask ${i + 1}`, m.maskRefId, first));
  }
  if (spec.staticMaskRefId !== undefined) out.push(...maskProblems(task, 'staticMaskRefId', 'The static mask', spec.staticMaskRefId, first));
  return out;
}

function maskProblems(task: ResolvedTask, field: string, what: string, refId: number, frame: ResolvedInput | undefined): Problems {
  const mask = inputById(task, refId);
  if (!mask) return [{ field, message: `${what} (reference ${refId}) is missing from the library: paint it again` }];
  if (frame && !sameAspect(mask, frame)) {
    return [{ field, message: `${what} is ${mask.width}×${mask.height} but the first frame is ${frame.width}×${frame.height}: masks must have the first frame's aspect ratio` }];
  }
  return [];
}

function cameraProblems(task: ResolvedTask, caps: KlingModel): Problems {
  const { spec } = task;
  const out: Problems = [];
  if (inputsWithRole(task, 'end_frame').length > 0) out.push({ field: 'references', message: `${EXCLUSIVE}: remove the end frame` });
  if (spec.motion?.length || spec.staticMaskRefId !== undefined) out.push({ field: 'motion', message: `${EXCLUSIVE}: remove the motion brush` });
  const camera = spec.camera;
  if (!camera) return [...out, { field: 'camera', message: 'Camera control needs a camera move: choose a type' }];
  const offered = caps.camera[spec.mode] ?? [];
  if (!offered.includes(camera.type)) {
    const where = Object.entries(caps.camera).filter(([, types]) => types.includes(camera.type)).map(([mode]) => mode);
    out.push({
      field: 'camera.type',
      message: where.length > 0
        ? `${caps.label} offers the ${camera.type} camera only in ${where.join('/')} mode: switch mode`
        : `${caps.label} does not offer the ${camera.type} camera${offered.length ? ` in ${spec.mode} mode (offers ${offered.join(', ')})` : ''}: choose ${KLING_MODELS.filter((m) => Object.values(m.camera).some((t) => t.includes(camera.type))).map((m) => m.model).join(' or ')}`,
    });
  }
  if (!CAMERA_DURATIONS_S.includes(spec.durationS)) {
    out.push({ field: 'durationS', message: `Camera control works on ${CAMERA_DURATIONS_S.join('/')} s clips only: set the duration to ${CAMERA_DURATIONS_S[0]} s` });
  }
  const nonZero = Object.entries(camera.config ?? {}).filter(([, v]) => v !== undefined && v !== 0);
  if (camera.type === 'simple' && nonZero.length !== 1) {
    out.push({
      field: 'camera.config',
      message: nonZero.length === 0
        ? 'A simple camera move needs one axis set (horizontal, vertical, pan, tilt, roll or zoom, −10..10): set one'
        : `A simple camera move takes exactly one non-zero axis, not ${nonZero.length} (${nonZero.map(([k]) => k).join(', ')}): keep one and set the others to 0`,
    });
  }
  if (camera.type !== 'simple' && nonZero.length > 0) {
    out.push({ field: 'camera.config', message: `The ${camera.type} camera is a preset and takes no axes: clear them or use the simple type` });
  }
  return out;
}

function extendProblems(task: ResolvedTask): Problems {
  const p = task.parent;
  if (!p) return [{ field: 'parentRenderId', message: 'Extend continues a render: choose the render to extend' }];
  if (p.provider !== 'kling' || !p.providerVideoId) {
    return [{ field: 'parentRenderId', message: 'Kling can only extend videos it generated (within 30 days): choose a Kling render, or start from its last frame with image to video' }];
  }
  return [];
}

function editProblems(task: ResolvedTask): Problems {
  const out: Problems = [];
  const p = task.parent;
  if (!p) out.push({ field: 'parentRenderId', message: `${task.spec.taskType} edits an existing render: choose one` });
  else if (!p.providerVideoUrl) {
    out.push({ field: 'parentRenderId', message: 'Kling O1 edits a video by its Kling URL, and this render has none (imported, or made elsewhere): choose a render made by Kling' });
  }
  if (task.spec.taskType === 'outpaint' && !task.spec.aspectRatio) {
    out.push({ field: 'aspectRatio', message: 'Outpaint changes the frame: choose the target aspect ratio' });
  }
  if (task.spec.maskRefId !== undefined) out.push(...inpaintMaskProblems(task, task.spec.maskRefId));
  return out;
}

/** An inpaint mask is laid over the clip itself, so it must be exactly the clip's size. */
function inpaintMaskProblems(task: ResolvedTask, refId: number): Problems {
  if (task.spec.taskType !== 'inpaint') return [{ field: 'maskRefId', message: `A mask is for inpaint only; ${task.spec.taskType} does not take one: remove it` }];
  const mask = inputById(task, refId);
  if (!mask) return [{ field: 'maskRefId', message: `The mask (reference ${refId}) is missing from the library: paint it again` }];
  const out: Problems = imageProblems('maskRefId', 'The mask', mask);
  const p = task.parent;
  if (p && p.width !== null && p.height !== null && mask.width !== null && mask.height !== null && (mask.width !== p.width || mask.height !== p.height)) {
    out.push({ field: 'maskRefId', message: `The mask is ${mask.width}×${mask.height} but the clip is ${p.width}×${p.height}: paint it over a frame of this clip` });
  }
  return out;
}

/** <<<image_N>>>-style tokens in an O1 prompt must point at inputs that are actually sent. */
function tokenProblems(prompt: string, kind: string, count: number): Problems {
  const out: Problems = [];
  for (const m of prompt.matchAll(new RegExp(`<<<${kind}_(\\d+)>>>`, 'g'))) {
    const n = Number(m[1]);
    if (n < 1 || n > count) {
      out.push({ field: 'prompt', message: `The prompt mentions <<<${kind}_${n}>>> but only ${count} ${kind}${count === 1 ? ' is' : 's are'} attached: fix the number or add the ${kind}` });
    }
  }
  return out;
}

function multiReferenceProblems(task: ResolvedTask): Problems {
  const { spec } = task;
  const images = referenceImages(task);
  const elements = spec.elementIds ?? [];
  if (isO1(spec.model)) {
    const out: Problems = [];
    if (images.length === 0 && elements.length === 0) {
      out.push({ field: 'references', message: 'Multi-reference needs reference images or Kling elements: add at least one' });
    }
    out.push(...tokenProblems(spec.prompt, 'image', images.length), ...tokenProblems(spec.prompt, 'element', elements.length));
    out.push(...tokenProblems(spec.prompt, 'video', task.parent?.providerVideoUrl ? 1 : 0));
    return out;
  }
  const out: Problems = [];
  if (images.length === 0) out.push({ field: 'references', message: 'Multi-image to video needs 1–4 reference images: add one' });
  if (images.length > MULTI_IMAGE_MAX) {
    out.push({ field: 'references', message: `${images.length} reference images; Kling's multi-image mode accepts at most ${MULTI_IMAGE_MAX}: remove ${images.length - MULTI_IMAGE_MAX} or use Kling O1` });
  }
  if (elements.length > 0) out.push({ field: 'elementIds', message: 'Kling elements need Kling O1: switch the model to kling-video-o1 or remove the elements' });
  return out;
}

function lipSyncProblems(task: ResolvedTask): Problems {
  const out: Problems = [];
  const lip = task.spec.lipSync;
  if (!lip) out.push({ field: 'lipSync.audioRefId', message: 'Lip sync needs an audio reference (the voice to sync to): add one' });
  else {
    const audio = inputById(task, lip.audioRefId);
    if (!audio) out.push({ field: 'lipSync.audioRefId', message: `The audio reference ${lip.audioRefId} is missing from the library: add it again` });
    else if (!audio.mime.startsWith('audio/')) out.push({ field: 'lipSync.audioRefId', message: `Reference ${lip.audioRefId} is ${audio.mime}, not audio: choose an audio file` });
  }
  const p = task.parent;
  if (!p) out.push({ field: 'parentRenderId', message: 'Lip sync animates an existing clip: choose the render' });
  else if (!(p.provider === 'kling' && p.providerVideoId) && !p.providerVideoUrl) {
    out.push({ field: 'parentRenderId', message: 'Kling lip-syncs videos it knows (its video id or URL), and this render has neither: choose a render made by Kling' });
  }
  return out;
}
