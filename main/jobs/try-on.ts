// "Try this shot on…": a render's generation moved onto another provider's model. The prompt,
// references, project and shot stay; every option the other model lacks is moved to the nearest
// one it has or dropped, and each change is said, so the comparison is honest about what differs.
import type { GenerationSpecParsed } from '../../shared/generation.js';
import type { ModelCapabilities } from '../../shared/jobs.js';
import { ContractError } from '../../shared/errors.js';
import type { ProviderAdapter, ResolvedTask } from '../providers/types.js';

/** Fields an adapter may refuse that a retarget can drop without changing what is asked for. */
const DROPPABLE = ['negativePrompt', 'cfgScale', 'camera', 'elementIds', 'sound', 'resolution', 'aspectRatio'] as const;
type Droppable = (typeof DROPPABLE)[number];

const DROP_WORDS: Record<Droppable, string> = {
  negativePrompt: 'negative prompt left out',
  cfgScale: 'prompt strength (cfg) left out',
  camera: 'camera move left out (describe it in the prompt)',
  elementIds: 'Kling elements left out',
  sound: 'sound switched off',
  resolution: 'resolution left to the provider’s default',
  aspectRatio: 'aspect ratio left to the provider’s default',
};

function nearest(values: readonly number[], target: number): number {
  let best = values[0] ?? target;
  for (const v of values) if (Math.abs(v - target) < Math.abs(best - target)) best = v;
  return best;
}

function pickModel(adapter: ProviderAdapter, spec: GenerationSpecParsed, wanted: string | undefined): ModelCapabilities {
  if (wanted !== undefined) {
    const m = adapter.models.find((x) => x.model === wanted);
    if (!m) throw new ContractError('validation', `${adapter.label} has no model "${wanted}".`, [{ field: 'model', message: 'unknown model' }]);
    if (!m.taskTypes.includes(spec.taskType)) {
      throw new ContractError('validation', `${m.label} cannot do ${spec.taskType.replace(/_/g, ' ')}.`, [{ field: 'model', message: 'task type not supported' }]);
    }
    return m;
  }
  const able = adapter.models.filter((m) => m.taskTypes.includes(spec.taskType));
  const best = (spec.sound ? able.find((m) => m.sound) : undefined) ?? able[0];
  if (!best) {
    throw new ContractError('validation', `${adapter.label} has no model that does ${spec.taskType.replace(/_/g, ' ')}.`, [{ field: 'accountId', message: 'task type not supported' }]);
  }
  return best;
}

/**
 * The spec for the other account, and the changes made. `validate` is the target adapter's
 * check on a resolved task (references and parent included); fields it refuses that can be
 * dropped are dropped, anything else it refuses is an error naming the field.
 */
export function retarget(
  source: GenerationSpecParsed,
  accountId: string,
  adapter: ProviderAdapter,
  wantedModel: string | undefined,
  resolve: (spec: GenerationSpecParsed) => ResolvedTask,
): { spec: GenerationSpecParsed; changes: string[] } {
  const model = pickModel(adapter, source, wantedModel);
  const changes: string[] = [];
  const spec: GenerationSpecParsed = { ...source, accountId, model: model.model };
  if (!model.modes.includes(spec.mode)) {
    spec.mode = (model.modes[0] as GenerationSpecParsed['mode'] | undefined) ?? 'std';
    changes.push(`mode ${source.mode} → ${spec.mode}`);
  }
  if (!model.durationsS.includes(spec.durationS)) {
    spec.durationS = nearest(model.durationsS, spec.durationS);
    changes.push(`duration ${source.durationS} s → ${spec.durationS} s`);
  }
  if (spec.aspectRatio && !model.aspectRatios.includes(spec.aspectRatio)) {
    const next = model.aspectRatios[0] as GenerationSpecParsed['aspectRatio'];
    changes.push(`aspect ratio ${spec.aspectRatio} → ${next ?? 'default'}`);
    spec.aspectRatio = next;
  }
  if (spec.resolution && !(model.resolutions ?? []).includes(spec.resolution)) {
    changes.push(`resolution ${spec.resolution} → ${model.resolutions?.[0] ?? 'default'}`);
    spec.resolution = model.resolutions?.[0];
  }
  if (spec.prompt.length > model.promptMax) {
    throw new ContractError('validation', `The prompt is ${spec.prompt.length} characters; ${model.label} takes at most ${model.promptMax}. Shorten it and submit from the form.`, [{ field: 'prompt', message: 'too long for this model' }]);
  }
  for (let round = 0; round < 2; round++) {
    const problems = adapter.validate(resolve(spec));
    if (problems.length === 0) return { spec: clean(spec), changes };
    const fatal = problems.filter((p) => !DROPPABLE.includes(p.field as Droppable) || !present(spec, p.field as Droppable));
    if (fatal.length > 0 || round === 1) {
      const list = (fatal.length ? fatal : problems).map((p) => `${p.field}: ${p.message}`).join('; ');
      throw new ContractError('validation', `Cannot run this render on ${adapter.label} ${model.label}: ${list}`, (fatal.length ? fatal : problems).map((p) => ({ field: p.field, message: p.message })));
    }
    for (const p of problems) {
      const field = p.field as Droppable;
      if (!present(spec, field)) continue;
      delete (spec as Partial<GenerationSpecParsed>)[field];
      if (field === 'negativePrompt') spec.negativePrompt = '';
      changes.push(DROP_WORDS[field]);
    }
  }
  return { spec: clean(spec), changes };
}

function present(spec: GenerationSpecParsed, field: Droppable): boolean {
  const v = spec[field];
  if (field === 'negativePrompt') return !!v;
  if (Array.isArray(v)) return v.length > 0;
  return v !== undefined;
}

function clean(spec: GenerationSpecParsed): GenerationSpecParsed {
  const out = { ...spec };
  for (const k of Object.keys(out) as (keyof GenerationSpecParsed)[]) if (out[k] === undefined) delete out[k];
  return out;
}
