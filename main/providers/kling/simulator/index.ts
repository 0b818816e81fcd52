// Kling's simulated API: its documented wire format (../../../../shared/providers.md), served
// at the simulator's root so existing clients keep their base URL. The server around it
// (main/providers/simulator) owns faults, the task lifecycle, rendering and credits.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { SimAnswer, SimContext, SimProvider, SimRequest, SimRoutes } from '../../simulator/provider.js';
import { ERROR_FAULTS } from '../../simulator/faults.js';
import { probeVideo } from '../../simulator/render.js';
import { materialize } from '../../simulator/inputs.js';
import type { FaceSession } from '../../simulator/state.js';
import { KlingError, envelope, type Envelope } from './wire.js';
import { verifyBearer } from './auth.js';
import { createTask, listTasks, queryTask, taskEndpointOf } from './task-routes.js';
import { identifyFace } from './requests-lipsync.js';
import { accountCosts, createElement, getElement, listElements } from './account.js';
import { taskJson } from './task-json.js';
import type { PlanContext } from './requests-video.js';

const ok = (body: Envelope): SimAnswer => ({ status: 200, body });

function routes(ctx: SimContext): SimRoutes {
  const { state, runner } = ctx;
  const planCtx: PlanContext = {
    videoById: ctx.liveVideo,
    videoByUrl: ctx.videoByUrl,
    elementImage: (id) => state.elements.get(id)?.element_frontal_image ?? null,
  };
  const resolveVideo = async (ref: { videoId?: string; url?: string }): Promise<FaceSession['video']> => {
    const own = ref.videoId ? ctx.liveVideo(ref.videoId) : ref.url ? ctx.videoByUrl(ref.url) : null;
    if (own) return { file: own.file, url: own.url, durationS: own.durationS, width: own.width, height: own.height, videoId: own.id };
    if (ref.videoId) throw new KlingError(400, 1201, `video_id: "${ref.videoId}" is not a live video made by this account`);
    try {
      const file = await materialize({ kind: 'url', url: ref.url! }, path.join(ctx.dataDir, 'inputs'), randomUUID(), () => null);
      return { file, url: ref.url!, videoId: null, ...(await probeVideo(ctx.tools.ffprobe, file)) };
    } catch (err) {
      throw new KlingError(400, 1201, `video_url: ${(err as Error).message}`);
    }
  };
  const badMethod = (req: SimRequest) => new KlingError(404, 1202, `${req.method} is not a valid method for ${req.path}`);

  return {
    createOf(req) {
      const task = req.method === 'POST' ? taskEndpointOf(req.path) : null;
      if (!task || task.id !== null) return null;
      const ext = req.body?.external_task_id;
      return { endpoint: task.endpoint, idempotencyKey: typeof ext === 'string' && ext ? ext : null };
    },
    isDownload: () => false,
    authenticate: (req) => verifyBearer(req.raw, ctx.options),

    async handle(req, _res, fault) {
      if (req.bodyError) throw new KlingError(400, 1200, req.bodyError);
      const body = req.body ?? {};
      const { method, url } = req;
      const pathname = req.path;
      const task = taskEndpointOf(pathname);
      if (task) {
        if (method === 'POST' && task.id === null) return ok(await createTask(task.endpoint, body, fault, { state, runner, ctx: planCtx, ffmpeg: ctx.tools.ffmpeg }));
        if (method === 'GET') return ok(task.id === null ? listTasks(task.endpoint, url.searchParams, state) : queryTask(task.endpoint, task.id, state));
        throw badMethod(req);
      }
      if (pathname === '/v1/videos/identify-face') {
        if (method !== 'POST') throw badMethod(req);
        return ok(envelope(0, 'SUCCEED', await identifyFace(body, { state, resolveVideo })));
      }
      if (pathname === '/v1/general/custom-elements') {
        if (method === 'POST') return ok(createElement(body, state));
        if (method === 'GET') return ok(listElements(url.searchParams, state));
      }
      const element = /^\/v1\/general\/custom-elements\/([^/]+)$/.exec(pathname);
      if (element && method === 'GET') return ok(getElement(decodeURIComponent(element[1]!), state));
      // Account costs: providers.md leaves the path prefix open (?); the simulator serves /account/costs.
      if (pathname === '/account/costs' && method === 'GET') return ok(accountCosts(url.searchParams, state));
      throw new KlingError(404, 1203, `${pathname} does not exist`);
    },

    errorAnswer: (err) => (err instanceof KlingError ? { status: err.status, body: envelope(err.code, err.message) } : null),
    faultAnswer(fault) {
      const e = ERROR_FAULTS[fault];
      return { status: e.status, body: envelope(e.code, e.message) };
    },
    outcome(answer) {
      const body = answer.body as Partial<Envelope> | null;
      const data = body?.data as { task_id?: string } | null | undefined;
      const code = typeof body?.code === 'number' ? body.code : answer.status;
      return { taskId: code === 0 ? data?.task_id ?? null : null, code };
    },
    // Kling's callbacks wrap the task in its envelope.
    callbackBody: (t) => envelope(0, 'SUCCEED', taskJson(t)),
  };
}

export const klingSimulator: SimProvider = {
  id: 'kling',
  basePath: '',
  // Kling keeps results 30 days; the server's resultTtlMs option (and /__control/timing) sets it.
  resultTtlMs: 30 * 86_400_000,
  routes,
};
