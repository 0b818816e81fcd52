// What each Kling model accepts. The form disables what a model lacks and validate.ts refuses
// it before anything is sent, so a user never pays a round trip to learn "not supported".
//
// Sources: providers.md's model list plus Kling's published capability map as far as public
// copies show it. Where the fact sheet is silent we chose conservatively (noted per entry);
// the provider remains the final judge and answers 1200/1201 if we are too generous.
import type { ModelCapabilities } from '../types.js';
import type { TaskType } from '../../../shared/domain.js';
import type { CameraType } from '../../../shared/generation.js';

export const PROMPT_MAX = 2500;
export const NEGATIVE_PROMPT_MAX = 2500;

export const O1_MODEL = 'kling-video-o1';

const ALL_CAMERA: readonly CameraType[] = ['simple', 'down_back', 'forward_up', 'right_turn_forward', 'left_turn_forward'];
const ALL_ASPECTS = ['16:9', '9:16', '1:1'] as const;
const BOTH_MODES = ['std', 'pro'] as const;
/** Classic models render 5 or 10 s; O1 takes "3"–"10". */
const CLASSIC_DURATIONS = [5, 10] as const;
const O1_DURATIONS = [3, 4, 5, 6, 7, 8, 9, 10] as const;

/**
 * Camera control is "supported only on some model/mode/duration combinations" (providers.md).
 * Our table, shared with the simulator (main/providers/kling/simulator/models.ts): kling-v1 and
 * kling-v1-6, std or pro, 5-second clips only; per-mode lists let a stricter real map slot in.
 */
export const CAMERA_DURATIONS_S: readonly number[] = [5];

export interface KlingModel extends ModelCapabilities {
  taskTypes: readonly TaskType[];
  /** cfg_scale is not accepted by v2.x models (nor by O1). */
  cfgScale: boolean;
}

// Lip sync and extend have no model_name on the wire; listing them on a model only says which
// choices the form offers for those task types.
const LIP_SYNC: TaskType = 'lip_sync';

/** The 2.x models before 2.6: text or first frame to video, and lip sync; no camera, no cfg_scale. */
function classicV2(model: string, label: string): KlingModel {
  return {
    model, label, taskTypes: ['text_to_video', 'image_to_video', LIP_SYNC], durationsS: CLASSIC_DURATIONS,
    aspectRatios: ALL_ASPECTS, modes: BOTH_MODES, sound: false, camera: {}, promptMax: PROMPT_MAX, cfgScale: false,
  };
}

export const KLING_MODELS: readonly KlingModel[] = [
  {
    model: 'kling-v1',
    label: 'Kling 1.0',
    taskTypes: ['text_to_video', 'image_to_video', 'motion_brush', 'camera_control', 'extend', LIP_SYNC],
    durationsS: CLASSIC_DURATIONS,
    aspectRatios: ALL_ASPECTS,
    modes: BOTH_MODES,
    sound: false,
    camera: { std: ALL_CAMERA, pro: ALL_CAMERA },
    durationsByTask: { camera_control: CAMERA_DURATIONS_S },
    promptMax: PROMPT_MAX,
    cfgScale: true,
  },
  {
    model: 'kling-v1-6',
    label: 'Kling 1.6',
    taskTypes: ['text_to_video', 'image_to_video', 'multi_reference', 'motion_brush', 'camera_control', 'extend', LIP_SYNC],
    durationsS: CLASSIC_DURATIONS,
    aspectRatios: ALL_ASPECTS,
    modes: BOTH_MODES,
    sound: false,
    camera: { std: ALL_CAMERA, pro: ALL_CAMERA },
    durationsByTask: { camera_control: CAMERA_DURATIONS_S },
    promptMax: PROMPT_MAX,
    cfgScale: true,
  },
  classicV2('kling-v2-master', 'Kling 2.0 Master'),
  classicV2('kling-v2-1-master', 'Kling 2.1 Master'),
  classicV2('kling-v2-5-turbo', 'Kling 2.5 Turbo'),
  {
    model: 'kling-v2-6',
    label: 'Kling 2.6',
    taskTypes: ['text_to_video', 'image_to_video', LIP_SYNC],
    durationsS: CLASSIC_DURATIONS,
    aspectRatios: ALL_ASPECTS,
    modes: BOTH_MODES,
    // Native audio ("sound": on|off) arrived with v2.6.
    sound: true,
    camera: {},
    promptMax: PROMPT_MAX,
    cfgScale: false,
  },
  {
    model: O1_MODEL,
    label: 'Kling O1 (unified)',
    taskTypes: ['text_to_video', 'image_to_video', 'multi_reference', 'restyle', 'inpaint', 'outpaint'],
    durationsS: O1_DURATIONS,
    aspectRatios: ALL_ASPECTS,
    modes: BOTH_MODES,
    sound: false,
    // O1 takes camera moves as prompt language, not camera_control.
    camera: {},
    promptMax: PROMPT_MAX,
    cfgScale: false,
  },
];

export function findModel(model: string): KlingModel | undefined {
  return KLING_MODELS.find((m) => m.model === model);
}

/** O1 routes every task through /v1/videos/omni-video. */
export function isO1(model: string): boolean {
  return model === O1_MODEL;
}
