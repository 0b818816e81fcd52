// fal's queue API for Pika, simulated (providers.md): `Authorization: Key <key>`; POST
// /fal-ai/pika/v2.x/<task> → {request_id, status_url, response_url, cancel_url, queue_position};
// GET …/requests/{id}/status → IN_QUEUE | IN_PROGRESS | COMPLETED (with `error` when it failed);
// GET …/requests/{id} → {video: {url,…}}; PUT …/requests/{id}/cancel. Errors are `{detail}`.
import { randomUUID } from 'node:crypto';
import type { SimAnswer, SimContext, SimProvider, SimRequest, SimRoutes } from '../../simulator/provider.js';
import type { ErrorFault, FaultRule } from '../../simulator/faults.js';
import { FRAME_SIZES, type RenderSpec } from '../../simulator/render-spec.js';
import { newTask, taskOf } from '../../simulator/task.js';
import type { SimTask } from '../../simulator/state.js';
import { decodeDataUri } from '../../simulator/data-uri.js';
import { estimatePikaCredits } from '../../../../shared/pricing/pika.js';
import { FAL_APP, PIKA_MODELS, PIKA_PROMPT_MAX, requestPath } from '../capabilities.js';

export class FalSimError extends Error {
  constructor(readonly status: number, readonly detail: unknown) {
    super(typeof detail === 'string' ? detail : JSON.stringify(detail));
  }
}

const invalid = (field: string, msg: string, type = 'value_error') => new FalSimError(422, [{ loc: ['body', field], msg, type }]);

const FAULTS: Record<ErrorFault, () => FalSimError> = {
  rate_limit: () => new FalSimError(429, 'Rate limit exceeded. Please slow down.'),
  concurrency: () => new FalSimError(429, 'Too many concurrent requests for this user.'),
  insufficient_credits: () => new FalSimError(403, 'User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.'),
  pack_exhausted: () => new FalSimError(403, 'User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.'),
  arrears: () => new FalSimError(403, 'User is locked. Reason: Unpaid invoices (billing).'),
  account_abnormal: () => new FalSimError(403, 'User is locked. Reason: Account suspended.'),
  ip_not_allowed: () => new FalSimError(403, 'Access denied for this IP address.'),
  server_error: () => new FalSimError(500, 'Internal server error'),
  unavailable: () => new FalSimError(503, 'Service temporarily unavailable'),
  backlog_timeout: () => new FalSimError(504, 'Gateway timeout'),
  policy_reject: () => invalid('prompt', 'The prompt was flagged by the content checker.', 'content_policy_violation'),
};

/** Endpoint path (below the base URL) → model and task type. */
const ENDPOINTS = new Map<string, { model: (typeof PIKA_MODELS)[number]; task: string }>(PIKA_MODELS.flatMap((m) => Object.entries(m.endpoints).map(([task, ep]) => [`/${ep}`, { model: m, task }] as const)));
const REQUEST_RE = new RegExp(`^/${FAL_APP}/requests/([^/]+)(/status|/cancel)?$`);

