// What Luma Dream Machine accepts (its generations API; providers.md lists the routes and
// states, not the fields, so the field names follow Luma's public API reference): Ray 2 and
// Ray Flash 2, 5 or 9 s, 540p to 4k, and extension of a Luma generation by its id.
// Image keyframes exist but Luma takes them by public URL only, and Dailies keeps references
// on this machine: image to video is not offered rather than uploading a user's image anywhere.
import type { ModelCapabilities } from '../types.js';
import type { TaskType } from '../../../shared/domain.js';

/** Luma documents no prompt limit; 5,000 characters is a conservative cap (approximate). */
export const LUMA_PROMPT_MAX = 5000;
export const LUMA_DURATIONS = [5, 9] as const;
export const LUMA_RESOLUTIONS = ['540p', '720p', '1080p', '4k'] as const;
export const LUMA_ASPECTS = ['16:9', '9:16', '1:1'] as const;

export interface LumaModel extends ModelCapabilities {
  taskTypes: readonly TaskType[];
}

function ray(model: string, label: string): LumaModel {
  return {
    model, label, taskTypes: ['text_to_video', 'extend'], durationsS: LUMA_DURATIONS, aspectRatios: LUMA_ASPECTS,
    modes: ['std'], sound: false, camera: {}, promptMax: LUMA_PROMPT_MAX, resolutions: LUMA_RESOLUTIONS,
  };
}

export const LUMA_MODELS: readonly LumaModel[] = [ray('ray-2', 'Ray 2'), ray('ray-flash-2', 'Ray 2 Flash')];
