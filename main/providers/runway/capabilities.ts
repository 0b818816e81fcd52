// What each Runway model accepts through the API (providers.md: /v1/image_to_video,
// /v1/text_to_video, /v1/video_to_video). Runway takes a pixel `ratio` ("1280:720"), not an
// aspect ratio: RATIOS maps the form's aspect to the ratio each model renders.
import type { ModelCapabilities } from '../types.js';

/** Runway refuses longer promptText. */
export const RUNWAY_PROMPT_MAX = 1000;

export const RUNWAY_PATHS = {
  imageToVideo: '/v1/image_to_video',
  textToVideo: '/v1/text_to_video',
  videoToVideo: '/v1/video_to_video',
  tasks: '/v1/tasks',
  organization: '/v1/organization',
} as const;

export interface RunwayModel extends ModelCapabilities {
  /** Aspect ratio → Runway's `ratio`. */
  ratios: Readonly<Record<string, string>>;
  path: string;
}

const LANDSCAPE_PORTRAIT_SQUARE = { '16:9': '1280:720', '9:16': '720:1280', '1:1': '960:960' } as const;

export const RUNWAY_MODELS: readonly RunwayModel[] = [
  {
    model: 'gen4_turbo',
    label: 'Gen-4 Turbo',
    // Gen-4 Turbo animates a first frame: it has no text-only mode.
    taskTypes: ['image_to_video'],
    durationsS: [5, 10],
    aspectRatios: ['16:9', '9:16', '1:1'],
    modes: ['std'],
    sound: false,
    camera: {},
    promptMax: RUNWAY_PROMPT_MAX,
    ratios: LANDSCAPE_PORTRAIT_SQUARE,
    path: RUNWAY_PATHS.imageToVideo,
  },
  {
    model: 'gen4_aleph',
    label: 'Gen-4 Aleph (video to video)',
    // Restyles a render by instruction, optionally steered by a style reference image; the
    // output keeps the source's length, so the one duration listed is what the estimate uses.
    taskTypes: ['restyle'],
    durationsS: [5],
    aspectRatios: ['16:9', '9:16', '1:1'],
    modes: ['std'],
    sound: false,
    camera: {},
    promptMax: RUNWAY_PROMPT_MAX,
    ratios: LANDSCAPE_PORTRAIT_SQUARE,
    path: RUNWAY_PATHS.videoToVideo,
  },
  {
    model: 'veo3.1_fast',
    label: 'Veo 3.1 Fast (via Runway)',
    taskTypes: ['text_to_video'],
    durationsS: [4, 6, 8],
    aspectRatios: ['16:9', '9:16'],
    modes: ['std'],
    sound: true,
    camera: {},
    promptMax: RUNWAY_PROMPT_MAX,
    ratios: { '16:9': '1280:720', '9:16': '720:1280' },
    path: RUNWAY_PATHS.textToVideo,
  },
];

export function findRunwayModel(model: string): RunwayModel | undefined {
  return RUNWAY_MODELS.find((m) => m.model === model);
}
