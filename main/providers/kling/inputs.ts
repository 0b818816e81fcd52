// Looking up the resolved files behind a spec's references. The spec names references by id
// and role; the engine resolves them to files (ResolvedInput). Masks and audio are named by id
// in their own spec fields, so lookups go by id as well as by role.
import type { ResolvedInput, ResolvedTask } from '../types.js';
import { inputsWithRole, isImage, roleOf } from '../wire/inputs.js';

export { inputsWithRole, isImage, roleOf };

export function inputById(task: ResolvedTask, refId: number): ResolvedInput | undefined {
  return task.inputs.find((i) => i.refId === refId);
}

/** Reference images for multi-reference tasks: every image in spec order except masks. */
export function referenceImages(task: ResolvedTask): ResolvedInput[] {
  const order = task.spec.references.map((r) => r.refId);
  const masks = new Set([...(task.spec.motion ?? []).map((m) => m.maskRefId), task.spec.staticMaskRefId, task.spec.maskRefId]);
  return order
    .map((id) => inputById(task, id))
    .filter((i): i is ResolvedInput => i !== undefined && isImage(i) && !masks.has(i.refId) && roleOf(task, i) !== 'mask');
}
