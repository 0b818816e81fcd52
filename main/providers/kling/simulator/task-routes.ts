// The task endpoints: POST <path> creates, GET <path>/{task_id} queries, GET <path> lists.
//
// Query by external_task_id: providers.md marks the exact URL form (?). The simulator serves
// `GET <create-path>?external_task_id=<id>`, answering `data` as the single task (404/1203 if
// there is none), and keeps `GET <create-path>/{id}` for task ids ONLY — an external id there
// is a 404, so an adapter cannot come to rely on the two being interchangeable.
import { KlingError, envelope, type Envelope } from './wire.js';
import * as p from './params.js';
import { paging } from './account.js';
import { POLICY_FAIL_MSG, type TaskRunner } from '../../simulator/lifecycle.js';
import { taskJson } from './task-json.js';
import { planExtend, planImage2Video, planMultiImage, planOmni, planText2Video, type PlanContext, type TaskPlan } from './requests-video.js';
import { planLipSync } from './requests-lipsync.js';
import { checkMotionBrushBody } from './mask-check.js';
import type { FaultRule } from '../../simulator/faults.js';
import type { SimTask, SimulatorState } from '../../simulator/state.js';

export const TASK_ENDPOINTS = ['text2video', 'image2video', 'video-extend', 'omni-video', 'multi-image2video', 'advanced-lip-sync'] as const;
export type TaskEndpoint = (typeof TASK_ENDPOINTS)[number];

export const TASK_PATHS: Record<TaskEndpoint, string> = {
  text2video: '/v1/videos/text2video',
  image2video: '/v1/videos/image2video',
  'video-extend': '/v1/videos/video-extend',
  'omni-video': '/v1/videos/omni-video',
  'multi-image2video': '/v1/videos/multi-image2video',
  'advanced-lip-sync': '/v1/videos/advanced-lip-sync',
};

export function taskEndpointOf(pathname: string): { endpoint: TaskEndpoint; id: string | null } | null {
  for (const [endpoint, base] of Object.entries(TASK_PATHS) as [TaskEndpoint, string][]) {
    if (pathname === base) return { endpoint, id: null };
    if (pathname.startsWith(`${base}/`)) {
      const id = decodeURIComponent(pathname.slice(base.length + 1));
      if (id && !id.includes('/')) return { endpoint, id };
    }
  }
  return null;
}

function plan(endpoint: TaskEndpoint, body: p.Body, state: SimulatorState, ctx: PlanContext): TaskPlan {
  switch (endpoint) {
    case 'text2video':
      return planText2Video(body);
    case 'image2video':
      return planImage2Video(body);
    case 'video-extend':
      return planExtend(body, ctx);
    case 'omni-video':
      return planOmni(body, ctx);
    case 'multi-image2video':
      return planMultiImage(body);
    case 'advanced-lip-sync':
      return planLipSync(body, state);
  }
}

export async function createTask(
  endpoint: TaskEndpoint,
  body: p.Body,
  fault: FaultRule | null,
  deps: { state: SimulatorState; runner: TaskRunner; ctx: PlanContext; ffmpeg: string },
): Promise<Envelope> {
  const { state, runner } = deps;
  const ext = p.externalTaskId(body) ?? null;
  if (ext && state.byExternal.has(ext)) {
    // The real service refuses a non-unique external_task_id: a resubmission never makes a second task.
    throw new KlingError(400, 1201, `external_task_id: "${ext}" is already used by task ${state.byExternal.get(ext)}; it must be unique`);
  }
  const planned = plan(endpoint, body, state, deps.ctx);
  if (planned.render.motion?.length) await checkMotionBrushBody(deps.ffmpeg, body, planned.render);
  const callbackUrl = p.callbackUrl(body) ?? null;
  const watermark = p.watermark(body);
  if (state.inFlight('kling') >= state.timing.concurrency) {
    throw new KlingError(429, 1303, `Parallel tasks exceed the resource pack limit (${state.timing.concurrency} at once)`);
  }
  if (state.balance - state.reserved() < planned.units) {
    throw new KlingError(429, 1102, `Resource pack exhausted: this task needs ${planned.units} units, ${Math.max(0, state.balance - state.reserved())} are left`);
  }
  const now = Date.now();
  const task: SimTask = {
    taskId: state.newTaskId(),
    provider: 'kling',
    endpoint,
    model: planned.model,
    externalTaskId: ext,
    status: 'submitted',
    statusMsg: '',
    createdAt: now,
    updatedAt: now,
    units: planned.units,
    charged: null,
    watermark,
    callbackUrl,
    parentVideo: planned.parentVideo ?? null,
    render: planned.render,
    failWith: fault?.fault === 'policy_fail' ? POLICY_FAIL_MSG : null,
    video: null,
    meta: {},
  };
  runner.add(task);
  const json = taskJson(task);
  return envelope(0, 'SUCCEED', {
    task_id: json.task_id,
    task_status: json.task_status,
    task_info: json.task_info,
    created_at: json.created_at,
    updated_at: json.updated_at,
  });
}

function notFound(what: string): KlingError {
  return new KlingError(404, 1203, `${what} does not exist`);
}

export function queryTask(endpoint: TaskEndpoint, id: string, state: SimulatorState): Envelope {
  const t = state.tasks.get(id);
  if (!t || t.provider !== 'kling' || t.endpoint !== endpoint) throw notFound(`task ${id}`);
  return envelope(0, 'SUCCEED', taskJson(t));
}

export function listTasks(endpoint: TaskEndpoint, query: URLSearchParams, state: SimulatorState): Envelope {
  const ext = query.get('external_task_id');
  if (ext !== null) {
    const id = state.byExternal.get(ext);
    const t = id ? state.tasks.get(id) : undefined;
    if (!t || t.provider !== 'kling' || t.endpoint !== endpoint) throw notFound(`task with external_task_id ${ext}`);
    return envelope(0, 'SUCCEED', taskJson(t));
  }
  const { pageNum, pageSize } = paging(query);
  // Newest first; tasks created in the same millisecond keep their creation order reversed.
  const all = [...state.tasks.values()].filter((t) => t.provider === 'kling' && t.endpoint === endpoint).reverse();
  all.sort((a, b) => b.createdAt - a.createdAt);
  return envelope(0, 'SUCCEED', all.slice((pageNum - 1) * pageSize, pageNum * pageSize).map(taskJson));
}
