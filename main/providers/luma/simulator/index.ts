// Luma Dream Machine's simulated API (providers.md): POST /generations, GET /generations/{id}
// (state queued → dreaming → completed | failed, `assets.video`), GET /generations (list, newest
// first, each generation echoing its `request` with its `callback_url`), GET /credits; a
// generation with a callback_url is POSTed there on each change (the Generation object). Errors are `{detail}` with the HTTP status. Mounted at /luma/dream-machine/v1,
// so an adapter's base URL keeps Luma's own path.
import { randomUUID } from 'node:crypto';
import type { SimAnswer, SimContext, SimProvider, SimRequest, SimRoutes } from '../../simulator/provider.js';
import type { ErrorFault, FaultRule } from '../../simulator/faults.js';
import { FRAME_SIZES, type RenderSpec } from '../../simulator/render-spec.js';
import { newTask, taskOf } from '../../simulator/task.js';
import type { SimTask } from '../../simulator/state.js';
import { estimateLumaCredits } from '../../../../shared/pricing/luma.js';
import { LUMA_ASPECTS, LUMA_DURATIONS, LUMA_MODELS, LUMA_PROMPT_MAX, LUMA_RESOLUTIONS } from '../capabilities.js';

export class LumaSimError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
  answer(): SimAnswer {
    return { status: this.status, headers: this.headers, body: { detail: this.message } };
  }
}

const bad = (field: string, problem: string) => new LumaSimError(400, `${field}: ${problem}`);
const FAULTS: Record<ErrorFault, () => LumaSimError> = {
  rate_limit: () => new LumaSimError(429, 'Too many requests: slow down', { 'Retry-After': '1' }),
  concurrency: () => new LumaSimError(429, 'Too many concurrent generations for this account', { 'Retry-After': '1' }),
  insufficient_credits: () => new LumaSimError(400, 'Insufficient credits: top up your account to generate'),
  pack_exhausted: () => new LumaSimError(400, 'Insufficient credits: your plan credits are used up'),
  arrears: () => new LumaSimError(402, 'Payment required'),
  account_abnormal: () => new LumaSimError(403, 'Account suspended'),
  ip_not_allowed: () => new LumaSimError(403, 'Forbidden'),
  server_error: () => new LumaSimError(500, 'Internal server error'),
  unavailable: () => new LumaSimError(503, 'Service unavailable'),
  backlog_timeout: () => new LumaSimError(504, 'Gateway timeout'),
  policy_reject: () => new LumaSimError(400, '400: prompt not allowed because advanced moderation failed'),
};

function generationJson(t: SimTask) {
  const state = t.status === 'submitted' ? 'queued' : t.status === 'processing' ? 'dreaming' : t.status === 'succeed' ? 'completed' : 'failed';
  return {
    id: t.taskId,
    generation_type: 'video',
    state,
    failure_reason: t.status === 'failed' ? (t.failWith ? `400: prompt not allowed because advanced moderation failed (${t.failWith})` : t.statusMsg || 'Generation failed') : null,
    created_at: new Date(t.createdAt).toISOString(),
    assets: { video: t.status === 'succeed' && t.video ? t.video.url : null, image: null },
    model: t.model,
    request: t.meta.request,
  };
}

