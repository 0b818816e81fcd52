// The New generation form and the adapters agree, for every registered provider and model: an
// option the form offers (no reason shown) is one the adapter accepts, and an option the form
// disables (with a reason) is one the adapter refuses. Driven by the real capability tables.
import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../main/providers/registry.js';
import type { ModelCapabilities, ResolvedInput, ResolvedParent, ResolvedTask } from '../../main/providers/types.js';
import { GenerationSpec } from '../../shared/generation.js';
import type { TaskType } from '../../shared/domain.js';
import {
  ASPECTS, MODE_LABELS, aspectReason, taskTypeReason, constrain, durationReason, initialDraft, modeReason, modelReason, resolutionReason, soundReason, toSpec, type Draft,
} from '../../renderer/generate/spec-draft.js';
import type { Mode } from '../../shared/generation.js';

const frame: ResolvedInput = { refId: 1, role: 'first_frame', path: '/lib/frame.png', mime: 'image/png', width: 1280, height: 720, size: 90_000, durationMs: null };
const face: ResolvedInput = { ...frame, refId: 2, role: 'identity' };
const parent: ResolvedParent = {
  renderId: 5, path: '/lib/parent.mp4', provider: 'kling', providerVideoId: 'v1', providerVideoUrl: 'https://cdn.example/v1.mp4', width: 1280, height: 720, durationMs: 5000,
};

/** The inputs a task type needs, so only the option under test can make the adapter refuse. */
function resolved(draft: Draft): ResolvedTask {
  const needsFrame = ['image_to_video', 'motion_brush'].includes(draft.taskType);
  const needsFace = draft.taskType === 'multi_reference';
  const needsParent = ['restyle', 'inpaint', 'outpaint', 'extend', 'lip_sync'].includes(draft.taskType);
  const inputs = [...(needsFrame ? [frame] : []), ...(needsFace ? [face] : [])];
  const spec = GenerationSpec.parse({
    ...toSpec({ ...draft, references: inputs.map((i) => ({ refId: i.refId, role: i.role })) }),
    ...(needsParent ? { parentRenderId: parent.renderId } : {}),
  });
  return { spec, inputs, parent: needsParent ? parent : null };
}

function refuses(adapterId: string, draft: Draft, field: string): boolean {
  return PROVIDERS[adapterId]!.validate(resolved(draft)).some((p) => p.field === field);
}

/** A draft for this model and task type with every other option on values the model accepts. */
function baseDraft(models: readonly ModelCapabilities[], model: ModelCapabilities, taskType: TaskType): Draft {
  return constrain({ ...initialDraft('acct'), model: model.model, taskType, prompt: 'a lighthouse at dusk' }, models.filter((m) => m === model));
}

// Every task type the form offers for the provider (the edit flows that start from a render
// have their own forms and send no duration, aspect or mode of their own).
const cases = Object.values(PROVIDERS).flatMap((adapter) =>
  adapter.models.flatMap((model) => model.taskTypes
    .filter((t) => taskTypeReason(t as TaskType, adapter.models) === null)
    .map((taskType) => ({ adapter: adapter.id, models: adapter.models, model, taskType: taskType as TaskType }))),
);

describe('capability tables and the form agree', () => {
  it('covers every registered provider', () => {
    expect(new Set(cases.map((c) => c.adapter))).toEqual(new Set(Object.keys(PROVIDERS)));
  });

  it.each(cases.map((c) => [`${c.adapter} ${c.model.model} ${c.taskType}`, c] as const))('%s', (_name, { adapter, models, model, taskType }) => {
    const base = baseDraft(models, model, taskType);
    expect(modelReason(model, taskType)).toBeNull();
    // The form's defaults for this model are accepted as they are.
    const capabilityFields = ['model', 'taskType', 'durationS', 'aspectRatio', 'sound', 'mode', 'resolution'];
    expect(PROVIDERS[adapter]!.validate(resolved(base)).filter((p) => capabilityFields.includes(p.field))).toEqual([]);

    const allDurations = [...new Set([...models.flatMap((m) => m.durationsS), 3, 5, 6, 10])];
    for (const d of allDurations) {
      const draft = { ...base, durationS: d };
      expect(!!durationReason(model, d, base.resolution, taskType), `duration ${d}`).toBe(refuses(adapter, draft, 'durationS'));
    }
    for (const a of ASPECTS) {
      expect(!!aspectReason(model, a), `aspect ${a}`).toBe(refuses(adapter, { ...base, aspectRatio: a }, 'aspectRatio'));
    }
    for (const m of Object.keys(MODE_LABELS) as Mode[]) {
      expect(!!modeReason(model, m), `mode ${m}`).toBe(refuses(adapter, { ...base, mode: m }, 'mode'));
    }
    expect(!!soundReason(model), 'sound').toBe(refuses(adapter, { ...base, sound: true }, 'sound'));
    for (const r of [...new Set(Object.values(PROVIDERS).flatMap((p) => p.models.flatMap((x) => x.resolutions ?? [])))]) {
      expect(!!resolutionReason(model, r), `resolution ${r}`).toBe(refuses(adapter, { ...base, resolution: r }, 'resolution'));
      // Where a resolution narrows the durations, the form's reason and the adapter agree too.
      if (!resolutionReason(model, r)) {
        for (const d of model.durationsS) expect(!!durationReason(model, d, r, taskType), `${r} ${d} s`).toBe(refuses(adapter, { ...base, resolution: r, durationS: d }, 'durationS'));
      }
    }
  });
});
