// Veo 3's simulated Gemini API (providers.md): POST /v1beta/models/{model}:predictLongRunning
// answers an operation name; GET /v1beta/{name} polls it until `done`; the video's file URI
// answers only with the API key and redirects to the bytes. Errors are google.rpc.Status JSON;
// rate limits are 429 RESOURCE_EXHAUSTED with RetryInfo.retryDelay; safety filtering finishes
// the operation with raiMediaFilteredCount and no video. Mounted at /veo.
import { randomBytes } from 'node:crypto';
import type { SimAnswer, SimContext, SimProvider, SimRequest, SimRoutes } from '../../simulator/provider.js';
import type { ErrorFault } from '../../simulator/faults.js';
import { imageSize } from '../../simulator/image-size.js';
import { FRAME_SIZES, type MediaRef, type RenderSpec } from '../../simulator/render-spec.js';
import { newTask, taskOf } from '../../simulator/task.js';
import type { SimTask, SimVideo } from '../../simulator/state.js';
import { estimateVeoCredits, VEO_EXTENSION_S } from '../../../../shared/pricing/veo.js';
import { VEO_DURATIONS, VEO_LONG_ONLY_S, VEO_MAX_REFERENCE_IMAGES, VEO_MODELS, VEO_PROMPT_MAX, VEO_RESOLUTIONS } from '../capabilities.js';

const GRPC: Record<string, number> = {
  INVALID_ARGUMENT: 400, FAILED_PRECONDITION: 400, UNAUTHENTICATED: 401, PERMISSION_DENIED: 403, NOT_FOUND: 404,
  RESOURCE_EXHAUSTED: 429, INTERNAL: 500, UNAVAILABLE: 503, DEADLINE_EXCEEDED: 504,
};
/** What the simulator asks a rate-limited client to wait (Google's own answers say e.g. "38s"). */
export const VEO_SIM_RETRY_DELAY = '1s';

export class VeoSimError extends Error {
  constructor(readonly status: keyof typeof GRPC, message: string, readonly details: unknown[] = []) {
    super(message);
  }
  answer(): SimAnswer {
    const code = GRPC[this.status]!;
    return { status: code, body: { error: { code, message: this.message, status: this.status, ...(this.details.length ? { details: this.details } : {}) } } };
  }
}

const bad = (field: string, problem: string) => new VeoSimError('INVALID_ARGUMENT', `${field}: ${problem}`);
const retryInfo = (delay: string) => ({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: delay });

