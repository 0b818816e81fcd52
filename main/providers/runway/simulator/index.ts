// Runway's simulated API (providers.md): Bearer key plus X-Runway-Version; POST
// /v1/{image_to_video,text_to_video,video_to_video} → {id}; GET /v1/tasks/{id} with PENDING |
// THROTTLED | RUNNING | SUCCEEDED | FAILED | CANCELLED; DELETE cancels; GET /v1/organization
// reports creditBalance. Over the organization's concurrency a task is not refused: it waits
// THROTTLED until a slot frees, as Runway does. Errors are `{error}` with an HTTP status.
import { randomUUID } from 'node:crypto';
import type { SimAnswer, SimContext, SimProvider, SimRequest, SimRoutes } from '../../simulator/provider.js';
import type { ErrorFault, FaultRule } from '../../simulator/faults.js';
import { FRAME_SIZES, type RenderSpec } from '../../simulator/render-spec.js';
import { newTask, taskOf } from '../../simulator/task.js';
import { progressOf } from '../../simulator/lifecycle.js';
import type { SimTask } from '../../simulator/state.js';
import { decodeDataUri } from '../../simulator/data-uri.js';
import { estimateRunwayCredits } from '../../../../shared/pricing/runway.js';
import { findRunwayModel, RUNWAY_PATHS, RUNWAY_PROMPT_MAX } from '../capabilities.js';
import { RUNWAY_API_VERSION } from '../index.js';

export class RunwaySimError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const FAULTS: Record<ErrorFault, () => RunwaySimError> = {
  rate_limit: () => new RunwaySimError(429, 'You have exceeded the rate limit. Please slow down your requests.'),
  concurrency: () => new RunwaySimError(429, 'You have reached the maximum number of concurrent generations.'),
  insufficient_credits: () => new RunwaySimError(400, 'You do not have enough credits to run this task.'),
  pack_exhausted: () => new RunwaySimError(400, 'You do not have enough credits to run this task.'),
  arrears: () => new RunwaySimError(400, 'Your organization has an unpaid balance: not enough credits to run this task.'),
  account_abnormal: () => new RunwaySimError(403, 'Your organization has been suspended.'),
  ip_not_allowed: () => new RunwaySimError(403, 'Requests from this IP address are not allowed for this API key.'),
  server_error: () => new RunwaySimError(500, 'An unexpected error occurred.'),
  unavailable: () => new RunwaySimError(503, 'The service is temporarily unavailable.'),
  backlog_timeout: () => new RunwaySimError(504, 'The request timed out.'),
  policy_reject: () => new RunwaySimError(400, 'Your prompt was flagged by content moderation (SAFETY.INPUT.TEXT).'),
};

const CREATE_PATHS: Record<string, string> = {
  [RUNWAY_PATHS.imageToVideo]: 'image_to_video',
  [RUNWAY_PATHS.textToVideo]: 'text_to_video',
  [RUNWAY_PATHS.videoToVideo]: 'video_to_video',
};
const TASK_RE = /^\/v1\/tasks\/([^/]+)$/;
const POLL_ADMIT_MS = 20;

const bad = (what: string) => new RunwaySimError(400, what);

