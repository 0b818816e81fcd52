// MiniMax's documented limits, checked before anything is sent.
import type { ResolvedTask, ValidationProblem } from '../types.js';
import { checkAgainstModel } from '../wire/validate.js';
import { inputsWithRole } from '../wire/inputs.js';
import { findMinimaxModel } from './capabilities.js';

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const MIN_SHORT_SIDE = 300;

export function validateMinimax(task: ResolvedTask): ValidationProblem[] {
  const model = findMinimaxModel(task.spec.model);
  const out = checkAgainstModel(task, model, 'MiniMax');
  if (!model) return out;
  const { spec } = task;
  const resolution = spec.resolution ?? model.resolutions[0]!;
  const durations = model.durationsByResolution[resolution];
  if (durations && !durations.includes(spec.durationS) && model.durationsS.includes(spec.durationS)) {
    out.push({ field: 'durationS', message: `${model.label} renders ${resolution} in ${durations.join(' or ')} s only` });
  }
  if (spec.negativePrompt) out.push({ field: 'negativePrompt', message: 'MiniMax takes no negative prompt; say what to avoid in the prompt' });
  for (const input of task.inputs) {
    if (input.size > MAX_IMAGE_BYTES) out.push({ field: 'references', message: `reference ${input.refId} is over MiniMax's 20 MB image limit` });
    if (input.width !== null && input.height !== null && Math.min(input.width, input.height) < MIN_SHORT_SIDE) {
      out.push({ field: 'references', message: `reference ${input.refId} is ${input.width}×${input.height}; MiniMax needs the short side ≥ ${MIN_SHORT_SIDE} px` });
    }
  }
  if (spec.taskType === 'text_to_video' && !spec.prompt.trim()) out.push({ field: 'prompt', message: 'describe the video: text to video needs a prompt' });
  if (spec.taskType === 'image_to_video') {
    if (inputsWithRole(task, 'first_frame').length !== 1) out.push({ field: 'references', message: `${model.label} needs exactly one first-frame image` });
    if (inputsWithRole(task, 'end_frame').length > 0 && model.model !== 'MiniMax-Hailuo-02') out.push({ field: 'references', message: `${model.label} takes no end frame (Hailuo 02 does)` });
  }
  if (spec.taskType === 'multi_reference' && inputsWithRole(task, 'identity').length !== 1) {
    out.push({ field: 'references', message: `${model.label} needs exactly one identity (face) image` });
  }
  return out;
}