const FAULTS: Record<ErrorFault, () => VeoSimError> = {
  rate_limit: () => new VeoSimError('RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).', [retryInfo(VEO_SIM_RETRY_DELAY)]),
  concurrency: () => new VeoSimError('RESOURCE_EXHAUSTED', 'Too many concurrent video generations for this project.', [retryInfo(VEO_SIM_RETRY_DELAY)]),
  insufficient_credits: () => new VeoSimError('FAILED_PRECONDITION', 'Billing is not enabled for this project, or its prepaid balance is used up: enable billing to use Veo.'),
  pack_exhausted: () => new VeoSimError('FAILED_PRECONDITION', 'The prepaid billing balance of this project is used up.'),
  arrears: () => new VeoSimError('FAILED_PRECONDITION', 'Billing account is in arrears: payment required.'),
  account_abnormal: () => new VeoSimError('PERMISSION_DENIED', 'The caller does not have permission (the project is suspended).'),
  ip_not_allowed: () => new VeoSimError('PERMISSION_DENIED', 'Requests from this IP address are blocked by the API key restrictions.'),
  server_error: () => new VeoSimError('INTERNAL', 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting'),
  unavailable: () => new VeoSimError('UNAVAILABLE', 'The model is overloaded. Please try again later.'),
  backlog_timeout: () => new VeoSimError('DEADLINE_EXCEEDED', 'The request timed out. Please try again.'),
  policy_reject: () => new VeoSimError('INVALID_ARGUMENT', "The prompt was blocked by Veo's safety filters: it may violate the usage guidelines. Rewrite it and try again."),
};

const CREATE_RE = /^\/v1beta\/models\/([^/:]+):predictLongRunning$/;
const OPERATION_RE = /^\/v1beta\/(models\/([^/]+)\/operations\/([^/]+))$/;
const FILE_RE = /^\/v1beta\/files\/([^/:]+):download$/;

function image(field: string, v: unknown): MediaRef {
  if (!v || typeof v !== 'object') throw bad(field, 'must be {bytesBase64Encoded, mimeType}');
  const { bytesBase64Encoded: b64, mimeType } = v as { bytesBase64Encoded?: unknown; mimeType?: unknown };
  if (typeof b64 !== 'string' || !b64) throw bad(`${field}.bytesBase64Encoded`, 'is required');
  if (mimeType !== 'image/png' && mimeType !== 'image/jpeg') throw bad(`${field}.mimeType`, 'must be image/png or image/jpeg');
  const bytes = Buffer.from(b64, 'base64');
  const size = imageSize(bytes);
  if (!size) throw bad(`${field}.bytesBase64Encoded`, 'is not a PNG or JPEG image');
  return { kind: 'inline', bytes, ext: size.ext };
}

function routes(ctx: SimContext): SimRoutes {
  const { state } = ctx;
  const fileUri = (v: SimVideo) => `${ctx.baseUrl()}/v1beta/files/${v.id}:download?alt=media`;

  function operation(t: SimTask): Record<string, unknown> {
    const op: Record<string, unknown> = {
      name: t.meta.name,
      metadata: { '@type': 'type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningMetadata' },
    };
    if (t.status === 'succeed' && t.video) {
      op.done = true;
      op.response = {
        '@type': 'type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse',
        generateVideoResponse: { generatedSamples: [{ video: { uri: fileUri(t.video) } }] },
      };
    } else if (t.status === 'failed' && t.failWith) {
      op.done = true;
      op.response = {
        '@type': 'type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse',
        generateVideoResponse: { raiMediaFilteredCount: 1, raiMediaFilteredReasons: [t.failWith] },
      };
    } else if (t.status === 'failed') {
      op.done = true;
      op.error = { code: 13, message: t.statusMsg || 'Video generation failed.' };
    }
    return op;
  }

  function create(model: string, body: Record<string, unknown>, fault: Parameters<SimRoutes['handle']>[2]): SimAnswer {
    if (!VEO_MODELS.some((m) => m.model === model)) throw new VeoSimError('NOT_FOUND', `models/${model} is not found for API version v1beta, or is not supported for predictLongRunning.`);
    const v31 = model.startsWith('veo-3.1');
    const instances = body.instances;
    if (!Array.isArray(instances) || instances.length !== 1) throw bad('instances', 'must hold exactly one instance');
    const inst = (instances[0] ?? {}) as Record<string, unknown>;
    const params = (body.parameters ?? {}) as Record<string, unknown>;
    if (typeof params !== 'object' || Array.isArray(params)) throw bad('parameters', 'must be an object');

    const prompt = inst.prompt;
    if (prompt !== undefined && typeof prompt !== 'string') throw bad('instances[0].prompt', 'must be a string');
    if (typeof prompt === 'string' && prompt.length > VEO_PROMPT_MAX) throw bad('instances[0].prompt', `is longer than ${VEO_PROMPT_MAX} characters`);
    const aspect = params.aspectRatio ?? '16:9';
    if (aspect !== '16:9' && aspect !== '9:16') throw bad('parameters.aspectRatio', 'must be "16:9" or "9:16"');
    const duration = params.durationSeconds === undefined ? VEO_LONG_ONLY_S : Number(params.durationSeconds);
    if (!(VEO_DURATIONS as readonly number[]).includes(duration)) throw bad('parameters.durationSeconds', `must be one of ${VEO_DURATIONS.join(', ')}`);
    if (params.resolution !== undefined && !(VEO_RESOLUTIONS as readonly string[]).includes(String(params.resolution))) {
      throw bad('parameters.resolution', `must be one of ${VEO_RESOLUTIONS.join(', ')}`);
    }
    if (params.negativePrompt !== undefined && typeof params.negativePrompt !== 'string') throw bad('parameters.negativePrompt', 'must be a string');

    const needs31AndEight = (field: string) => {
      if (!v31) throw bad(field, `is not supported by ${model}; use veo-3.1-generate-preview`);
      if (duration !== VEO_LONG_ONLY_S) throw bad('parameters.durationSeconds', `must be ${VEO_LONG_ONLY_S} with ${field}`);
    };
    const size = FRAME_SIZES[aspect as string]!;
    const render: RenderSpec = { label: `veo · ${model}`, prompt: typeof prompt === 'string' ? prompt : '', ...size, durationS: duration, sound: true };
    let parent: SimVideo | null = null;
    if (inst.image !== undefined) render.background = image('instances[0].image', inst.image);
    if (inst.lastFrame !== undefined) {
      if (!render.background) throw bad('instances[0].lastFrame', 'needs instances[0].image (the first frame)');
      needs31AndEight('instances[0].lastFrame');
      render.tail = image('instances[0].lastFrame', inst.lastFrame);
    }
    if (inst.referenceImages !== undefined) {
      needs31AndEight('instances[0].referenceImages');
      const refs = inst.referenceImages;
      if (!Array.isArray(refs) || refs.length < 1 || refs.length > VEO_MAX_REFERENCE_IMAGES) throw bad('instances[0].referenceImages', `must hold 1 to ${VEO_MAX_REFERENCE_IMAGES} images`);
      render.tiles = refs.map((r, i) => {
        const ref = (r ?? {}) as { image?: unknown; referenceType?: unknown };
        if (ref.referenceType !== 'asset' && ref.referenceType !== 'style') throw bad(`instances[0].referenceImages[${i}].referenceType`, 'must be "asset" or "style"');
        return image(`instances[0].referenceImages[${i}].image`, ref.image);
      });
    }
    if (inst.video !== undefined) {
      needs31AndEight('instances[0].video');
      const uri = (inst.video as { uri?: unknown } | null)?.uri;
      const id = typeof uri === 'string' ? /\/v1beta\/files\/([^/:?]+)/.exec(uri)?.[1] : undefined;
      parent = id ? ctx.liveVideo(id) : null;
      if (!parent) throw bad('instances[0].video.uri', 'is not a Veo video of this project that is still kept (Veo keeps videos for 2 days)');
      Object.assign(render, { width: parent.width, height: parent.height, durationS: parent.durationS + VEO_EXTENSION_S });
      render.source = { ref: { kind: 'file', path: parent.file }, edit: 'extend', durationS: parent.durationS };
    }
    if (!render.background && !render.source && !render.prompt.trim()) throw bad('instances[0].prompt', 'is required without an image or video');

    const taskType = parent ? 'extend' : render.tiles ? 'multi_reference' : render.background ? 'image_to_video' : 'text_to_video';
    const units = estimateVeoCredits({ model, durationS: duration, taskType });
    const refused = state.admit('veo', units);
    if (refused) throw refused.refused === 'credits' ? FAULTS.insufficient_credits() : FAULTS.concurrency();
    const id = randomBytes(6).toString('hex');
    const name = `models/${model}/operations/${id}`;
    const task = newTask({ taskId: id, provider: 'veo', endpoint: 'predictLongRunning', model, units, render, parentVideo: parent, meta: { name, taskType, parameters: params } }, fault);
    ctx.runner.add(task);
    return { status: 200, body: { name } };
  }

  return {
    createOf: (req) => (req.method === 'POST' && CREATE_RE.test(req.path) ? { endpoint: 'predictLongRunning', idempotencyKey: null } : null),
    isDownload: () => false,
    authenticate(req: SimRequest) {
      const key = req.raw.headers['x-goog-api-key'] ?? req.url.searchParams.get('key');
      if (!key) {
        throw new VeoSimError('PERMISSION_DENIED', "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.");
      }
      if (key !== ctx.apiKey) {
        throw new VeoSimError('INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
          { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' },
        ]);
      }
    },
    async handle(req, _res, fault) {
      if (req.bodyError) throw new VeoSimError('INVALID_ARGUMENT', `Invalid JSON payload received: ${req.bodyError}`);
      const created = CREATE_RE.exec(req.path);
      if (created) {
        if (req.method !== 'POST') throw new VeoSimError('NOT_FOUND', `${req.method} is not allowed on ${req.path}`);
        return create(decodeURIComponent(created[1]!), req.body ?? {}, fault);
      }
      const op = OPERATION_RE.exec(req.path);
      if (op && req.method === 'GET') {
        const t = taskOf(state.tasks, 'veo', decodeURIComponent(op[3]!));
        if (!t || t.meta.name !== decodeURIComponent(op[1]!)) throw new VeoSimError('NOT_FOUND', `Operation ${op[1]} not found.`);
        return { status: 200, body: operation(t) };
      }
      const file = FILE_RE.exec(req.path);
      if (file && req.method === 'GET') {
        // Kept 2 days; then the file is gone (404), not merely its link.
        const v = ctx.liveVideo(decodeURIComponent(file[1]!));
        if (!v || !state.tasks.get(v.taskId) || state.tasks.get(v.taskId)!.provider !== 'veo') throw new VeoSimError('NOT_FOUND', `File ${file[1]} not found or expired.`);
        return { status: 302, headers: { Location: v.url }, body: { redirect: v.url } };
      }
      throw new VeoSimError('NOT_FOUND', `${req.method} ${req.path} is not a Gemini API route the simulator serves.`);
    },
    errorAnswer: (err) => (err instanceof VeoSimError ? err.answer() : null),
    faultAnswer: (fault) => FAULTS[fault]().answer(),
    outcome(answer) {
      const name = (answer.body as { name?: unknown } | null)?.name;
      return answer.status === 200 && typeof name === 'string' ? { taskId: name.split('/').pop() ?? null, code: 0 } : { taskId: null, code: answer.status };
    },
  };
}

export const veoSimulator: SimProvider = {
  id: 'veo',
  basePath: '/veo',
  // Google keeps generated videos for 2 days.
  resultTtlMs: 2 * 86_400_000,
  routes,
};
