// The video create endpoints: each turns a request body into a plan (model, price, what the
// clip shows) or a 400/1201 naming the field. Limits follow providers.md.
import { badParam } from './wire.js';
import * as p from './params.js';
import { parseImage, parseUrl, type ImageInput } from './image-input.js';
import { ASPECT_SIZES, MULTI_IMAGE_MODELS, OMNI_MODEL, TEXT_MODELS, cameraSupported, priceUnits, supportsSound } from './models.js';
import type { MediaRef, RenderSpec } from '../../simulator/render-spec.js';
import type { SimVideo } from '../../simulator/state.js';
import type { TaskEndpoint } from './task-routes.js';

export interface TaskPlan {
  endpoint: TaskEndpoint;
  model: string;
  units: number;
  render: RenderSpec;
  parentVideo?: SimVideo;
}

export interface PlanContext {
  /** A live (unexpired) video this simulator made, by id. */
  videoById(id: string): SimVideo | null;
  /** A video this simulator made, by its result URL. */
  videoByUrl(url: string): SimVideo | null;
  elementImage(id: string): string | null;
}

const toRef = (img: ImageInput): MediaRef => (img.kind === 'inline' ? { kind: 'inline', bytes: img.bytes, ext: img.ext } : { kind: 'url', url: img.url });

function checkCamera(camera: p.Camera | undefined, model: string, mode: string, durationS: number): void {
  if (camera && !cameraSupported(model, mode, durationS)) {
    throw badParam('camera_control', `is not supported for ${model} in ${mode} mode at ${durationS} s (supported: kling-v1 and kling-v1-6, 5 s)`);
  }
}

function sound(body: p.Body, model: string): boolean {
  const on = p.onOff(body, 'sound');
  if (on && !supportsSound(model)) throw badParam('sound', `"on" needs kling-v2-6 or later (got ${model})`);
  return on ?? false;
}

export function planText2Video(body: p.Body): TaskPlan {
  const model = p.modelName(body, TEXT_MODELS, 'kling-v1');
  const { prompt } = p.prompts(body, true);
  p.cfgScale(body, model);
  const mode = p.mode(body);
  const aspect = p.aspectRatio(body);
  const durationS = p.duration(body, [5, 10], 5);
  const withSound = sound(body, model);
  const camera = p.camera(body);
  checkCamera(camera, model, mode, durationS);
  return {
    endpoint: 'text2video',
    model,
    units: priceUnits(model, mode, durationS, { sound: withSound }),
    render: { label: `text2video · ${model} · ${mode}`, prompt, ...ASPECT_SIZES[aspect]!, durationS, sound: withSound, ...(camera ? { camera } : {}) },
  };
}

/** The aspect ratio nearest the first frame's, when the request gives none. */
function nearestAspect(img: ImageInput | undefined): string {
  if (!img || img.kind !== 'inline') return '16:9';
  const r = img.width / img.height;
  return r > 1.3 ? '16:9' : r < 0.77 ? '9:16' : '1:1';
}

