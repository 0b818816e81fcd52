// Pika-on-fal limits, checked before anything is sent.
import type { ResolvedTask, ValidationProblem } from '../types.js';
import { checkAgainstModel } from '../wire/validate.js';
import { inputsWithRole, isImage } from '../wire/inputs.js';
import { findPikaModel } from './capabilities.js';

/** Pikascenes combines up to this many ingredient images. */
const MAX_SCENE_IMAGES = 6;

export function validatePika(task: ResolvedTask): ValidationProblem[] {
  const model = findPikaModel(task.spec.model);
  const out = checkAgainstModel(task, model, 'Pika');
  if (!model) return out;
  const { spec } = task;
  if (!spec.prompt.trim()) out.push({ field: 'prompt', message: 'Pika needs a prompt' });
  if (spec.taskType === 'image_to_video' && inputsWithRole(task, 'first_frame').length !== 1) out.push({ field: 'references', message: `${model.label} needs exactly one first-frame image` });
  if (spec.taskType === 'image_to_video' && inputsWithRole(task, 'end_frame').length > 0) out.push({ field: 'references', message: `${model.label} takes no end frame` });
  if (spec.taskType === 'multi_reference') {
    const n = inputsWithRole(task, 'identity', 'product', 'style').filter(isImage).length;
    if (n < 1 || n > MAX_SCENE_IMAGES) out.push({ field: 'references', message: `Pikascenes takes 1 to ${MAX_SCENE_IMAGES} ingredient images (now ${n})` });
  }
  return out;
}
