// Runway's documented limits, checked before anything is sent.
import type { ResolvedTask, ValidationProblem } from '../types.js';
import { checkAgainstModel } from '../wire/validate.js';
import { inputsWithRole, isImage } from '../wire/inputs.js';
import { findRunwayModel } from './capabilities.js';

/** Runway takes inline images up to 5 MB (as data URIs) and videos up to 16 MB. */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export function validateRunway(task: ResolvedTask): ValidationProblem[] {
  const model = findRunwayModel(task.spec.model);
  const out = checkAgainstModel(task, model, 'Runway');
  if (!model) return out;
  const { spec } = task;
  if (spec.negativePrompt) out.push({ field: 'negativePrompt', message: 'Runway takes no negative prompt; say what to avoid in the prompt' });
  for (const input of task.inputs) {
    if (isImage(input) && input.size > MAX_IMAGE_BYTES) out.push({ field: 'references', message: `reference ${input.refId} is over Runway's 5 MB limit for inline images` });
  }
  if (spec.taskType === 'image_to_video') {
    if (inputsWithRole(task, 'first_frame').length !== 1) out.push({ field: 'references', message: `${model.label} needs exactly one first-frame image` });
    if (inputsWithRole(task, 'end_frame').length > 0) out.push({ field: 'references', message: `${model.label} takes a first frame only, no end frame` });
  }
  if (spec.taskType === 'text_to_video' && !spec.prompt.trim()) out.push({ field: 'prompt', message: 'describe the video: text to video needs a prompt' });
  if (spec.taskType === 'restyle') {
    if (!task.parent) out.push({ field: 'parentRenderId', message: 'restyle starts from a render' });
    if (!spec.prompt.trim()) out.push({ field: 'prompt', message: 'say how to restyle the render' });
  }
  return out;
}
