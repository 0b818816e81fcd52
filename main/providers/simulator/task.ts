// Building a task for the shared lifecycle, for provider modules other than Kling (whose tasks
// carry Kling-only fields such as the watermark and external_task_id).
import type { FaultRule } from './faults.js';
import { POLICY_FAIL_MSG } from './lifecycle.js';
import type { RenderSpec } from './render-spec.js';
import type { SimTask, SimVideo } from './state.js';

export interface NewTask {
  taskId: string;
  provider: string;
  endpoint: string;
  model: string;
  units: number;
  render: RenderSpec;
  parentVideo?: SimVideo | null;
  callbackUrl?: string | null;
  meta?: Record<string, unknown>;
}

/** A submitted task; the policy_fail fault makes it end failed for content safety. */
export function newTask(t: NewTask, fault: FaultRule | null): SimTask {
  const now = Date.now();
  return {
    taskId: t.taskId,
    provider: t.provider,
    endpoint: t.endpoint,
    model: t.model,
    externalTaskId: null,
    status: 'submitted',
    statusMsg: '',
    createdAt: now,
    updatedAt: now,
    units: t.units,
    charged: null,
    watermark: { enabled: false },
    callbackUrl: t.callbackUrl ?? null,
    parentVideo: t.parentVideo ?? null,
    render: t.render,
    failWith: fault?.fault === 'policy_fail' ? POLICY_FAIL_MSG : null,
    video: null,
    meta: t.meta ?? {},
  };
}

/** A task of this provider by id, or null. */
export function taskOf(tasks: Map<string, SimTask>, provider: string, id: string): SimTask | null {
  const t = tasks.get(id);
  return t && t.provider === provider ? t : null;
}