function routes(ctx: SimContext): SimRoutes {
  const { state } = ctx;
  /** Tasks held THROTTLED until the organization has a free slot. */
  const throttled = new Map<string, SimTask>();
  const timers = new Set<NodeJS.Timeout>();

  function admitLater(task: SimTask): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (task.meta.cancelled) return void throttled.delete(task.taskId);
      const refused = state.admit('runway', task.units);
      if (refused?.refused === 'concurrency') return admitLater(task);
      throttled.delete(task.taskId);
      if (refused) {
        task.status = 'failed';
        task.statusMsg = refused.message;
        state.tasks.set(task.taskId, task);
        return;
      }
      ctx.runner.add(task);
    }, POLL_ADMIT_MS);
    timers.add(timer);
  }

  function create(endpoint: string, body: Record<string, unknown>, fault: FaultRule | null): SimAnswer {
    const model = typeof body.model === 'string' ? findRunwayModel(body.model) : undefined;
    if (!model) throw bad(`model: "${String(body.model)}" is not a Runway model`);
    if (CREATE_PATHS[model.path] !== endpoint) throw bad(`model: ${model.model} is not available on /v1/${endpoint}`);
    const prompt = body.promptText;
    if (prompt !== undefined && (typeof prompt !== 'string' || prompt.length > RUNWAY_PROMPT_MAX)) throw bad(`promptText: must be a string of at most ${RUNWAY_PROMPT_MAX} characters`);
    const aspect = Object.entries(model.ratios).find(([, r]) => r === body.ratio)?.[0];
    if (!aspect) throw bad(`ratio: must be one of ${Object.values(model.ratios).join(', ')}`);
    const render: RenderSpec = { label: `runway · ${model.model}`, prompt: typeof prompt === 'string' ? prompt : '', ...FRAME_SIZES[aspect]!, durationS: 5, sound: body.audio === true };
    if (endpoint !== 'video_to_video') {
      if (!model.durationsS.includes(Number(body.duration))) throw bad(`duration: must be one of ${model.durationsS.join(', ')}`);
      render.durationS = Number(body.duration);
    }
    if (endpoint === 'image_to_video') {
      const img = decodeDataUri(body.promptImage, 'image');
      if (typeof img === 'string') throw bad(`promptImage: ${img}`);
      render.background = img.ref;
    }
    if (endpoint === 'text_to_video' && !render.prompt.trim()) throw bad('promptText: is required');
    if (endpoint === 'video_to_video') {
      const video = decodeDataUri(body.videoUri, 'video');
      if (typeof video === 'string') throw bad(`videoUri: ${video}`);
      render.source = { ref: video.ref, edit: 'restyle' };
      const refs = body.references;
      if (refs !== undefined) {
        if (!Array.isArray(refs)) throw bad('references: must be an array');
        render.tiles = refs.map((r, i) => {
          const img = decodeDataUri((r as { uri?: unknown } | null)?.uri, 'image');
          if (typeof img === 'string') throw bad(`references[${i}].uri: ${img}`);
          return img.ref;
        });
      }
    }
    const units = estimateRunwayCredits({ model: model.model, durationS: render.durationS, sound: render.sound });
    const task = newTask({ taskId: randomUUID(), provider: 'runway', endpoint, model: model.model, units, render, meta: { createdAt: new Date().toISOString() } }, fault);
    const refused = state.admit('runway', units);
    if (refused?.refused === 'credits') throw FAULTS.insufficient_credits();
    if (refused?.refused === 'concurrency') {
      task.meta.throttled = true;
      throttled.set(task.taskId, task);
      admitLater(task);
    } else {
      ctx.runner.add(task);
    }
    return { status: 200, body: { id: task.taskId } };
  }

  function taskJson(t: SimTask): Record<string, unknown> {
    const out: Record<string, unknown> = { id: t.taskId, createdAt: t.meta.createdAt };
    if (t.meta.cancelled) return { ...out, status: 'CANCELLED' };
    if (throttled.has(t.taskId)) return { ...out, status: 'THROTTLED' };
    switch (t.status) {
      case 'submitted':
        return { ...out, status: 'PENDING' };
      case 'processing':
        return { ...out, status: 'RUNNING', progress: progressOf(t, state) };
      case 'succeed':
        return { ...out, status: 'SUCCEEDED', output: t.video ? [t.video.url] : [] };
      case 'failed':
        return t.failWith
          ? { ...out, status: 'FAILED', failure: 'The prompt or an input was flagged by content moderation.', failureCode: 'SAFETY.INPUT.TEXT' }
          : { ...out, status: 'FAILED', failure: t.statusMsg || 'An internal error occurred while generating.', failureCode: 'INTERNAL.BAD_OUTPUT.CODE01' };
    }
  }

  const find = (id: string) => throttled.get(id) ?? taskOf(state.tasks, 'runway', id);

  return {
    createOf: (req) => (req.method === 'POST' && CREATE_PATHS[req.path] ? { endpoint: CREATE_PATHS[req.path]!, idempotencyKey: null } : null),
    isDownload: () => false,
    authenticate(req: SimRequest) {
      const auth = req.raw.headers.authorization;
      if (auth !== `Bearer ${ctx.apiKey}`) throw new RunwaySimError(401, 'Invalid API key: pass it as Authorization: Bearer <key>.');
      if (req.raw.headers['x-runway-version'] !== RUNWAY_API_VERSION) throw bad(`X-Runway-Version header: must be ${RUNWAY_API_VERSION}`);
    },
    async handle(req, _res, fault) {
      if (req.bodyError) throw bad(`body: ${req.bodyError}`);
      const endpoint = CREATE_PATHS[req.path];
      if (endpoint && req.method === 'POST') return create(endpoint, req.body ?? {}, fault);
      const m = TASK_RE.exec(req.path);
      if (m) {
        const t = find(decodeURIComponent(m[1]!));
        if (!t) throw new RunwaySimError(404, 'Task not found.');
        if (req.method === 'GET') return { status: 200, body: taskJson(t) };
        if (req.method === 'DELETE') {
          t.meta.cancelled = true;
          // Runway answers 204; the simulator's JSON sender needs a body, so an empty object.
          return { status: 200, body: {} };
        }
      }
      if (req.path === RUNWAY_PATHS.organization && req.method === 'GET') {
        const concurrency = state.timing.concurrency === Number.MAX_SAFE_INTEGER ? 5 : state.timing.concurrency;
        return {
          status: 200,
          body: {
            creditBalance: Math.max(0, state.balance - state.reserved()),
            tier: { maxMonthlyCreditSpend: 100_000, models: Object.fromEntries(['gen4_turbo', 'gen4_aleph', 'veo3.1_fast'].map((id) => [id, { maxConcurrentGenerations: concurrency, maxDailyGenerations: 500 }])) },
            usage: { models: {} },
          },
        };
      }
      throw new RunwaySimError(404, `${req.method} ${req.path} is not a Runway API route.`);
    },
    errorAnswer: (err) => (err instanceof RunwaySimError ? { status: err.status, body: { error: err.message } } : null),
    faultAnswer: (fault) => {
      const e = FAULTS[fault]();
      return { status: e.status, body: { error: e.message } };
    },
    outcome(answer) {
      const id = (answer.body as { id?: unknown } | null)?.id;
      return answer.status === 200 && typeof id === 'string' ? { taskId: id, code: 0 } : { taskId: null, code: answer.status };
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

export const runwaySimulator: SimProvider = {
  id: 'runway',
  basePath: '/runway',
  // Runway's output links expire after 24–48 h.
  resultTtlMs: 24 * 3_600_000,
  routes,
};
