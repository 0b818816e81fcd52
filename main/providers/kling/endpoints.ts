// Which Kling endpoint a task lives on. Creating, querying (GET <path>/{id}) and listing
// (GET <path>?…) all use the same path, so the engine needs it again long after creation:
// it is derived from the task alone, never remembered.
import type { ResolvedTask } from '../types.js';
import { isO1 } from './capabilities.js';
import { inputsWithRole } from './inputs.js';

export const KLING_PATHS = {
  text2video: '/v1/videos/text2video',
  image2video: '/v1/videos/image2video',
  omniVideo: '/v1/videos/omni-video',
  multiImage2video: '/v1/videos/multi-image2video',
  videoExtend: '/v1/videos/video-extend',
  identifyFace: '/v1/videos/identify-face',
  advancedLipSync: '/v1/videos/advanced-lip-sync',
  accountCosts: '/account/costs',
} as const;

export function createPath(task: ResolvedTask): string {
  const { spec } = task;
  switch (spec.taskType) {
    case 'text_to_video':
      return isO1(spec.model) ? KLING_PATHS.omniVideo : KLING_PATHS.text2video;
    case 'image_to_video':
      return isO1(spec.model) ? KLING_PATHS.omniVideo : KLING_PATHS.image2video;
    case 'motion_brush':
      return KLING_PATHS.image2video;
    case 'camera_control':
      // A first frame turns a camera move into image2video; without one it is text2video.
      return inputsWithRole(task, 'first_frame').length > 0 ? KLING_PATHS.image2video : KLING_PATHS.text2video;
    case 'extend':
      return KLING_PATHS.videoExtend;
    case 'restyle':
    case 'inpaint':
    case 'outpaint':
      return KLING_PATHS.omniVideo;
    case 'multi_reference':
      return isO1(spec.model) ? KLING_PATHS.omniVideo : KLING_PATHS.multiImage2video;
    case 'lip_sync':
      return KLING_PATHS.advancedLipSync;
  }
}

export function queryPath(task: ResolvedTask, providerTaskId: string): string {
  return `${createPath(task)}/${encodeURIComponent(providerTaskId)}`;
}

/**
 * Finding a task by our idempotency key. providers.md says query-by-external_task_id is
 * documented but marks its exact URL form (?). We use `GET <create-path>?external_task_id=<key>`
 * and parseFind accepts either a single task in `data` or a list (`data` array) scanned for
 * task_info.external_task_id === key, so both a filtering and a listing server are understood.
 * The simulator (main/providers/simulator) serves this same form.
 */
export function findPath(task: ResolvedTask, idempotencyKey: string): string {
  return `${createPath(task)}?external_task_id=${encodeURIComponent(idempotencyKey)}`;
}
