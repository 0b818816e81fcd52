// Luma's create request: POST /generations with the prompt, model, aspect ratio, resolution
// and duration ("5s"); an extension names the Luma generation to continue as keyframe frame0.
import type { HttpCall, ResolvedTask, ValidationProblem } from '../types.js';
import { commonProblems, modelProblems } from '../wire/validate.js';
import { LUMA_MODELS } from './capabilities.js';

const LABEL = 'Luma';

export function validateLuma(task: ResolvedTask): ValidationProblem[] {
  const { spec } = task;
  const found = modelProblems(task, LABEL, LUMA_MODELS);
  if (!found.caps || found.problems.length) return found.problems;
  const out = commonProblems(task, LABEL, found.caps, { promptRequired: ['text_to_video', 'extend'] });
  if (spec.negativePrompt.trim()) out.push({ field: 'negativePrompt', message: 'Luma takes no negative prompt: say what to avoid in the prompt, or clear it' });
  if (spec.references.length) out.push({ field: 'references', message: 'Luma takes images by public URL only, and Dailies keeps your references on this machine: remove the references' });
  if (spec.taskType === 'extend') {
    if (!task.parent) out.push({ field: 'parentRenderId', message: 'Choose the Luma render to extend' });
    else if (task.parent.provider !== 'luma' || !task.parent.providerVideoId) out.push({ field: 'parentRenderId', message: 'Luma extends only its own generations: choose a Luma render' });
  }
  return out;
}

/** callbackUrl: the job's own address (when a public one is set); Luma echoes it in its list, which is how a lost answer is found. */
export function buildLumaCreate(task: ResolvedTask, callbackUrl?: string): HttpCall {
  const { spec } = task;
  const body: Record<string, unknown> = {
    prompt: spec.prompt,
    model: spec.model,
    duration: `${spec.durationS}s`,
    ...(spec.aspectRatio ? { aspect_ratio: spec.aspectRatio } : {}),
    ...(spec.resolution ? { resolution: spec.resolution } : {}),
    ...(callbackUrl ? { callback_url: callbackUrl } : {}),
  };
  if (spec.taskType === 'extend') body.keyframes = { frame0: { type: 'generation', id: task.parent!.providerVideoId } };
  return { method: 'POST', path: '/generations', json: body };
}
