// MiniMax's simulated API (providers.md): Bearer key; POST /v1/video_generation → {task_id,
// base_resp}; GET /v1/query/video_generation?task_id= → Preparing | Queueing | Processing |
// Success (with file_id) | Fail; GET /v1/files/retrieve?file_id= → file.download_url (9 h).
// Every answer is HTTP 200 with the verdict in base_resp.status_code.
import { randomInt } from 'node:crypto';
import type { SimAnswer, SimContext, SimProvider, SimRequest, SimRoutes } from '../../simulator/provider.js';
import type { ErrorFault, FaultRule } from '../../simulator/faults.js';
import { FRAME_SIZES, type RenderSpec } from '../../simulator/render-spec.js';
import { newTask, taskOf } from '../../simulator/task.js';
import type { SimTask } from '../../simulator/state.js';
import { decodeDataUri } from '../../simulator/data-uri.js';
import { estimateMinimaxCredits } from '../../../../shared/pricing/minimax.js';
import { findMinimaxModel, MINIMAX_PATHS, MINIMAX_PROMPT_MAX } from '../capabilities.js';

export class MinimaxSimError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

const FAULTS: Record<ErrorFault, () => MinimaxSimError> = {
  rate_limit: () => new MinimaxSimError(1002, 'rate limit exceeded'),
  concurrency: () => new MinimaxSimError(1002, 'too many concurrent video tasks'),
  insufficient_credits: () => new MinimaxSimError(1008, 'insufficient balance'),
  pack_exhausted: () => new MinimaxSimError(1008, 'insufficient balance'),
  arrears: () => new MinimaxSimError(1008, 'insufficient balance: account in arrears'),
  account_abnormal: () => new MinimaxSimError(1004, 'account abnormal: authentication failed'),
  ip_not_allowed: () => new MinimaxSimError(1004, 'request IP not allowed'),
  server_error: () => new MinimaxSimError(1000, 'unknown error'),
  unavailable: () => new MinimaxSimError(1013, 'internal service error'),
  backlog_timeout: () => new MinimaxSimError(1001, 'request timeout'),
  policy_reject: () => new MinimaxSimError(1026, 'input new_sensitive'),
};

const ok = { status_code: 0, status_msg: 'success' };
/** MiniMax's ids are 15-digit decimal strings (randomInt's range stops short of that, so two halves). */
const numericId = () => String(randomInt(1e6, 1e7)) + String(randomInt(1e7, 1e8)).slice(-8);
const bad = (what: string) => new MinimaxSimError(2013, `invalid params, ${what}`);

