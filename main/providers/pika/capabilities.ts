// Pika models as fal serves them. Each (model, task type) is its own fal endpoint; requests go to
// https://queue.fal.run/<endpoint>, and the queue's status/result/cancel live under the app id
// (the first two segments, "fal-ai/pika"), not under the full endpoint path.
import type { ModelCapabilities } from '../types.js';

export const FAL_APP = 'fal-ai/pika';
export const PIKA_PROMPT_MAX = 2000;

export interface PikaModel extends ModelCapabilities {
  resolutions: readonly string[];
  /** Task type → fal endpoint. */
  endpoints: Readonly<Partial<Record<string, string>>>;
}

function pika(version: '2.5' | '2.2', label: string, scenes: boolean): PikaModel {
  const base = `${FAL_APP}/v${version}`;
  return {
    model: `pika-v${version}`,
    label,
    taskTypes: scenes ? ['text_to_video', 'image_to_video', 'multi_reference'] : ['text_to_video', 'image_to_video'],
    durationsS: [5, 10],
    aspectRatios: ['16:9', '9:16', '1:1'],
    modes: ['std'],
    sound: false,
    camera: {},
    promptMax: PIKA_PROMPT_MAX,
    resolutions: ['720p', '1080p'],
    endpoints: {
      text_to_video: `${base}/text-to-video`,
      image_to_video: `${base}/image-to-video`,
      ...(scenes ? { multi_reference: `${base}/pikascenes` } : {}),
    },
  };
}

export const PIKA_MODELS: readonly PikaModel[] = [pika('2.5', 'Pika 2.5', false), pika('2.2', 'Pika 2.2 (with Pikascenes)', true)];

export function findPikaModel(model: string): PikaModel | undefined {
  return PIKA_MODELS.find((m) => m.model === model);
}

/** Queue paths for one request, relative to the base URL. */
export function requestPath(requestId: string, suffix: '' | '/status' | '/cancel' = ''): string {
  return `/${FAL_APP}/requests/${encodeURIComponent(requestId)}${suffix}`;
}
