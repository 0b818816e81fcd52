// The checks every adapter makes against its own capability table before anything is sent:
// a known model that does this task, a duration, aspect ratio and mode it offers, a prompt it
// accepts, and none of the spec fields that only some providers have (camera, motion brush,
// lip sync, elements, cfg scale). Each problem names the spec field and says what to change.
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
