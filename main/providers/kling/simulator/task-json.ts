// A Kling task as its query endpoint (and its callbacks) show it.
import { unitsString } from './models.js';
import type { SimTask } from '../../simulator/state.js';

/** A task as Kling's query endpoint returns it. */
export function taskJson(t: SimTask) {
  const done = t.status === 'succeed' || t.status === 'failed';
  const v = t.video;
  return {
    task_id: t.taskId,
    task_status: t.status,
    task_status_msg: t.statusMsg,
    task_info: {
      external_task_id: t.externalTaskId ?? '',
      ...(t.parentVideo ? { parent_video: { id: t.parentVideo.id, url: t.parentVideo.url, duration: String(t.parentVideo.durationS) } } : {}),
    },
    ...(done ? { final_unit_deduction: unitsString(t.charged ?? 0) } : {}),
    watermark_info: t.watermark,
    task_result: {
      videos: v
        ? [{ id: v.id, url: v.url, duration: String(v.durationS), ...(t.watermark.enabled ? { watermark_url: `${v.url}?watermark=1` } : {}) }]
        : [],
    },
    created_at: t.createdAt,
    updated_at: t.updatedAt,
  };
}