export function planImage2Video(body: p.Body): TaskPlan {
  const model = p.modelName(body, TEXT_MODELS, 'kling-v1');
  const { prompt } = p.prompts(body, false);
  p.cfgScale(body, model);
  const mode = p.mode(body);
  const durationS = p.duration(body, [5, 10], 5);
  const withSound = sound(body, model);
  const image = body.image !== undefined && body.image !== null && body.image !== '' ? parseImage('image', body.image) : undefined;
  const tail = body.image_tail !== undefined && body.image_tail !== null && body.image_tail !== '' ? parseImage('image_tail', body.image_tail) : undefined;
  if (!image && !tail) throw badParam('image', 'is required (or image_tail): image2video needs a frame to start or end on');
  const staticMask = body.static_mask ? parseImage('static_mask', body.static_mask, { minSide: 1 }) : undefined;
  const dynamic = p.array(body, 'dynamic_masks', 6);
  const camera = p.camera(body);

  const features = [tail && 'image_tail', (staticMask || dynamic?.length) && 'static_mask/dynamic_masks', camera && 'camera_control'].filter(Boolean);
  if (features.length > 1) {
    throw badParam(features.join(' + '), 'start/end frames, motion brush and camera control are mutually exclusive: send only one of them');
  }
  if ((staticMask || dynamic?.length) && !image) throw badParam('image', 'is required with a motion brush (masks are drawn over the first frame)');
  checkCamera(camera, model, mode, durationS);

  const aspect = body.aspect_ratio !== undefined ? p.aspectRatio(body) : nearestAspect(image);
  const size = ASPECT_SIZES[aspect]!;
  const sameAspect = (field: string, mask: ImageInput) => {
    if (image?.kind === 'inline' && mask.kind === 'inline' && Math.abs(mask.width / mask.height - image.width / image.height) > 0.02) {
      throw badParam(field, `is ${mask.width}x${mask.height}; masks must have the image's aspect ratio (${image.width}x${image.height})`);
    }
  };
  if (staticMask) sameAspect('static_mask', staticMask);
  const motion = dynamic?.map((entry, i) => {
    const field = `dynamic_masks[${i}]`;
    if (!entry || typeof entry !== 'object') throw badParam(field, 'must be {mask, trajectories}');
    const { mask, trajectories } = entry as { mask?: unknown; trajectories?: unknown };
    const m = parseImage(`${field}.mask`, mask, { minSide: 1 });
    sameAspect(`${field}.mask`, m);
    if (!Array.isArray(trajectories) || trajectories.length < 2 || trajectories.length > 77) {
      throw badParam(`${field}.trajectories`, `needs 2 to 77 points (got ${Array.isArray(trajectories) ? trajectories.length : 'none'})`);
    }
    // Kling's trajectory points are pixels of the input image with the origin at the BOTTOM-left.
    const w = image?.kind === 'inline' ? image.width : size.width;
    const h = image?.kind === 'inline' ? image.height : size.height;
    return trajectories.map((pt, j) => {
      const { x, y } = (pt ?? {}) as { x?: unknown; y?: unknown };
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y) || x < 0 || y < 0 || x > w || y > h) {
        throw badParam(`${field}.trajectories[${j}]`, `must be {x, y} pixels inside the ${w}x${h} image`);
      }
      return { x: x / w, y: 1 - y / h };
    });
  });
  const render: RenderSpec = { label: `image2video · ${model} · ${mode}`, prompt, ...size, durationS, sound: withSound };
  if (image) render.background = toRef(image);
  if (tail) render.tail = toRef(tail);
  if (staticMask) render.staticMask = toRef(staticMask);
  if (motion?.length) render.motion = motion;
  if (camera) render.camera = camera;
  return { endpoint: 'image2video', model, units: priceUnits(model, mode, durationS, { sound: withSound }), render };
}

const EXTEND_S = 5;
const EXTEND_MAX_S = 180;

export function planExtend(body: p.Body, ctx: PlanContext): TaskPlan {
  const id = p.reqString(body, 'video_id', 128);
  const parent = ctx.videoById(id);
  if (!parent) throw badParam('video_id', `"${id}" is not a live video made by this account (unknown, or older than its retention)`);
  const { prompt } = p.prompts(body, false);
  // cfg_scale is checked for range only: the parent's model decides whether it applies.
  p.cfgScale(body, 'kling-v1');
  if (parent.durationS + EXTEND_S > EXTEND_MAX_S) {
    throw badParam('video_id', `the video is already ${parent.durationS} s; extending it would pass the 3 minute limit`);
  }
  return {
    endpoint: 'video-extend',
    model: 'extend',
    // Priced as a 5 s v1.6 std clip (approximate; the service reports the truth).
    units: priceUnits('kling-v1-6', 'std', EXTEND_S),
    parentVideo: parent,
    render: {
      label: 'video-extend',
      prompt,
      width: parent.width,
      height: parent.height,
      durationS: parent.durationS + EXTEND_S,
      sound: false,
      source: { ref: { kind: 'file', path: parent.file }, edit: 'extend', durationS: parent.durationS },
    },
  };
}

const INPAINT_WORDS = /\b(replace|remove|erase|add|insert|inpaint|swap|change the)\b/i;

