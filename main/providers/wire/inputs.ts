// Library files as the inline forms providers accept, and lookups on a resolved task.
import type { AdapterContext, ResolvedInput, ResolvedTask } from '../types.js';
import type { ReferenceRole } from '../../../shared/domain.js';

/** A data: URI (Runway, MiniMax and fal take images inline this way). */
export async function dataUri(ctx: Pick<AdapterContext, 'readBase64'>, input: { path: string; mime: string }): Promise<string> {
  const b64 = await ctx.readBase64(input.path);
  return b64.startsWith('data:') ? b64 : `data:${input.mime};base64,${b64}`;
}

/** The spec's role wins over the library's default role for the same reference. */
export function roleOf(task: ResolvedTask, input: ResolvedInput): ReferenceRole {
  return task.spec.references.find((r) => r.refId === input.refId)?.role ?? input.role;
}

/** Inputs in a role, in the order the spec lists its references (Kling numbers <<<image_N>>> by it). */
export function inputsWithRole(task: ResolvedTask, ...roles: ReferenceRole[]): ResolvedInput[] {
  const order = new Map(task.spec.references.map((r, i) => [r.refId, i] as const));
  return task.inputs
    .filter((i) => roles.includes(roleOf(task, i)))
    .sort((a, b) => (order.get(a.refId) ?? Infinity) - (order.get(b.refId) ?? Infinity));
}

export function isImage(input: ResolvedInput): boolean {
  return input.mime.startsWith('image/');
}
