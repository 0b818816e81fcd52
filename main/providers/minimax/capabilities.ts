// What each MiniMax video model accepts (providers.md: POST /v1/video_generation with model,
// prompt, first_frame_image, duration 6|10, resolution 768P|1080P, prompt_optimizer). MiniMax
// takes no aspect ratio: text to video renders 16:9 and image to video follows the image.
import type { ModelCapabilities } from '../types.js';

export const MINIMAX_PROMPT_MAX = 2000;

export const MINIMAX_PATHS = {
  create: '/v1/video_generation',
  query: '/v1/query/video_generation',
  retrieve: '/v1/files/retrieve',
} as const;

export interface MinimaxModel extends ModelCapabilities {
  resolutions: readonly string[];
  /** Durations each resolution renders (1080P is 6 s only). */
  durationsByResolution: Readonly<Record<string, readonly number[]>>;
}

function hailuo(model: string, label: string): MinimaxModel {
  return {
    model, label, taskTypes: ['text_to_video', 'image_to_video'], durationsS: [6, 10], aspectRatios: ['16:9'],
    modes: ['std'], sound: false, camera: {}, promptMax: MINIMAX_PROMPT_MAX,
    resolutions: ['768P', '1080P'], durationsByResolution: { '768P': [6, 10], '1080P': [6] },
  };
}

export const MINIMAX_MODELS: readonly MinimaxModel[] = [
  hailuo('MiniMax-Hailuo-02', 'Hailuo 02'),
  hailuo('MiniMax-Hailuo-2.3', 'Hailuo 2.3'),
  {
    // Subject reference: one face image keeps a character's identity across shots.
    model: 'S2V-01', label: 'Hailuo S2V-01 (subject reference)', taskTypes: ['multi_reference'], durationsS: [6], aspectRatios: ['16:9'],
    modes: ['std'], sound: false, camera: {}, promptMax: MINIMAX_PROMPT_MAX,
    resolutions: ['720P'], durationsByResolution: { '720P': [6] },
  },
];

export function findMinimaxModel(model: string): MinimaxModel | undefined {
  return MINIMAX_MODELS.find((m) => m.model === model);
}
