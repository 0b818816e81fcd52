// What Sora 2 accepts (OpenAI video API, providers.md): sora-2 and sora-2-pro, 4, 8 or 12 s,
// 720x1280 / 1280x720 (pro adds 1024x1792 / 1792x1024), a first frame that must match the
// size, and remix of a Sora video by a new prompt. OpenAI announced the API's shutdown for
// 2026-09-24: the adapter stays for users who still have access, and says so.
import type { ModelCapabilities, ProviderNotice } from '../types.js';
import type { TaskType } from '../../../shared/domain.js';

export const SORA_SHUTDOWN: ProviderNotice = {
  kind: 'shutdown',
  date: '2026-09-24',
  message: 'OpenAI announced that its Sora video API shuts down on 2026-09-24. Dailies keeps Sora 2 for accounts that still have access; after that date its requests will fail, and your Sora renders stay in the library.',
};

/** OpenAI documents no prompt limit for videos; 4,000 characters is a conservative cap (approximate). */
export const SORA_PROMPT_MAX = 4000;
export const SORA_SECONDS = [4, 8, 12] as const;

/** The `size` for an aspect ratio and resolution ("1024p" is pro's larger frame). */
export const SORA_SIZES: Record<string, Record<string, string>> = {
  '720p': { '16:9': '1280x720', '9:16': '720x1280' },
  '1024p': { '16:9': '1792x1024', '9:16': '1024x1792' },
};

export interface SoraModel extends ModelCapabilities {
  taskTypes: readonly TaskType[];
}

function sora(model: string, label: string, resolutions: readonly string[]): SoraModel {
  return {
    model, label,
    // Remix changes a Sora video by a new prompt: Dailies' restyle of a Sora render.
    taskTypes: ['text_to_video', 'image_to_video', 'restyle'],
    durationsS: SORA_SECONDS,
    aspectRatios: ['16:9', '9:16'],
    modes: ['std'],
    // Sora 2 renders synchronized sound with every video.
    sound: true,
    camera: {},
    promptMax: SORA_PROMPT_MAX,
    resolutions,
    notice: SORA_SHUTDOWN,
  };
}

export const SORA_MODELS: readonly SoraModel[] = [
  sora('sora-2', 'Sora 2', ['720p']),
  sora('sora-2-pro', 'Sora 2 Pro', ['720p', '1024p']),
];

export function soraSize(aspect: string | undefined, resolution: string | undefined): string {
  return SORA_SIZES[resolution ?? '720p']?.[aspect ?? '16:9'] ?? SORA_SIZES['720p']!['16:9']!;
}
