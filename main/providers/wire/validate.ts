// The checks every adapter makes against its own capability table before anything is sent:
// a known model that does this task, a duration, aspect ratio and mode it offers, a prompt it
// accepts, and none of the spec fields that only some providers have (camera, motion brush,
// lip sync, elements, cfg scale). Each problem names the spec field and says what to change.
// Two forms: modelProblems + commonProblems (Veo, Sora, Luma: detailed, each with a way out)
// and checkAgainstModel (Runway, MiniMax, fal: one call for a table that is the whole truth).
import type { ModelCapabilities, ResolvedInput, ResolvedTask, ValidationProblem } from '../types.js';

const words = (t: string) => t.replace(/_/g, ' ');

export interface CommonChecks {
  /** Task types for which an empty prompt is refused. */
  promptRequired: readonly string[];
  /** Task types whose duration is fixed by the provider (an extension's added seconds): not checked. */
  durationFixed?: readonly string[];
}

export function modelProblems(task: ResolvedTask, label: string, models: readonly ModelCapabilities[]): { caps: ModelCapabilities | null; problems: ValidationProblem[] } {
  const { spec } = task;
  const caps = models.find((m) => m.model === spec.model) ?? null;
  if (!caps) return { caps, problems: [{ field: 'model', message: `${label} has no model "${spec.model}": choose one of ${models.map((m) => m.model).join(', ')}` }] };
  if (!caps.taskTypes.includes(spec.taskType)) {
    const able = models.filter((m) => m.taskTypes.includes(spec.taskType)).map((m) => m.model);
    const hint = able.length ? `choose ${able.join(' or ')}` : `${label} does not offer it: try another provider`;
    return { caps, problems: [{ field: 'taskType', message: `${caps.label} cannot do ${words(spec.taskType)}: ${hint}` }] };
  }
  return { caps, problems: [] };
}

export function commonProblems(task: ResolvedTask, label: string, caps: ModelCapabilities, checks: CommonChecks): ValidationProblem[] {
  const { spec } = task;
  const out: ValidationProblem[] = [];
  if (spec.prompt.length > caps.promptMax) {
    out.push({ field: 'prompt', message: `The prompt is ${spec.prompt.length} characters; ${label} accepts at most ${caps.promptMax}: shorten it by ${spec.prompt.length - caps.promptMax}` });
  }
  if (checks.promptRequired.includes(spec.taskType) && spec.prompt.trim() === '') {
    out.push({ field: 'prompt', message: `${words(spec.taskType)} on ${label} needs a prompt: describe the video` });
  }
  if (!checks.durationFixed?.includes(spec.taskType) && !caps.durationsS.includes(spec.durationS)) {
    out.push({ field: 'durationS', message: `${caps.label} makes ${caps.durationsS.join(', ')} s clips, not ${spec.durationS} s: choose one of those` });
  }
  if (spec.aspectRatio !== undefined && !caps.aspectRatios.includes(spec.aspectRatio)) {
    out.push({ field: 'aspectRatio', message: `${caps.label} makes ${caps.aspectRatios.join(' or ')} video, not ${spec.aspectRatio}` });
  }
  if (!caps.modes.includes(spec.mode)) {
    out.push({ field: 'mode', message: `${caps.label} has no ${spec.mode} mode: use ${caps.modes.join(' or ')}` });
  }
  if (spec.resolution !== undefined && !(caps.resolutions ?? []).includes(spec.resolution)) {
    const allowed = caps.resolutions ?? [];
    out.push({ field: 'resolution', message: allowed.length ? `${caps.label} renders ${allowed.join(' or ')}, not ${spec.resolution}` : `${caps.label} has no resolution choice: clear it` });
  }
  if (spec.sound === true && !caps.sound) out.push({ field: 'sound', message: `${caps.label} makes no sound: turn sound off or choose a model with audio` });
  const unsupported: [keyof typeof spec, string][] = [
    ['cfgScale', 'a cfg scale'], ['camera', 'camera control'], ['motion', 'a motion brush'], ['staticMaskRefId', 'a static mask'],
    ['lipSync', 'lip sync'], ['elementIds', 'elements'],
  ];
  for (const [field, what] of unsupported) {
    const v = spec[field];
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out.push({ field, message: `${label} takes no ${what}: clear it, or use a provider that has it` });
  }
  return out;
}