function routes(ctx: SimContext): SimRoutes {
  const { state } = ctx;
  const ONE = /^\/generations\/([^/]+)$/;
  const generation = (id: string) => {
    const t = taskOf(state.tasks, 'luma', id);
    if (!t) throw new LumaSimError(404, 'Generation not found');
    return t;
  };

  function create(body: Record<string, unknown>, fault: FaultRule | null): SimAnswer {
    const prompt = body.prompt;
    if (typeof prompt !== 'string' || !prompt.trim()) throw bad('prompt', 'is required');
    if (prompt.length > LUMA_PROMPT_MAX) throw bad('prompt', `is longer than ${LUMA_PROMPT_MAX} characters`);
    const model = String(body.model ?? 'ray-2');
    if (!LUMA_MODELS.some((m) => m.model === model)) throw bad('model', `must be one of ${LUMA_MODELS.map((m) => m.model).join(', ')}`);
    const aspect = String(body.aspect_ratio ?? '16:9');
    if (!(LUMA_ASPECTS as readonly string[]).includes(aspect)) throw bad('aspect_ratio', `must be one of ${LUMA_ASPECTS.join(', ')}`);
    const duration = String(body.duration ?? '5s');
    const seconds = Number(duration.replace(/s$/, ''));
    if (!/^\d+s$/.test(duration) || !(LUMA_DURATIONS as readonly number[]).includes(seconds)) throw bad('duration', `must be one of ${LUMA_DURATIONS.map((d) => `"${d}s"`).join(', ')}`);
    const resolution = String(body.resolution ?? '720p');
    if (!(LUMA_RESOLUTIONS as readonly string[]).includes(resolution)) throw bad('resolution', `must be one of ${LUMA_RESOLUTIONS.join(', ')}`);
    const callback = body.callback_url;
    if (callback !== undefined && (typeof callback !== 'string' || !/^https?:\/\/\S+$/.test(callback) || callback.length > 2048)) throw bad('callback_url', 'must be an http(s) URL');
    const render: RenderSpec = { label: `luma · ${model} · ${resolution}`, prompt, ...FRAME_SIZES[aspect]!, durationS: seconds, sound: false };
    let parent = null;
    const keyframes = body.keyframes as Record<string, { type?: unknown; id?: unknown; url?: unknown }> | undefined;
    if (keyframes !== undefined) {
      const frame0 = keyframes?.frame0;
      if (!frame0 || frame0.type !== 'generation' || typeof frame0.id !== 'string') throw bad('keyframes.frame0', 'the simulator extends generations only: {type: "generation", id}');
      const source = generation(frame0.id);
      if (!source.video || !ctx.liveVideo(source.video.id)) throw bad('keyframes.frame0.id', `generation ${frame0.id} is not completed`);
      parent = source.video;
      Object.assign(render, { width: parent.width, height: parent.height, durationS: parent.durationS + seconds });
      render.source = { ref: { kind: 'file', path: parent.file }, edit: 'extend', durationS: parent.durationS };
    }
    const units = estimateLumaCredits({ model, durationS: seconds, resolution });
    const refused = state.admit('luma', units);
    if (refused) throw refused.refused === 'credits' ? FAULTS.insufficient_credits() : FAULTS.concurrency();
    const t = newTask({
      taskId: randomUUID(), provider: 'luma', endpoint: 'generations', model, units, render, parentVideo: parent,
      callbackUrl: typeof callback === 'string' ? callback : null,
      meta: { request: { prompt, model, aspect_ratio: aspect, duration, resolution, ...(keyframes ? { keyframes } : {}), ...(typeof callback === 'string' ? { callback_url: callback } : {}) } },
    }, fault);
    ctx.runner.add(t);
    return { status: 201, body: generationJson(t) };
  }

  return {
    createOf: (req) => (req.method === 'POST' && req.path === '/generations' ? { endpoint: 'generations', idempotencyKey: null } : null),
    isDownload: () => false,
    authenticate(req: SimRequest) {
      const token = /^Bearer\s+(\S+)$/.exec(String(req.raw.headers.authorization ?? ''))?.[1];
      if (token !== ctx.apiKey) throw new LumaSimError(401, token ? 'Invalid API key' : 'Not authenticated');
    },
    async handle(req, _res, fault) {
      if (req.bodyError) throw new LumaSimError(422, req.bodyError);
      if (req.path === '/generations' && req.method === 'POST') return create(req.body ?? {}, fault);
      if (req.path === '/generations' && req.method === 'GET') {
        const limit = Math.min(100, Math.max(1, Number(req.url.searchParams.get('limit') ?? 10) || 10));
        const offset = Math.max(0, Number(req.url.searchParams.get('offset') ?? 0) || 0);
        const all = [...state.tasks.values()].filter((t) => t.provider === 'luma').reverse();
        return { status: 200, body: { has_more: all.length > offset + limit, count: all.length, limit, offset, generations: all.slice(offset, offset + limit).map(generationJson) } };
      }
      if (req.path === '/credits' && req.method === 'GET') return { status: 200, body: { credit_balance: Math.max(0, state.balance - state.reserved()) } };
      const one = ONE.exec(req.path);
      if (one && req.method === 'GET') return { status: 200, body: generationJson(generation(decodeURIComponent(one[1]!))) };
      throw new LumaSimError(404, 'Not Found');
    },
    callbackBody: generationJson,
    errorAnswer: (err) => (err instanceof LumaSimError ? err.answer() : null),
    faultAnswer: (fault) => FAULTS[fault]().answer(),
    outcome(answer) {
      const id = (answer.body as { id?: unknown } | null)?.id;
      return answer.status === 201 && typeof id === 'string' ? { taskId: id, code: 0 } : { taskId: null, code: answer.status };
    },
  };
}

export const lumaSimulator: SimProvider = {
  id: 'luma',
  basePath: '/luma/dream-machine/v1',
  // Luma documents no lifetime for its asset links; the simulator keeps them 7 days.
  resultTtlMs: 7 * 86_400_000,
  routes,
};
