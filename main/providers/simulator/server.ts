// The local Kling-compatible simulator: Kling's documented wire format on 127.0.0.1 (see
// ../../../shared/providers.md), real MP4 results made with ffmpeg, a credit balance, and
// switchable faults. The Kling adapter and the job engine are tested against it, and the
// app's "Demo (local simulator)" provider talks to it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { resolveMediaTools } from '../../store/tools.js';
import { KlingError, envelope, sendError, sendJson, readJsonBody, type Envelope } from './wire.js';
import { verifyBearer } from './auth.js';
import { ERROR_FAULTS, type ErrorFault, type FaultRule, type RequestKind } from './faults.js';
import { SimulatorState, type FaceSession, type SimVideo } from './state.js';
import { TaskRunner } from './lifecycle.js';
import { probeVideo, type RenderEnv } from './render.js';
import { materialize } from './inputs.js';
import { installFont } from './font.js';
import { RESULT_PATH_RE, serveResult } from './results.js';
import { handleControl } from './control.js';
import { createTask, listTasks, queryTask, taskEndpointOf } from './task-routes.js';
import { identifyFace } from './requests-lipsync.js';
import { accountCosts, createElement, getElement, listElements } from './account.js';
import type { PlanContext } from './requests-video.js';

export interface KlingSimulatorOptions {
  port?: number;
  accessKey: string;
  secretKey: string;
  /** Time a task stays `submitted` (default 200 ms). */
  queueDelayMs?: number;
  /** Least time a task stays `processing`, render time included (default 500 ms). */
  processingMs?: number;
  /** Lifetime of result URLs (default 30 days, as Kling). */
  resultTtlMs?: number;
  /** Most tasks in flight; more answers 429/1303 (default unlimited). */
  concurrency?: number;
  /** Spacing of /account/costs calls (default 1000 ms: Kling's QPS ≤ 1). */
  accountCostsIntervalMs?: number;
  /** ffmpeg binary; ffprobe comes from resolveMediaTools. */
  ffmpeg?: string;
  /** Where results are written; a temp folder (removed on close) if not given. */
  dataDir?: string;
  initialCredits?: number;
  /** Seed for rate-mode faults. */
  seed?: number;
  log?: (line: string) => void;
}

export interface KlingSimulator {
  /** e.g. http://127.0.0.1:41234 — the adapter's base URL. */
  baseUrl: string;
  /** e.g. http://127.0.0.1:41234/__control */
  controlUrl: string;
  state: SimulatorState;
  close(): Promise<void>;
}

type Answer = { status: number; body: Envelope };
const ok = (body: Envelope): Answer => ({ status: 200, body });

