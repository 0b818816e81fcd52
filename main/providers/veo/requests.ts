// Veo's create request (Gemini API predictLongRunning) and its checks. One instance per
// request: the prompt, a first frame (`image`), an end frame (`lastFrame`, interpolation), a
// Veo video to extend (`video`, by the file URI Veo gave it), or up to 3 `referenceImages`.
// Images go inline as {bytesBase64Encoded, mimeType}.
import type { AdapterContext, HttpCall, ResolvedInput, ResolvedTask, ValidationProblem } from '../types.js';
import { commonProblems, imageInputProblem, modelProblems, refsInRole } from '../wire/validate.js';
import { findVeoModel, VEO_LONG_ONLY_S, VEO_MAX_REFERENCE_IMAGES, VEO_MODELS } from './capabilities.js';

const LABEL = 'Veo';
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const REFERENCE_ROLES = ['identity', 'product', 'style'] as const;

export function createPath(model: string): string {
  return `/v1beta/models/${encodeURIComponent(model)}:predictLongRunning`;
}

export function validateVeo(task: ResolvedTask): ValidationProblem[] {
  const { spec } = task;
  const found = modelProblems(task, LABEL, VEO_MODELS);
  if (!found.caps) return found.problems;
  if (found.problems.length) return found.problems;
  const caps = findVeoModel(spec.model)!;
  const out = commonProblems(task, LABEL, caps, { promptRequired: ['text_to_video', 'multi_reference', 'extend'], durationFixed: ['extend'] });
  const first = refsInRole(task, ['first_frame']);
  const end = refsInRole(task, ['end_frame']);
  const refs = refsInRole(task, REFERENCE_ROLES);
  for (const { input, index } of [...first, ...end, ...refs]) {
    const p = imageInputProblem(input, `references.${index}.refId`, LABEL, { maxBytes: MAX_IMAGE_BYTES });
    if (p) out.push(p);
  }
  const long = (why: string) => {
    if (spec.durationS !== VEO_LONG_ONLY_S) out.push({ field: 'durationS', message: `Veo renders ${why} as ${VEO_LONG_ONLY_S} s clips only: set the duration to ${VEO_LONG_ONLY_S} s` });
  };
  switch (spec.taskType) {
    case 'image_to_video':
      if (first.length !== 1) out.push({ field: 'references', message: 'Image to video on Veo needs exactly one first-frame image' });
      if (end.length > 1) out.push({ field: 'references', message: 'Veo takes at most one end frame' });
      if (end.length === 1) {
        if (!caps.lastFrame) out.push({ field: 'references', message: `${caps.label} takes no end frame: use Veo 3.1, or remove the end frame` });
        long('first-to-last-frame interpolation');
      }
      break;
    case 'multi_reference':
      if (refs.length < 1 || refs.length > VEO_MAX_REFERENCE_IMAGES) {
        out.push({ field: 'references', message: `Veo takes 1 to ${VEO_MAX_REFERENCE_IMAGES} reference images (identity, product or style); this has ${refs.length}` });
      }
      long('reference-image videos');
      break;
    case 'extend':
      if (!task.parent) out.push({ field: 'parentRenderId', message: 'Choose the Veo render to extend' });
      else if (task.parent.provider !== 'veo' || !task.parent.providerVideoUrl) {
        out.push({ field: 'parentRenderId', message: 'Veo extends only videos Veo made (it needs the file Veo keeps for 2 days): choose a Veo render' });
      }
      if (spec.resolution && spec.resolution !== '720p') out.push({ field: 'resolution', message: 'Veo extends at 720p only: choose 720p' });
      break;
    default:
      break;
  }
  return out;
}

async function inlineImage(input: ResolvedInput, ctx: AdapterContext) {
  return { bytesBase64Encoded: await ctx.readBase64(input.path), mimeType: input.mime };
}

export async function buildVeoCreate(task: ResolvedTask, ctx: AdapterContext): Promise<HttpCall> {
  const { spec } = task;
  const instance: Record<string, unknown> = {};
  if (spec.prompt.trim()) instance.prompt = spec.prompt;
  const parameters: Record<string, unknown> = {};
  if (spec.aspectRatio) parameters.aspectRatio = spec.aspectRatio;
  if (spec.negativePrompt.trim()) parameters.negativePrompt = spec.negativePrompt;
  if (spec.resolution) parameters.resolution = spec.resolution;

  switch (spec.taskType) {
    case 'image_to_video': {
      const [first] = refsInRole(task, ['first_frame']);
      const [end] = refsInRole(task, ['end_frame']);
      instance.image = await inlineImage(first!.input, ctx);
      if (end) instance.lastFrame = await inlineImage(end.input, ctx);
      parameters.durationSeconds = spec.durationS;
      break;
    }
    case 'multi_reference':
      instance.referenceImages = await Promise.all(
        refsInRole(task, ['identity', 'product', 'style']).map(async ({ input, index }) => ({
          image: await inlineImage(input, ctx),
          // Style images steer the look; identities and products are "assets" to keep consistent.
          referenceType: spec.references[index]!.role === 'style' ? 'style' : 'asset',
        })),
      );
      parameters.durationSeconds = spec.durationS;
      break;
    case 'extend':
      // The Veo video by the file URI Veo returned for it (kept by Google for 2 days).
      instance.video = { uri: task.parent!.providerVideoUrl };
      parameters.durationSeconds = VEO_LONG_ONLY_S;
      break;
    default:
      parameters.durationSeconds = spec.durationS;
  }
  return { method: 'POST', path: createPath(spec.model), json: { instances: [instance], parameters } };
}