function routes(ctx: SimContext): SimRoutes {
  const { state } = ctx;
  const url = (id: string, suffix: '' | '/status' | '/cancel') => `${ctx.baseUrl()}${requestPath(id, suffix)}`;

  function submit(path: string, body: Record<string, unknown>, fault: FaultRule | null): SimAnswer {
    const { model, task } = ENDPOINTS.get(path)!;
    const prompt = body.prompt;
    if (typeof prompt !== 'string' || !prompt.trim()) throw invalid('prompt', 'field required');
    if (prompt.length > PIKA_PROMPT_MAX) throw invalid('prompt', `ensure this value has at most ${PIKA_PROMPT_MAX} characters`);
    const duration = body.duration === undefined ? 5 : Number(body.duration);
    if (!model.durationsS.includes(duration)) throw invalid('duration', `unexpected value; permitted: ${model.durationsS.join(', ')}`);
    const resolution = body.resolution === undefined ? '720p' : String(body.resolution);
    if (!model.resolutions.includes(resolution)) throw invalid('resolution', `unexpected value; permitted: ${model.resolutions.join(', ')}`);
    const aspect = body.aspect_ratio === undefined ? '16:9' : String(body.aspect_ratio);
    if (!FRAME_SIZES[aspect] || !model.aspectRatios.includes(aspect)) throw invalid('aspect_ratio', `unexpected value; permitted: ${model.aspectRatios.join(', ')}`);
    const render: RenderSpec = { label: `pika · ${model.model} · ${resolution}`, prompt, ...FRAME_SIZES[aspect]!, durationS: duration, sound: false };
    if (task === 'image_to_video') {
      const img = decodeDataUri(body.image_url, 'image');
      if (typeof img === 'string') throw invalid('image_url', img);
      render.background = img.ref;
    }
    if (task === 'multi_reference') {
      const images = body.images;
      if (!Array.isArray(images) || images.length < 1 || images.length > 6) throw invalid('images', 'between 1 and 6 images');
      render.tiles = images.map((i, n) => {
        const img = decodeDataUri((i as { image_url?: unknown } | null)?.image_url, 'image');
        if (typeof img === 'string') throw invalid(`images.${n}.image_url`, img);
        return img.ref;
      });
    }
    const units = estimatePikaCredits({ model: model.model, durationS: duration, resolution });
    const refused = state.admit('pika', units);
    if (refused) throw refused.refused === 'credits' ? FAULTS.insufficient_credits() : FAULTS.concurrency();
    const id = randomUUID();
    const t = newTask({ taskId: id, provider: 'pika', endpoint: path.slice(1), model: model.model, units, render }, fault);
    ctx.runner.add(t);
    const position = [...state.tasks.values()].filter((x) => x.provider === 'pika' && x.status === 'submitted').length - 1;
    return { status: 200, body: { request_id: id, status_url: url(id, '/status'), response_url: url(id, ''), cancel_url: url(id, '/cancel'), queue_position: Math.max(0, position) } };
  }

  function status(t: SimTask): SimAnswer {
    if (t.meta.cancelled && t.status !== 'succeed') return { status: 200, body: { status: 'COMPLETED', request_id: t.taskId, response_url: url(t.taskId, ''), error: 'Request was cancelled', error_type: 'cancelled' } };
    switch (t.status) {
      case 'submitted':
        return { status: 202, body: { status: 'IN_QUEUE', request_id: t.taskId, queue_position: 0, response_url: url(t.taskId, '') } };
      case 'processing':
        return { status: 202, body: { status: 'IN_PROGRESS', request_id: t.taskId, response_url: url(t.taskId, ''), logs: [] } };
      case 'succeed':
        return { status: 200, body: { status: 'COMPLETED', request_id: t.taskId, response_url: url(t.taskId, ''), logs: [] } };
      case 'failed':
        return {
          status: 200,
          body: t.failWith
            ? { status: 'COMPLETED', request_id: t.taskId, response_url: url(t.taskId, ''), error: 'The generated video was flagged by the content checker.', error_type: 'content_policy_violation' }
            : { status: 'COMPLETED', request_id: t.taskId, response_url: url(t.taskId, ''), error: t.statusMsg || 'Internal error while generating.', error_type: 'internal_error' },
        };
    }
  }

  function result(t: SimTask): SimAnswer {
    if (t.status === 'submitted' || t.status === 'processing') throw new FalSimError(400, 'Request is still in progress');
    if (t.status === 'failed') throw t.failWith ? invalid('prompt', 'The generated video was flagged by the content checker.', 'content_policy_violation') : new FalSimError(500, t.statusMsg || 'Internal error');
    const video = t.video ? ctx.liveVideo(t.video.id) : null;
    if (!video) throw new FalSimError(404, 'Request result is no longer available');
    return { status: 200, body: { video: { url: video.url, content_type: 'video/mp4', file_name: `${t.taskId}.mp4`, file_size: null } } };
  }

  return {
    createOf: (req) => (req.method === 'POST' && ENDPOINTS.has(req.path) ? { endpoint: req.path.slice(1), idempotencyKey: null } : null),
    isDownload: () => false,
    authenticate(req: SimRequest) {
      if (req.raw.headers.authorization !== `Key ${ctx.apiKey}`) throw new FalSimError(401, 'Invalid authentication: pass Authorization: Key <fal key>.');
    },
    async handle(req, _res, fault) {
      if (req.bodyError) throw new FalSimError(400, `Invalid JSON body: ${req.bodyError}`);
      if (req.method === 'POST' && ENDPOINTS.has(req.path)) return submit(req.path, req.body ?? {}, fault);
      const m = REQUEST_RE.exec(req.path);
      if (m) {
        const t = taskOf(state.tasks, 'pika', decodeURIComponent(m[1]!));
        if (!t) throw new FalSimError(404, 'Request not found');
        if (m[2] === '/status' && req.method === 'GET') return status(t);
        if (m[2] === undefined && req.method === 'GET') return result(t);
        if (m[2] === '/cancel' && req.method === 'PUT') {
          if (t.status === 'succeed' || t.status === 'failed') return { status: 400, body: { status: 'ALREADY_COMPLETED' } };
          t.meta.cancelled = true;
          return { status: 202, body: { status: 'CANCELLATION_REQUESTED' } };
        }
      }
      throw new FalSimError(404, `${req.method} ${req.path} not found`);
    },
    errorAnswer: (err) => (err instanceof FalSimError ? { status: err.status, body: { detail: err.detail } } : null),
    faultAnswer: (fault) => {
      const e = FAULTS[fault]();
      return { status: e.status, body: { detail: e.detail } };
    },
    outcome(answer) {
      const id = (answer.body as { request_id?: unknown } | null)?.request_id;
      return answer.status === 200 && typeof id === 'string' ? { taskId: id, code: 0 } : { taskId: null, code: answer.status };
    },
  };
}

export const pikaSimulator: SimProvider = {
  id: 'pika',
  basePath: '/fal',
  // fal keeps request results (and their media links) for days; a day is plenty for the demo.
  resultTtlMs: 24 * 3_600_000,
  routes,
};
