// Looking up the resolved files behind a spec's references. The spec names references by id
// and role; the engine resolves them to files (ResolvedInput). Masks and audio are named by id
// in their own spec fields, so lookups go by id as well as by role.
import type { ResolvedInput, ResolvedTask } from '../types.js';
import type { ReferenceRole } from '../../../shared/domain.js';

/** Inputs in a role, in the order the spec lists its references (that order numbers <<<image_N>>>). */
export function inputsWithRole(task: ResolvedTask, role: ReferenceRole): ResolvedInput[] {
  const order = new Map(task.spec.references.map((r, i) => [r.refId, i] as const));
  return task.inputs
    .filter((i) => roleOf(task, i) === role)
    .sort((a, b) => (order.get(a.refId) ?? Infinity) - (order.get(b.refId) ?? Infinity));
}

export function inputById(task: ResolvedTask, refId: number): ResolvedInput | undefined {
  return task.inputs.find((i) => i.refId === refId);
}

/** The spec's role wins over the library's default role for the same reference. */
export function roleOf(task: ResolvedTask, input: ResolvedInput): ReferenceRole {
  return task.spec.references.find((r) => r.refId === input.refId)?.role ?? input.role;
}

export function isImage(input: ResolvedInput): boolean {
  return input.mime.startsWith('image/');
}

/** Reference images for multi-reference tasks: every image in spec order except masks. */
export function referenceImages(task: ResolvedTask): ResolvedInput[] {
  const order = task.spec.references.map((r) => r.refId);
  const masks = new Set([...(task.spec.motion ?? []).map((m) => m.maskRefId), task.spec.staticMaskRefId, task.spec.maskRefId]);
  return order
    .map((id) => inputById(task, id))
    .filter((i): i is ResolvedInput => i !== undefined && isImage(i) && !masks.has(i.refId) && roleOf(task, i) !== 'mask');
}
