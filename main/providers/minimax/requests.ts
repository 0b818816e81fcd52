// Task → MiniMax create request. validate.ts has checked the task first.
import type { AdapterContext, HttpCall, ResolvedTask } from '../types.js';
import { dataUri, inputsWithRole } from '../wire/inputs.js';
import { MINIMAX_PATHS } from './capabilities.js';

export async function buildMinimaxCreate(task: ResolvedTask, ctx: AdapterContext): Promise<HttpCall> {
  const { spec } = task;
  const body: Record<string, unknown> = { model: spec.model, prompt: spec.prompt, duration: spec.durationS };
  if (spec.resolution) body.resolution = spec.resolution;
  if (spec.taskType === 'image_to_video') {
    const [first] = inputsWithRole(task, 'first_frame');
    const [last] = inputsWithRole(task, 'end_frame');
    if (first) body.first_frame_image = await dataUri(ctx, first);
    if (last) body.last_frame_image = await dataUri(ctx, last);
  }
  if (spec.taskType === 'multi_reference') {
    const faces = inputsWithRole(task, 'identity');
    body.subject_reference = [{ type: 'character', image: await Promise.all(faces.map((f) => dataUri(ctx, f))) }];
  }
  return { method: 'POST', path: MINIMAX_PATHS.create, json: body };
}
