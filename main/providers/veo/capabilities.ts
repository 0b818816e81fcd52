// What each Veo model accepts (Gemini API), from providers.md: durations 4/6/8 s, and 8 s for
// extension, interpolation (first + last frame) and reference images; extension adds 7 s per
// call; native audio on every model. Veo 3.1 adds extension, last frames and reference images
// (Veo 3.0 takes text or a first frame only). The form offers only what a model lists here and
// validate.ts refuses the rest before anything is sent.
import type { ModelCapabilities } from '../types.js';
import type { TaskType } from '../../../shared/domain.js';

/** Gemini counts prompts in tokens (about 1,024); 4,000 characters stays inside that (approximate). */
export const VEO_PROMPT_MAX = 4000;
export const VEO_DURATIONS = [4, 6, 8] as const;
/** Extension, interpolation and reference images render 8 s clips only. */
export const VEO_LONG_ONLY_S = 8;
export const VEO_MAX_REFERENCE_IMAGES = 3;
export const VEO_RESOLUTIONS = ['720p', '1080p'] as const;

export interface VeoModel extends ModelCapabilities {
  taskTypes: readonly TaskType[];
  /** Interpolation: an end frame beside the first one. */
  lastFrame: boolean;
}

function veo(model: string, label: string, v31: boolean): VeoModel {
  return {
    model,
    label,
    taskTypes: v31 ? ['text_to_video', 'image_to_video', 'multi_reference', 'extend'] : ['text_to_video', 'image_to_video'],
    durationsS: VEO_DURATIONS,
    // The form's duration choices for these tasks (an end frame also needs 8 s: validate says so).
    ...(v31 ? { durationsByTask: { multi_reference: [VEO_LONG_ONLY_S], extend: [VEO_LONG_ONLY_S] } } : {}),
    aspectRatios: ['16:9', '9:16'],
    // Veo has no quality modes; the model (standard or fast) is the choice.
    modes: ['std'],
    // Native audio: every Veo 3 clip has sound.
    sound: true,
    camera: {},
    promptMax: VEO_PROMPT_MAX,
    resolutions: VEO_RESOLUTIONS,
    lastFrame: v31,
  };
}

export const VEO_MODELS: readonly VeoModel[] = [
  veo('veo-3.1-generate-preview', 'Veo 3.1', true),
  veo('veo-3.1-fast-generate-preview', 'Veo 3.1 Fast', true),
  veo('veo-3.0-generate-001', 'Veo 3', false),
  veo('veo-3.0-fast-generate-001', 'Veo 3 Fast', false),
];

export function findVeoModel(model: string): VeoModel | undefined {
  return VEO_MODELS.find((m) => m.model === model);
}