function routes(ctx: SimContext): SimRoutes {
  const { state } = ctx;

  function create(body: Record<string, unknown>, fault: FaultRule | null): SimAnswer {
    const model = typeof body.model === 'string' ? findMinimaxModel(body.model) : undefined;
    if (!model) throw bad(`model: "${String(body.model)}" is not supported`);
    const prompt = body.prompt;
    if (typeof prompt !== 'string' || prompt.length > MINIMAX_PROMPT_MAX) throw bad(`prompt: must be a string of at most ${MINIMAX_PROMPT_MAX} characters`);
    const resolution = body.resolution === undefined ? model.resolutions[0]! : String(body.resolution);
    const durations = model.durationsByResolution[resolution];
    if (!durations) throw bad(`resolution: must be one of ${model.resolutions.join(', ')}`);
    const duration = body.duration === undefined ? 6 : Number(body.duration);
    if (!durations.includes(duration)) throw bad(`duration: ${resolution} supports ${durations.join(' or ')} s`);
    const render: RenderSpec = { label: `minimax · ${model.model} · ${resolution}`, prompt, ...FRAME_SIZES['16:9']!, durationS: duration, sound: false };
    for (const field of ['first_frame_image', 'last_frame_image'] as const) {
      if (body[field] === undefined) continue;
      const img = decodeDataUri(body[field], 'image');
      if (typeof img === 'string') throw bad(`${field}: ${img}`);
      if (Math.min(img.width!, img.height!) < 300) throw bad(`${field}: the short side must be at least 300 px`);
      if (field === 'first_frame_image') render.background = img.ref;
      else render.tail = img.ref;
    }
    if (render.tail && !render.background) throw bad('last_frame_image: needs first_frame_image');
    if (model.model === 'S2V-01') {
      const subject = (Array.isArray(body.subject_reference) ? body.subject_reference[0] : null) as { type?: unknown; image?: unknown } | null;
      if (!subject || subject.type !== 'character' || !Array.isArray(subject.image) || subject.image.length !== 1) throw bad('subject_reference: one character with one image');
      const img = decodeDataUri(subject.image[0], 'image');
      if (typeof img === 'string') throw bad(`subject_reference[0].image[0]: ${img}`);
      render.tiles = [img.ref];
    }
    if (!prompt.trim() && !render.background) throw bad('prompt: is required without first_frame_image');
    const units = estimateMinimaxCredits({ model: model.model, durationS: duration, resolution });
    const refused = state.admit('minimax', units);
    if (refused) throw refused.refused === 'credits' ? FAULTS.insufficient_credits() : FAULTS.concurrency();
    let id: string;
    do id = numericId(); while (state.tasks.has(id));
    const task = newTask({ taskId: id, provider: 'minimax', endpoint: 'video_generation', model: model.model, units, render, meta: { fileId: numericId() } }, fault);
    ctx.runner.add(task);
    return { status: 200, body: { task_id: id, base_resp: ok } };
  }

  function query(t: SimTask): Record<string, unknown> {
    const out: Record<string, unknown> = { task_id: t.taskId, base_resp: ok };
    switch (t.status) {
      case 'submitted':
        return { ...out, status: Date.now() - t.createdAt < state.timing.queueDelayMs / 2 ? 'Preparing' : 'Queueing', file_id: '' };
      case 'processing':
        return { ...out, status: 'Processing', file_id: '' };
      case 'succeed':
        return { ...out, status: 'Success', file_id: t.meta.fileId, video_width: t.video?.width, video_height: t.video?.height };
      case 'failed':
        // A generated video caught by the output check: the task fails with 1027.
        return t.failWith ? { task_id: t.taskId, status: 'Fail', file_id: '', base_resp: { status_code: 1027, status_msg: 'output new_sensitive' } } : { ...out, status: 'Fail', file_id: '' };
    }
  }

  function retrieve(fileId: string): SimAnswer {
    const t = [...state.tasks.values()].find((x) => x.provider === 'minimax' && x.meta.fileId === fileId);
    const video = t?.video ? ctx.liveVideo(t.video.id) : null;
    if (!t || !video) throw bad(`file_id: ${fileId} not found`);
    return {
      status: 200,
      body: { file: { file_id: Number(fileId), bytes: 0, created_at: Math.floor(video.createdAt / 1000), filename: `${t.taskId}.mp4`, purpose: 'video_generation', download_url: video.url }, base_resp: ok },
    };
  }

  return {
    createOf: (req) => (req.method === 'POST' && req.path === MINIMAX_PATHS.create ? { endpoint: 'video_generation', idempotencyKey: null } : null),
    isDownload: () => false,
    authenticate(req: SimRequest) {
      if (req.raw.headers.authorization !== `Bearer ${ctx.apiKey}`) throw new MinimaxSimError(1004, 'authorized error, wrong api key');
    },
    async handle(req, _res, fault) {
      if (req.bodyError) throw bad(`body: ${req.bodyError}`);
      if (req.path === MINIMAX_PATHS.create && req.method === 'POST') return create(req.body ?? {}, fault);
      if (req.path === MINIMAX_PATHS.query && req.method === 'GET') {
        const t = taskOf(state.tasks, 'minimax', req.url.searchParams.get('task_id') ?? '');
        if (!t) throw bad('task_id: not found');
        return { status: 200, body: query(t) };
      }
      if (req.path === MINIMAX_PATHS.retrieve && req.method === 'GET') return retrieve(req.url.searchParams.get('file_id') ?? '');
      return { status: 404, body: { base_resp: { status_code: 404, status_msg: `${req.method} ${req.path} not found` } } };
    },
    errorAnswer: (err) => (err instanceof MinimaxSimError ? { status: 200, body: { task_id: '', base_resp: { status_code: err.code, status_msg: err.message } } } : null),
    faultAnswer: (fault) => {
      const e = FAULTS[fault]();
      return { status: 200, body: { task_id: '', base_resp: { status_code: e.code, status_msg: e.message } } };
    },
    outcome(answer) {
      const b = answer.body as { task_id?: unknown; base_resp?: { status_code?: unknown } } | null;
      const code = typeof b?.base_resp?.status_code === 'number' ? b.base_resp.status_code : answer.status;
      return { taskId: code === 0 && typeof b?.task_id === 'string' ? b.task_id : null, code };
    },
  };
}

export const minimaxSimulator: SimProvider = {
  id: 'minimax',
  basePath: '/minimax',
  // MiniMax's download_url is valid for 9 hours.
  resultTtlMs: 9 * 3_600_000,
  routes,
};