export async function startKlingSimulator(opts: KlingSimulatorOptions): Promise<KlingSimulator> {
  const log = opts.log ?? (() => {});
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'dailies-kling-sim-'));
  for (const sub of ['results', 'work', 'inputs']) mkdirSync(path.join(dataDir, sub), { recursive: true });
  const tools = resolveMediaTools(opts.ffmpeg ? { ffmpeg: opts.ffmpeg } : {});
  const state = new SimulatorState(opts.initialCredits ?? 1000, {
    queueDelayMs: opts.queueDelayMs ?? 200,
    processingMs: opts.processingMs ?? 500,
    resultTtlMs: opts.resultTtlMs ?? 30 * 86_400_000,
    accountCostsIntervalMs: opts.accountCostsIntervalMs ?? 1000,
    concurrency: opts.concurrency ?? Number.MAX_SAFE_INTEGER,
  });
  if (opts.seed !== undefined) state.faults.seed(opts.seed);
  let port = 0;
  const baseUrl = () => `http://127.0.0.1:${port}`;

  const liveVideo = (id: string): SimVideo | null => {
    const v = state.videos.get(id);
    return v && v.expiresAt > Date.now() ? v : null;
  };
  const videoByUrl = (url: string): SimVideo | null => {
    try {
      const u = new URL(url);
      if (!['127.0.0.1', 'localhost'].includes(u.hostname) || u.port !== String(port)) return null;
      const id = RESULT_PATH_RE.exec(u.pathname)?.[1];
      return id ? liveVideo(id) : null;
    } catch {
      return null;
    }
  };
  const env: RenderEnv = {
    ffmpeg: tools.ffmpeg,
    ffprobe: tools.ffprobe,
    dataDir,
    font: installFont(dataDir),
    ownFile: (url) => videoByUrl(url)?.file ?? null,
  };
  if (!env.font) log('simulator: no font found; clips will carry no text');
  const runner = new TaskRunner(state, env, baseUrl, log);
  const planCtx: PlanContext = {
    videoById: liveVideo,
    videoByUrl,
    elementImage: (id) => state.elements.get(id)?.element_frontal_image ?? null,
  };
  const resolveVideo = async (ref: { videoId?: string; url?: string }): Promise<FaceSession['video']> => {
    const own = ref.videoId ? liveVideo(ref.videoId) : ref.url ? videoByUrl(ref.url) : null;
    if (own) return { file: own.file, url: own.url, durationS: own.durationS, width: own.width, height: own.height, videoId: own.id };
    if (ref.videoId) throw new KlingError(400, 1201, `video_id: "${ref.videoId}" is not a live video made by this account`);
    try {
      const file = await materialize({ kind: 'url', url: ref.url! }, path.join(dataDir, 'inputs'), randomUUID(), () => null);
      return { file, url: ref.url!, videoId: null, ...(await probeVideo(tools.ffprobe, file)) };
    } catch (err) {
      throw new KlingError(400, 1201, `video_url: ${(err as Error).message}`);
    }
  };

  async function api(req: IncomingMessage, url: URL, body: Record<string, unknown> | null, fault: FaultRule | null): Promise<Answer> {
    const { pathname } = url;
    const method = req.method ?? 'GET';
    const task = taskEndpointOf(pathname);
    if (task) {
      if (method === 'POST' && task.id === null) return ok(createTask(task.endpoint, body ?? {}, fault, { state, runner, ctx: planCtx }));
      if (method === 'GET') return ok(task.id === null ? listTasks(task.endpoint, url.searchParams, state) : queryTask(task.endpoint, task.id, state));
      throw new KlingError(404, 1202, `${method} is not a valid method for ${pathname}`);
    }
    if (pathname === '/v1/videos/identify-face') {
      if (method !== 'POST') throw new KlingError(404, 1202, `${method} is not a valid method for ${pathname}`);
      return ok(envelope(0, 'SUCCEED', await identifyFace(body ?? (await readJsonBody(req)), { state, resolveVideo })));
    }
    if (pathname === '/v1/general/custom-elements') {
      if (method === 'POST') return ok(createElement(body ?? (await readJsonBody(req)), state));
      if (method === 'GET') return ok(listElements(url.searchParams, state));
    }
    const element = /^\/v1\/general\/custom-elements\/([^/]+)$/.exec(pathname);
    if (element && method === 'GET') return ok(getElement(decodeURIComponent(element[1]!), state));
    // Account costs: providers.md leaves the path prefix open (?); the simulator serves /account/costs.
    if (pathname === '/account/costs' && method === 'GET') return ok(accountCosts(url.searchParams, state));
    throw new KlingError(404, 1203, `${pathname} does not exist`);
  }

  const hung = new Set<ServerResponse>();
  const hang = (res: ServerResponse) => {
    hung.add(res);
    res.on('close', () => hung.delete(res));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const { pathname } = url;
    const method = req.method ?? 'GET';
    if (pathname === '/__control' || pathname.startsWith('/__control/')) return handleControl(req, res, pathname, state);

    if (RESULT_PATH_RE.test(pathname) || pathname.startsWith('/results/')) {
      const fault = state.faults.take('download', method, pathname);
      if (fault && applyBefore(fault, res)) return;
      return serveResult(req, res, pathname, state, fault);
    }

    const isCreate = method === 'POST' && taskEndpointOf(pathname)?.id === null;
    const kind: RequestKind = isCreate ? 'create' : 'api';
    // Creates are recorded with their body whatever happens next, so tests can count every
    // submission a client made (a retried create shows up twice here, never as two tasks).
    let body: Record<string, unknown> | null = null;
    let bodyError: KlingError | null = null;
    if (method === 'POST') {
      try {
        body = await readJsonBody(req);
      } catch (err) {
        bodyError = err as KlingError;
      }
    }
    const fault = state.faults.take(kind, method, pathname);
    const record = (taskId: string | null, code: number) => {
      if (!isCreate) return;
      const ext = typeof body?.external_task_id === 'string' && body.external_task_id ? body.external_task_id : null;
      state.recordCreate({ endpoint: taskEndpointOf(pathname)!.endpoint, externalTaskId: ext, body: body ?? null, taskId, code });
    };
    if (fault && applyBefore(fault, res)) return record(null, fault.fault in ERROR_FAULTS ? ERROR_FAULTS[fault.fault as ErrorFault].code : -1);

    let answer: Answer;
    try {
      await verifyBearer(req, opts);
      if (bodyError) throw bodyError;
      answer = await api(req, url, body, fault);
    } catch (err) {
      if (!(err instanceof KlingError)) throw err;
      answer = { status: err.status, body: envelope(err.code, err.message) };
    }
    const data = answer.body.data as { task_id?: string } | null;
    record(answer.body.code === 0 ? data?.task_id ?? null : null, answer.body.code);

    // Faults that let the work happen and then spoil the answer.
    if (fault?.fault === 'malformed_json') {
      const text = JSON.stringify(answer.body);
      const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(cut) }).end(cut);
      return;
    }
    if (fault && (fault.fault === 'connection_reset' || fault.fault === 'timeout') && fault.phase === 'after') {
      if (fault.fault === 'timeout') return hang(res);
      return void res.socket?.destroy();
    }
    sendJson(res, answer.status, answer.body);
  }

  /** Applies a fault that replaces the answer; false when the fault acts later (or elsewhere). */
  function applyBefore(fault: FaultRule, res: ServerResponse): boolean {
    if (fault.fault in ERROR_FAULTS) {
      const e = ERROR_FAULTS[fault.fault as ErrorFault];
      sendError(res, new KlingError(e.status, e.code, e.message));
      return true;
    }
    if ((fault.fault === 'connection_reset' || fault.fault === 'timeout') && fault.phase !== 'after') {
      if (fault.fault === 'timeout') hang(res);
      else res.socket?.destroy();
      return true;
    }
    return false;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      log(`simulator: ${req.method} ${req.url}: ${(err as Error).stack ?? String(err)}`);
      if (!res.headersSent) sendError(res, new KlingError(500, 5000, 'Server internal error'));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : 0;
      resolve();
    });
  });

  return {
    baseUrl: baseUrl(),
    controlUrl: `${baseUrl()}/__control`,
    state,
    close: () =>
      new Promise<void>((done) => {
        runner.close();
        for (const res of hung) res.destroy();
        server.close(() => {
          if (ownDir) rmSync(dataDir, { recursive: true, force: true });
          done();
        });
        server.closeAllConnections();
      }),
  };
}
