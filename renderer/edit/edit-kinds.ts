// The edits a render offers, which of them the render's account can do (with the reason when
// not), the model each one runs on, and the spec every edit starts from. Pure: the menu and the
// dialogs render these, and unit tests pin the rules.
import type { TaskType } from '../../shared/domain.js';
import type { EditContext } from '../../shared/channels/edit.js';
import type { GenerationSpecInput } from '../../shared/generation.js';
import type { ModelCapabilities } from '../../shared/jobs.js';

export const EDIT_KINDS = [
  'extend', 'restyle', 'inpaint', 'outpaint', 'motion_brush', 'camera_control', 'lip_sync', 'last_frame', 'reroll',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export const EDIT_LABELS: Record<EditKind, string> = {
  extend: 'Extend',
  restyle: 'Restyle',
  inpaint: 'Inpaint (paint a mask)',
  outpaint: 'Outpaint / change aspect',
  motion_brush: 'Motion brush',
  camera_control: 'Camera control',
  lip_sync: 'Lip sync',
  last_frame: 'Use last frame as first frame',
  reroll: 'Reroll (same inputs again)',
};

/** The task type each edit submits. */
export const EDIT_TASK: Record<EditKind, TaskType | null> = {
  extend: 'extend',
  restyle: 'restyle',
  inpaint: 'inpaint',
  outpaint: 'outpaint',
  motion_brush: 'motion_brush',
  camera_control: 'camera_control',
  lip_sync: 'lip_sync',
  last_frame: 'image_to_video',
  reroll: null,
};

/** Past this many extends in a chain, quality visibly degrades (each step re-encodes the last). */
export const EXTEND_WARN_DEPTH = 2;

/** Edits that the provider performs on its own copy of the render (by id or URL). */
const NEEDS_PROVIDER_VIDEO = new Set<EditKind>(['extend', 'restyle', 'inpaint', 'outpaint', 'lip_sync']);

/**
 * The model an edit runs on: the render's own model when it does the task (the look stays the
 * same), else the first of the account's models that does.
 */
export function modelFor(kind: EditKind, ctx: EditContext, models: readonly ModelCapabilities[]): ModelCapabilities | undefined {
  if (kind === 'reroll') return models.find((m) => m.model === ctx.model);
  const task = EDIT_TASK[kind]!;
  const own = models.find((m) => m.model === ctx.model && m.taskTypes.includes(task));
  return own ?? models.find((m) => m.taskTypes.includes(task));
}

/** Why this edit cannot be made from this render, or null when it can. */
export function editReason(kind: EditKind, ctx: EditContext, models: readonly ModelCapabilities[] | null): string | null {
  if (!ctx.accountId || !ctx.spec) {
    if (kind === 'last_frame') return 'start from a render made by a provider account (this one was imported)';
    return 'only for renders generated here (this one was imported)';
  }
  if (!models) return 'loading the account’s models…';
  if (kind === 'reroll') return null;
  if (NEEDS_PROVIDER_VIDEO.has(kind) && !ctx.hasProviderVideo) return 'the provider no longer holds this video';
  if (!modelFor(kind, ctx, models)) return `no model on this account does ${EDIT_LABELS[kind].toLowerCase()}`;
  return null;
}

/** Depth the new render would have in its extend chain, and the warning past the second extend. */
export function extendWarning(ctx: EditContext): { depth: number; warning: string | null } {
  const depth = ctx.chainDepth + 1;
  return {
    depth,
    warning: depth > EXTEND_WARN_DEPTH
      ? `This would be extension ${depth} of this chain. Past the second extension quality degrades (softer detail, drifting faces and colour); consider starting a new take from the last frame instead.`
      : null,
  };
}

/** The common part of every edit's spec: same account, project and shot, linked to its parent. */
export function baseSpec(kind: EditKind, ctx: EditContext, model: ModelCapabilities | undefined): GenerationSpecInput {
  const parent = ctx.spec;
  if (kind === 'reroll' && parent) {
    // Same inputs again: the spec as it was sent, another take of this render (lineage 'reroll').
    return { ...parent, rerollOf: ctx.renderId };
  }
  const spec: GenerationSpecInput = {
    accountId: ctx.accountId ?? 'demo',
    model: model?.model ?? ctx.model ?? '',
    taskType: EDIT_TASK[kind] ?? 'text_to_video',
    mode: parent?.mode ?? 'std',
    durationS: pickDuration(model, parent?.durationS ?? 5),
    prompt: parent?.prompt ?? '',
    negativePrompt: parent?.negativePrompt ?? '',
    references: [],
  };
  if (model && !model.modes.includes(spec.mode ?? 'std')) spec.mode = (model.modes[0] as 'std' | 'pro' | undefined) ?? 'std';
  if (ctx.projectId !== null) spec.projectId = ctx.projectId;
  if (ctx.projectId !== null && ctx.shotId !== null) spec.shotId = ctx.shotId;
  // A new take from the last frame is a new shot of its own, not an edit of this render's pixels,
  // but it is still made from it: the lineage keeps the link.
  spec.parentRenderId = ctx.renderId;
  return spec;
}

function pickDuration(model: ModelCapabilities | undefined, wanted: number): number {
  if (!model || model.durationsS.includes(wanted)) return wanted;
  return model.durationsS.reduce((best, d) => (Math.abs(d - wanted) < Math.abs(best - wanted) ? d : best), model.durationsS[0] ?? wanted);
}
