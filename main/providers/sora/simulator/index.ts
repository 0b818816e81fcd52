// Sora 2's simulated OpenAI video API (providers.md): POST /v1/videos (JSON, or multipart with
// an input_reference image that must match `size`), GET /v1/videos/{id}, GET /v1/videos (list),
// GET /v1/videos/{id}/content (the bytes, with the key, for about an hour), POST
// /v1/videos/{id}/remix. Errors are OpenAI's `{error: {message, type, param, code}}`; every
// answer carries x-ratelimit-* headers, and a 429 says when the limit resets. Mounted at /openai.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { SimAnswer, SimContext, SimProvider, SimRequest, SimRoutes } from '../../simulator/provider.js';
import type { ErrorFault, FaultRule } from '../../simulator/faults.js';
import { imageSize } from '../../simulator/image-size.js';
import { isSimFile } from '../../simulator/body.js';
import { progressOf } from '../../simulator/lifecycle.js';
import { FRAME_SIZES, type RenderSpec } from '../../simulator/render-spec.js';
import { newTask, taskOf } from '../../simulator/task.js';
import type { SimTask } from '../../simulator/state.js';
import { sendJson } from '../../simulator/send.js';
import { estimateSoraCredits } from '../../../../shared/pricing/sora.js';
import { SORA_PROMPT_MAX, SORA_SECONDS } from '../capabilities.js';

const SIZES: Record<string, readonly string[]> = {
  'sora-2': ['720x1280', '1280x720'],
  'sora-2-pro': ['720x1280', '1280x720', '1024x1792', '1792x1024'],
};
const LIMIT = 50;
/** The wait a rate-limited client is told (OpenAI's headers say e.g. "6m0s" or "1s"). */
export const SORA_SIM_RESET = '1s';

export class SoraSimError extends Error {
  constructor(readonly status: number, message: string, readonly type: string, readonly code: string | null, readonly param: string | null = null, readonly headers: Record<string, string> = {}) {
    super(message);
  }
  answer(): SimAnswer {
    return { status: this.status, headers: this.headers, body: { error: { message: this.message, type: this.type, param: this.param, code: this.code } } };
  }
}

const bad = (param: string, problem: string) => new SoraSimError(400, `Invalid value for '${param}': ${problem}`, 'invalid_request_error', 'invalid_value', param);
const limited = (what: string) => new SoraSimError(429, `Rate limit reached for ${what} on requests per min (RPM): Limit ${LIMIT}, Used ${LIMIT}. Please try again in ${SORA_SIM_RESET}.`, 'requests', 'rate_limit_exceeded', null, {
  'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': SORA_SIM_RESET,
});
const noQuota = () => new SoraSimError(429, 'You exceeded your current quota, please check your plan and billing details.', 'insufficient_quota', 'insufficient_quota');

const FAULTS: Record<ErrorFault, () => SoraSimError> = {
  rate_limit: () => limited('sora-2'),
  concurrency: () => limited('concurrent video generations'),
  insufficient_credits: noQuota,
  pack_exhausted: noQuota,
  arrears: () => new SoraSimError(429, 'Billing hard limit has been reached.', 'insufficient_quota', 'billing_hard_limit_reached'),
  account_abnormal: () => new SoraSimError(403, 'Your organization must be verified to use the model sora-2.', 'invalid_request_error', 'unsupported_country_region_territory'),
  ip_not_allowed: () => new SoraSimError(403, 'Requests from this IP address are not allowed for this project.', 'invalid_request_error', 'ip_not_authorized'),
  server_error: () => new SoraSimError(500, 'The server had an error while processing your request. Sorry about that!', 'server_error', null),
  unavailable: () => new SoraSimError(503, 'The engine is currently overloaded, please try again later.', 'server_error', null),
  backlog_timeout: () => new SoraSimError(504, 'Gateway timeout.', 'server_error', null),
  policy_reject: () => new SoraSimError(400, 'Your request was blocked by our moderation system.', 'invalid_request_error', 'moderation_blocked', 'prompt'),
};

