// Sora's create requests: POST /v1/videos as JSON for text, as multipart when a first frame
// (`input_reference`, which must match `size` exactly) goes with it; POST
// /v1/videos/{id}/remix {prompt} for a new take on a Sora video.
import type { AdapterContext, HttpCall, ResolvedTask, ValidationProblem } from '../types.js';
import { commonProblems, imageInputProblem, modelProblems, refsInRole } from '../wire/validate.js';
import { SORA_MODELS, soraSize } from './capabilities.js';

const LABEL = 'Sora 2';

export function validateSora(task: ResolvedTask): ValidationProblem[] {
  const { spec } = task;
  const found = modelProblems(task, LABEL, SORA_MODELS);
  if (!found.caps || found.problems.length) return found.problems;
  const out = commonProblems(task, LABEL, found.caps, { promptRequired: ['text_to_video', 'image_to_video', 'restyle'], durationFixed: ['restyle'] });
  if (spec.negativePrompt.trim()) out.push({ field: 'negativePrompt', message: 'Sora takes no negative prompt: say what to avoid in the prompt, or clear it' });
  if (spec.taskType === 'image_to_video') {
    const first = refsInRole(task, ['first_frame']);
    if (first.length !== 1) out.push({ field: 'references', message: 'Image to video on Sora needs exactly one first-frame image' });
    else {
      const { input, index } = first[0]!;
      const problem = imageInputProblem(input, `references.${index}.refId`, LABEL, { maxBytes: 20 * 1024 * 1024, mimes: ['image/png', 'image/jpeg', 'image/webp'] });
      if (problem) out.push(problem);
      const size = soraSize(spec.aspectRatio, spec.resolution);
      if (input.width !== null && input.height !== null && `${input.width}x${input.height}` !== size) {
        out.push({ field: `references.${index}.refId`, message: `Sora needs the first frame at exactly the video's size, ${size}; this image is ${input.width}x${input.height}: crop or scale it` });
      }
    }
  }
  if (spec.taskType === 'restyle') {
    if (!task.parent) out.push({ field: 'parentRenderId', message: 'Choose the Sora render to remix' });
    else if (task.parent.provider !== 'sora' || !task.parent.providerVideoId) out.push({ field: 'parentRenderId', message: 'Sora remixes only videos Sora made: choose a Sora render' });
  }
  return out;
}

export async function buildSoraCreate(task: ResolvedTask, ctx: AdapterContext): Promise<HttpCall> {
  const { spec } = task;
  if (spec.taskType === 'restyle') {
    return { method: 'POST', path: `/v1/videos/${encodeURIComponent(task.parent!.providerVideoId!)}/remix`, json: { prompt: spec.prompt } };
  }
  const fields = { model: spec.model, prompt: spec.prompt, seconds: String(spec.durationS), size: soraSize(spec.aspectRatio, spec.resolution) };
  const [first] = spec.taskType === 'image_to_video' ? refsInRole(task, ['first_frame']) : [];
  if (!first) return { method: 'POST', path: '/v1/videos', json: fields };
  const data = Buffer.from(await ctx.readBase64(first.input.path), 'base64');
  const ext = first.input.mime.split('/')[1] === 'jpeg' ? 'jpg' : first.input.mime.split('/')[1];
  return { method: 'POST', path: '/v1/videos', form: { fields, files: [{ name: 'input_reference', filename: `first_frame.${ext}`, mime: first.input.mime, data }] } };
}
