// Library files as the inline forms providers accept, and common lookups on a resolved task.
import type { AdapterContext, ResolvedInput, ResolvedTask } from '../types.js';
import type { ReferenceRole } from '../../../shared/domain.js';

/** A data: URI (Runway, MiniMax and fal take images inline this way). */
export async function dataUri(ctx: Pick<AdapterContext, 'readBase64'>, input: { path: string; mime: string }): Promise<string> {
  const b64 = await ctx.readBase64(input.path);
  return b64.startsWith('data:') ? b64 : `data:${input.mime};base64,${b64}`;
}

/** The spec's role wins over the library's default role for the same reference. */
function roleOf(task: ResolvedTask, input: ResolvedInput): ReferenceRole {
  return task.spec.references.find((r) => r.refId === input.refId)?.role ?? input.role;
}

/** Inputs in a role, in the order the spec lists its references. */
export function inputsWithRole(task: ResolvedTask, ...roles: ReferenceRole[]): ResolvedInput[] {
  const order = new Map(task.spec.references.map((r, i) => [r.refId, i] as const));
  return task.inputs
    .filter((i) => roles.includes(roleOf(task, i)))
    .sort((a, b) => (order.get(a.refId) ?? Infinity) - (order.get(b.refId) ?? Infinity));
}

export function isImage(input: ResolvedInput): boolean {
  return input.mime.startsWith('image/');
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