function videoJson(t: SimTask, state: SimContext['state']) {
  const status = t.status === 'submitted' ? 'queued' : t.status === 'processing' ? 'in_progress' : t.status === 'succeed' ? 'completed' : 'failed';
  const seconds = String(t.meta.seconds);
  return {
    id: t.taskId,
    object: 'video',
    model: t.model,
    status,
    progress: Math.round(progressOf(t, state) * 100),
    created_at: Math.floor(t.createdAt / 1000),
    completed_at: t.status === 'succeed' ? Math.floor(t.updatedAt / 1000) : null,
    expires_at: t.video ? Math.floor(t.video.expiresAt / 1000) : null,
    size: t.meta.size,
    seconds,
    remixed_from_video_id: t.meta.remixedFrom ?? null,
    error: t.status === 'failed'
      ? t.failWith ? { code: 'moderation_blocked', message: t.failWith } : { code: 'video_generation_failed', message: t.statusMsg || 'Video generation failed.' }
      : null,
  };
}

function routes(ctx: SimContext): SimRoutes {
  const { state } = ctx;
  const rateHeaders = (): Record<string, string> => ({
    'x-ratelimit-limit-requests': String(LIMIT), 'x-ratelimit-remaining-requests': String(LIMIT - 1), 'x-ratelimit-reset-requests': '1.2s',
  });
  const withRate = (a: SimAnswer): SimAnswer => ({ ...a, headers: { ...rateHeaders(), ...a.headers } });
  const video = (id: string) => {
    const t = taskOf(state.tasks, 'sora', id);
    if (!t) throw new SoraSimError(404, `Video with id '${id}' not found.`, 'invalid_request_error', 'video_not_found', 'id');
    return t;
  };

  function create(body: Record<string, unknown>, fault: FaultRule | null, parent: SimTask | null): SimAnswer {
    const prompt = body.prompt;
    if (typeof prompt !== 'string' || !prompt.trim()) throw new SoraSimError(400, "Missing required parameter: 'prompt'.", 'invalid_request_error', 'missing_required_parameter', 'prompt');
    if (prompt.length > SORA_PROMPT_MAX) throw bad('prompt', `is longer than ${SORA_PROMPT_MAX} characters`);
    const model = parent ? parent.model : String(body.model ?? 'sora-2');
    if (!SIZES[model]) throw bad('model', `'${model}' is not one of sora-2, sora-2-pro`);
    // Form fields are strings; JSON may send seconds as a string (documented) — a number is refused as OpenAI does.
    const seconds = parent ? String(parent.meta.seconds) : body.seconds === undefined ? '4' : body.seconds;
    if (typeof seconds !== 'string' || !(SORA_SECONDS as readonly number[]).includes(Number(seconds))) throw bad('seconds', `must be one of ${SORA_SECONDS.map((s) => `'${s}'`).join(', ')}`);
    const size = parent ? String(parent.meta.size) : String(body.size ?? '720x1280');
    if (!SIZES[model]!.includes(size)) throw bad('size', `'${size}' is not supported by ${model} (${SIZES[model]!.join(', ')})`);
    const [w, h] = size.split('x').map(Number) as [number, number];
    const frame = FRAME_SIZES[w > h ? '16:9' : '9:16']!;
    const render: RenderSpec = { label: `sora · ${model}${parent ? ' · remix' : ''}`, prompt, ...frame, durationS: Number(seconds), sound: true };
    const ref = body.input_reference;
    if (ref !== undefined && !parent) {
      if (!isSimFile(ref)) throw bad('input_reference', 'must be an image file (multipart)');
      const dims = imageSize(ref.bytes);
      if (!dims) throw bad('input_reference', 'must be a JPEG or PNG image');
      if (`${dims.width}x${dims.height}` !== size) throw bad('input_reference', `is ${dims.width}x${dims.height}; it must match the requested size ${size}`);
      render.background = { kind: 'inline', bytes: ref.bytes, ext: dims.ext };
    }
    if (parent) {
      if (!parent.video) throw bad('video_id', `video ${parent.taskId} is not completed; only completed videos can be remixed`);
      render.source = { ref: { kind: 'file', path: parent.video.file }, edit: 'restyle' };
    }
    const units = estimateSoraCredits({ model, durationS: Number(seconds), size });
    const refused = state.admit('sora', units);
    if (refused) throw refused.refused === 'credits' ? noQuota() : limited('concurrent video generations');
    const t = newTask({
      taskId: `video_${randomBytes(12).toString('hex')}`, provider: 'sora', endpoint: parent ? 'remix' : 'videos', model, units, render,
      meta: { seconds, size, remixedFrom: parent?.taskId ?? null },
    }, fault);
    ctx.runner.add(t);
    return { status: 200, body: videoJson(t, state) };
  }

  const CONTENT = /^\/v1\/videos\/([^/]+)\/content$/;
  const REMIX = /^\/v1\/videos\/([^/]+)\/remix$/;
  const ONE = /^\/v1\/videos\/([^/]+)$/;

  return {
    createOf(req) {
      if (req.method !== 'POST') return null;
      if (req.path === '/v1/videos') return { endpoint: 'videos', idempotencyKey: null };
      return REMIX.test(req.path) ? { endpoint: 'remix', idempotencyKey: null } : null;
    },
    isDownload: (req) => req.method === 'GET' && CONTENT.test(req.path),
    authenticate(req: SimRequest) {
      const token = /^Bearer\s+(\S+)$/.exec(String(req.raw.headers.authorization ?? ''))?.[1];
      if (token !== ctx.apiKey) {
        throw new SoraSimError(401, token ? 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.' : "You didn't provide an API key.", 'invalid_request_error', token ? 'invalid_api_key' : null);
      }
    },
    async handle(req, res: ServerResponse, fault) {
      if (req.bodyError) throw new SoraSimError(400, `We could not parse the body of your request: ${req.bodyError}`, 'invalid_request_error', null);
      if (req.path === '/v1/videos' && req.method === 'POST') return withRate(create(req.body ?? {}, fault, null));
      if (req.path === '/v1/videos' && req.method === 'GET') {
        const q = req.url.searchParams;
        const limit = Math.min(100, Math.max(1, Number(q.get('limit') ?? 20) || 20));
        let all = [...state.tasks.values()].filter((t) => t.provider === 'sora').sort((a, b) => a.createdAt - b.createdAt);
        if (q.get('order') !== 'asc') all = all.reverse();
        const after = q.get('after');
        if (after) all = all.slice(all.findIndex((t) => t.taskId === after) + 1);
        const data = all.slice(0, limit).map((t) => videoJson(t, state));
        return withRate({ status: 200, body: { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: all.length > limit } });
      }
      const remix = REMIX.exec(req.path);
      if (remix && req.method === 'POST') return withRate(create(req.body ?? {}, fault, video(decodeURIComponent(remix[1]!))));
      const content = CONTENT.exec(req.path);
      if (content && req.method === 'GET') {
        const t = video(decodeURIComponent(content[1]!));
        const variant = req.url.searchParams.get('variant') ?? 'video';
        if (variant !== 'video') throw bad('variant', "the simulator serves only 'video'");
        if (!t.video) throw new SoraSimError(400, `Video ${t.taskId} is not completed.`, 'invalid_request_error', 'video_not_ready');
        await ctx.serveVideo(req.raw, res, t.video, fault, (r, expired) =>
          sendJson(r, 404, { error: { message: expired ? `The content of video ${t.taskId} has expired.` : `Video ${t.taskId} has no content.`, type: 'invalid_request_error', param: null, code: 'video_content_expired' } }));
        return null;
      }
      const one = ONE.exec(req.path);
      if (one && req.method === 'GET') return withRate({ status: 200, body: videoJson(video(decodeURIComponent(one[1]!)), state) });
      throw new SoraSimError(404, `Invalid URL (${req.method} ${req.path})`, 'invalid_request_error', null);
    },
    errorAnswer: (err) => (err instanceof SoraSimError ? withRate(err.answer()) : null),
    faultAnswer: (fault) => withRate(FAULTS[fault]().answer()),
    outcome(answer) {
      const id = (answer.body as { id?: unknown } | null)?.id;
      return answer.status === 200 && typeof id === 'string' ? { taskId: id, code: 0 } : { taskId: null, code: answer.status };
    },
  };
}

export const soraSimulator: SimProvider = {
  id: 'sora',
  basePath: '/openai',
  // The content endpoint keeps a video's bytes about an hour.
  resultTtlMs: 3_600_000,
  routes,
};