export function planOmni(body: p.Body, ctx: PlanContext): TaskPlan {
  const model = p.modelName(body, [OMNI_MODEL], OMNI_MODEL);
  const { prompt } = p.prompts(body, true);
  const mode = p.mode(body, 'pro');
  // O1 takes several reference images; the simulator allows 7, a figure not confirmed by providers.md.
  const images = (p.array(body, 'image_list', 7) ?? []).map((entry, i) => {
    const e = (entry ?? {}) as { image_url?: unknown; type?: unknown };
    if (e.type !== undefined && e.type !== 'first_frame' && e.type !== 'end_frame') throw badParam(`image_list[${i}].type`, 'must be first_frame or end_frame (or left out for a reference)');
    return { img: parseImage(`image_list[${i}].image_url`, e.image_url), type: e.type as string | undefined };
  });
  const elements = (p.array(body, 'element_list', 4) ?? []).map((entry, i) => {
    const id = (entry as { element_id?: unknown } | null)?.element_id;
    if (typeof id !== 'string' && typeof id !== 'number') throw badParam(`element_list[${i}].element_id`, 'is required');
    const image = ctx.elementImage(String(id));
    if (image === null) throw badParam(`element_list[${i}].element_id`, `no element "${id}" on this account; create it with /v1/general/custom-elements`);
    return image;
  });
  const videos = (p.array(body, 'video_list', 1) ?? []).map((entry, i) => {
    const e = (entry ?? {}) as { video_url?: unknown; refer_type?: unknown; keep_original_sound?: unknown };
    if (typeof e.video_url !== 'string') throw badParam(`video_list[${i}].video_url`, 'is required');
    const url = parseUrl(`video_list[${i}].video_url`, e.video_url).href;
    if (e.refer_type !== 'base' && e.refer_type !== 'feature') throw badParam(`video_list[${i}].refer_type`, 'must be "base" (edit this video) or "feature" (use it as a reference)');
    if (e.keep_original_sound !== undefined && e.keep_original_sound !== 'yes' && e.keep_original_sound !== 'no') {
      throw badParam(`video_list[${i}].keep_original_sound`, 'must be "yes" or "no"');
    }
    return { url, refer: e.refer_type };
  });
  // The prompt names inputs as <<<image_1>>>, <<<element_1>>>, <<<video_1>>>: each must exist.
  const counts: Record<string, number> = { image: images.length, element: elements.length, video: videos.length };
  for (const m of prompt.matchAll(/<<<(image|element|video)_(\d+)>>>/g)) {
    if (Number(m[2]) < 1 || Number(m[2]) > counts[m[1]!]!) throw badParam('prompt', `refers to ${m[0]} but ${m[1]}_list has ${counts[m[1]!]} entr${counts[m[1]!] === 1 ? 'y' : 'ies'}`);
  }
  const base = videos.find((v) => v.refer === 'base');
  const feature = videos.find((v) => v.refer === 'feature');
  const own = base ? ctx.videoByUrl(base.url) : null;
  const durationS = body.duration === undefined && own ? Math.min(10, own.durationS) : p.duration(body, [3, 4, 5, 6, 7, 8, 9, 10], 5);
  const aspectGiven = body.aspect_ratio !== undefined && body.aspect_ratio !== null;
  const aspect = p.aspectRatio(body);
  let size = ASPECT_SIZES[aspect]!;
  const render: RenderSpec = { label: `omni-video · ${model} · ${mode}`, prompt, ...size, durationS, sound: false };
  if (base) {
    const sourceAspectDiffers = own ? Math.abs(own.width / own.height - size.width / size.height) > 0.02 : aspectGiven;
    const edit = aspectGiven && sourceAspectDiffers ? 'outpaint' : INPAINT_WORDS.test(prompt) ? 'inpaint' : 'restyle';
    // Restyle and inpaint keep the source's frame; outpaint changes it to the requested ratio.
    if (edit !== 'outpaint' && own) size = { width: own.width, height: own.height };
    Object.assign(render, size, { label: `${render.label} · ${edit}`, source: { ref: own ? { kind: 'file', path: own.file } : { kind: 'url', url: base.url }, edit } });
  } else if (feature) {
    render.source = { ref: { kind: 'url', url: feature.url }, edit: 'feature' };
  }
  const first = images.find((i) => i.type === 'first_frame');
  const end = images.find((i) => i.type === 'end_frame');
  if (first) render.background = toRef(first.img);
  if (end) render.tail = toRef(end.img);
  const tiles = [...images.filter((i) => !i.type).map((i) => toRef(i.img)), ...elements.map((img) => toRef(parseImage('element', img, { minSide: 1 })))];
  if (tiles.length && !base) render.tiles = tiles.slice(0, 4);
  return { endpoint: 'omni-video', model, units: priceUnits(model, mode, durationS), render };
}

export function planMultiImage(body: p.Body): TaskPlan {
  const model = p.modelName(body, MULTI_IMAGE_MODELS, 'kling-v1-6');
  const { prompt } = p.prompts(body, true);
  const mode = p.mode(body);
  const durationS = p.duration(body, [5, 10], 5);
  const aspect = p.aspectRatio(body);
  const list = p.array(body, 'image_list', 4);
  if (!list?.length) throw badParam('image_list', 'needs 1 to 4 images');
  const tiles = list.map((entry, i) => toRef(parseImage(`image_list[${i}].image`, (entry as { image?: unknown } | null)?.image)));
  return {
    endpoint: 'multi-image2video',
    model,
    units: priceUnits(model, mode, durationS),
    render: { label: `multi-image2video · ${model} · ${mode}`, prompt, ...ASPECT_SIZES[aspect]!, durationS, sound: false, tiles },
  };
}