/** Images a provider can send inline: JPG, PNG (and WebP where it says so), within a byte limit. */
export function imageInputProblem(input: ResolvedInput, field: string, label: string, opts: { maxBytes: number; mimes?: readonly string[] }): ValidationProblem | null {
  const mimes = opts.mimes ?? ['image/png', 'image/jpeg'];
  if (!mimes.includes(input.mime)) return { field, message: `${label} takes ${mimes.map((m) => m.replace('image/', '').toUpperCase()).join(' or ')} images, not ${input.mime}: convert the reference` };
  if (input.size > opts.maxBytes) return { field, message: `The image is ${(input.size / 1048576).toFixed(1)} MB; ${label} accepts at most ${Math.round(opts.maxBytes / 1048576)} MB` };
  return null;
}

/** The spec's references in a role, in spec order, with their index (for field names). */
export function refsInRole(task: ResolvedTask, roles: readonly string[]): { input: ResolvedInput; index: number }[] {
  const out: { input: ResolvedInput; index: number }[] = [];
  task.spec.references.forEach((r, index) => {
    if (!roles.includes(r.role)) return;
    const input = task.inputs.find((i) => i.refId === r.refId);
    if (input) out.push({ input, index });
  });
  return out;
}

/** Problems common to providers whose capability table is the whole truth about a model. */
export function checkAgainstModel(
  task: ResolvedTask,
  model: { label: string; taskTypes: readonly string[]; durationsS: readonly number[]; aspectRatios: readonly string[]; sound: boolean; promptMax: number; resolutions?: readonly string[] } | undefined,
  providerLabel: string,
): { field: string; message: string }[] {
  const { spec } = task;
  if (!model) return [{ field: 'model', message: `${providerLabel} has no model "${spec.model}"` }];
  const out: { field: string; message: string }[] = [];
  if (!model.taskTypes.includes(spec.taskType)) out.push({ field: 'taskType', message: `${model.label} does not do ${spec.taskType.replace(/_/g, ' ')}` });
  if (!model.durationsS.includes(spec.durationS)) out.push({ field: 'durationS', message: `${model.label} renders ${model.durationsS.join(' or ')} s only` });
  if (spec.aspectRatio && !model.aspectRatios.includes(spec.aspectRatio)) out.push({ field: 'aspectRatio', message: `${model.label} renders ${model.aspectRatios.join(', ')} only` });
  if (spec.sound && !model.sound) out.push({ field: 'sound', message: `${model.label} makes silent clips` });
  if (spec.prompt.length > model.promptMax) out.push({ field: 'prompt', message: `at most ${model.promptMax} characters for ${model.label} (now ${spec.prompt.length})` });
  if (spec.resolution !== undefined) {
    const allowed = model.resolutions ?? [];
    if (!allowed.includes(spec.resolution)) out.push({ field: 'resolution', message: allowed.length ? `${model.label} renders ${allowed.join(' or ')} only` : `${model.label} has no resolution choice` });
  }
  if (spec.camera) out.push({ field: 'camera', message: `${providerLabel} has no camera control; describe the move in the prompt` });
  if (spec.motion?.length || spec.staticMaskRefId !== undefined) out.push({ field: 'motion', message: `${providerLabel} has no motion brush` });
  if (spec.elementIds?.length) out.push({ field: 'elementIds', message: `elements are Kling's; ${providerLabel} cannot use them` });
  if (spec.mode === 'pro') out.push({ field: 'mode', message: `${providerLabel} has no professional mode` });
  return out;
}
