// Task → fal submit for a Pika endpoint. validate.ts has checked the task first.
import type { AdapterContext, HttpCall, ResolvedTask } from '../types.js';
import { dataUri, inputsWithRole, isImage } from '../wire/inputs.js';
import { ProviderCallError } from '../wire/errors.js';
import { findPikaModel } from './capabilities.js';

export async function buildPikaSubmit(task: ResolvedTask, ctx: AdapterContext): Promise<HttpCall> {
  const { spec } = task;
  const endpoint = findPikaModel(spec.model)?.endpoints[spec.taskType];
  if (!endpoint) throw new ProviderCallError({ kind: 'invalid', code: 'input', httpStatus: 0, message: `taskType: ${spec.model} does not do ${spec.taskType}` });
  const body: Record<string, unknown> = { prompt: spec.prompt, duration: spec.durationS };
  if (spec.negativePrompt) body.negative_prompt = spec.negativePrompt;
  if (spec.resolution) body.resolution = spec.resolution;
  if (spec.taskType === 'image_to_video') {
    const [first] = inputsWithRole(task, 'first_frame');
    if (first) body.image_url = await dataUri(ctx, first);
  } else if (spec.aspectRatio) {
    // Image to video follows the image's shape; the others take the aspect ratio.
    body.aspect_ratio = spec.aspectRatio;
  }
  if (spec.taskType === 'multi_reference') {
    const ingredients = inputsWithRole(task, 'identity', 'product', 'style').filter(isImage);
    body.images = await Promise.all(ingredients.map(async (i) => ({ image_url: await dataUri(ctx, i) })));
  }
  return { method: 'POST', path: `/${endpoint}`, json: body };
}
