// The local provider simulator: ONE server on 127.0.0.1 that serves every registered provider's
// documented wire format (see ../../../shared/providers.md), each mounted at its own base path
// (Kling at the root, the others under /<id>), with real MP4 results made with ffmpeg, one
// credit balance, one task lifecycle and one set of switchable faults for all of them. The
// adapters and the job engine are tested against it, and the app's demo account talks to it.
//
// The provider modules come from main/providers/registry.ts (REGISTERED[i].simulator): each
// lives in its provider's folder and only speaks its format (see ./provider.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveMediaTools } from '../../store/tools.js';
import { ERROR_FAULTS, type ErrorFault, type FaultRule, type RequestKind } from './faults.js';
import { SimulatorState, type SimVideo } from './state.js';
import { TaskRunner } from './lifecycle.js';
import type { RenderEnv } from './render.js';
import { installFont } from './font.js';
import { RESULT_PATH_RE, serveResult, serveVideo } from './results.js';
import { handleControl } from './control.js';
import { readBody } from './body.js';
import { sendJson } from './send.js';
import type { SimAnswer, SimContext, SimProvider, SimRequest, SimRoutes, SimulatorOptionsBase } from './provider.js';

/** The API key every non-Kling simulated provider accepts unless options.apiKeys says otherwise. */
export const DEFAULT_SIM_API_KEY = 'sim-api-key';

export interface SimulatorOptions extends SimulatorOptionsBase {
  port?: number;
  /** Kling's keys (JWT): access key and secret key. */
  accessKey: string;
  secretKey: string;
  /** API keys of the other providers, by provider id (default DEFAULT_SIM_API_KEY). */
  apiKeys?: Record<string, string>;
  /** Time a task stays `submitted` (default 200 ms). */
  queueDelayMs?: number;
  /** Least time a task stays `processing`, render time included (default 500 ms). */
  processingMs?: number;
  /** Lifetime of Kling's result URLs (default 30 days); other providers keep their own default. */
  resultTtlMs?: number;
  /** Most tasks in flight per provider; more answers that provider's concurrency error (default unlimited). */
  concurrency?: number;
  /** Spacing of Kling's /account/costs calls (default 1000 ms: Kling's QPS ≤ 1). */
  accountCostsIntervalMs?: number;
  /** ffmpeg binary; ffprobe comes from resolveMediaTools. */
  ffmpeg?: string;
  /** Where results are written; a temp folder (removed on close) if not given. */
  dataDir?: string;
  initialCredits?: number;
  /** Seed for rate-mode faults. */
  seed?: number;
  /** Only these providers (default: every registered one). */
  providers?: readonly SimProvider[];
  log?: (line: string) => void;
  /** Faces Kling's identify-face finds in every clip (default 1); more makes lip sync ask which one speaks. */
  facesPerClip?: number;
}
/** Kept for the Kling-era callers: the simulator's options. */
export type KlingSimulatorOptions = SimulatorOptions;

export interface Simulator {
  /** e.g. http://127.0.0.1:41234 — the root, and Kling's base URL. */
  baseUrl: string;
  /** e.g. http://127.0.0.1:41234/__control */
  controlUrl: string;
  /** A provider's base URL on this simulator (root + its basePath), to configure its adapter with. */
  baseUrlOf(providerId: string): string;
  /** The API key the simulator accepts for a (non-Kling) provider. */
  apiKeyOf(providerId: string): string;
  /** The provider ids served. */
  providers: string[];
  state: SimulatorState;
  close(): Promise<void>;
}
export type KlingSimulator = Simulator;

interface Mounted {
  provider: SimProvider;
  routes: SimRoutes;
}

export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const log = opts.log ?? (() => {});
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'dailies-sim-'));
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
  if (opts.facesPerClip !== undefined) state.facesPerClip = opts.facesPerClip;
  let port = 0;
  const rootUrl = () => `http://127.0.0.1:${port}`;

  const providers = opts.providers ?? (await loadRegistered());
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

  const mounted: Mounted[] = [];
  const runner = new TaskRunner(state, env, rootUrl, log, (t) => mounted.find((m) => m.provider.id === t.provider)?.routes.callbackBody?.(t) ?? null);
  const apiKeyOf = (id: string) => opts.apiKeys?.[id] ?? DEFAULT_SIM_API_KEY;
  for (const provider of providers) {
    if (provider.id !== 'kling') state.resultTtlByProvider.set(provider.id, provider.resultTtlMs);
    const ctx: SimContext = {
      state, runner, tools, dataDir, rootUrl,
      baseUrl: () => `${rootUrl()}${provider.basePath}`,
      apiKey: apiKeyOf(provider.id),
      options: opts,
      liveVideo, videoByUrl,
      serveVideo: (req, res, video, fault, gone) => serveVideo(req, res, video, fault, gone),
      log,
    };
    mounted.push({ provider, routes: provider.routes(ctx) });
  }
  // Longest mount first, so /veo/… never falls to the root (Kling).
  mounted.sort((a, b) => b.provider.basePath.length - a.provider.basePath.length);
  const mountOf = (pathname: string): Mounted | null =>
    mounted.find(({ provider: { basePath: b } }) => b === '' || pathname === b || pathname.startsWith(`${b}/`)) ?? null;

  const hung = new Set<ServerResponse>();
  const hang = (res: ServerResponse) => {
    hung.add(res);
    res.on('close', () => hung.delete(res));
  };

  function send(res: ServerResponse, answer: SimAnswer): void {
    sendJson(res, answer.status, answer.body, answer.headers);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const { pathname } = url;
    const method = req.method ?? 'GET';
    if (pathname === '/__control' || pathname.startsWith('/__control/')) return handleControl(req, res, pathname, state);

    if (RESULT_PATH_RE.test(pathname) || pathname.startsWith('/results/')) {
      // Result files are shared; a fault aimed at one provider hits the files its tasks made.
      const video = state.videos.get(RESULT_PATH_RE.exec(pathname)?.[1] ?? '');
      const owner = video ? state.tasks.get(video.taskId)?.provider ?? '' : '';
      const fault = state.faults.take('download', { method, pathname, provider: owner, relPath: pathname });
      if (fault && applyBefore(fault, res, null)) return;
      return serveResult(req, res, pathname, state, fault);
    }

    const mount = mountOf(pathname);
    if (!mount) return sendJson(res, 404, { error: `nothing is served at ${pathname}` });
    const { provider, routes } = mount;
    const relPath = pathname.slice(provider.basePath.length) || '/';
    const read = ['POST', 'PUT', 'PATCH'].includes(method) ? await readBody(req) : { body: null, error: null };
    const sim: SimRequest = { raw: req, method, path: relPath, url, body: read.body, bodyError: read.error };
    const create = routes.createOf(sim);
    const kind: RequestKind = create ? 'create' : routes.isDownload(sim) ? 'download' : 'api';
    const target = { method, pathname, provider: provider.id, relPath };
    const fault = state.faults.take(kind, target);
    // Creates are recorded with their body whatever happens next, so tests can count every
    // submission a client made (a retried create shows up twice here, never as two tasks).
    const record = (taskId: string | null, code: number) => {
      if (!create) return;
      state.recordCreate({ provider: provider.id, endpoint: create.endpoint, externalTaskId: create.idempotencyKey, body: sim.body, taskId, code });
    };
    if (fault && applyBefore(fault, res, routes)) {
      const code = fault.fault in ERROR_FAULTS ? routes.outcome(routes.faultAnswer(fault.fault as ErrorFault)).code : -1;
      return record(null, code);
    }

    let answer: SimAnswer | null;
    try {
      await routes.authenticate(sim);
      answer = await routes.handle(sim, res, fault);
    } catch (err) {
      const mapped = routes.errorAnswer(err);
      if (!mapped) throw err;
      answer = mapped;
    }
    if (answer === null) return; // streamed by the module (a download)
    const outcome = routes.outcome(answer);
    record(outcome.taskId, outcome.code);

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
    send(res, answer);
  }

  /** Applies a fault that replaces the answer; false when the fault acts later (or elsewhere). */
  function applyBefore(fault: FaultRule, res: ServerResponse, routes: SimRoutes | null): boolean {
    if (fault.fault in ERROR_FAULTS) {
      const e = ERROR_FAULTS[fault.fault as ErrorFault];
      send(res, routes ? routes.faultAnswer(fault.fault as ErrorFault) : { status: e.status, body: { error: e.message } });
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
      if (res.headersSent) return void res.destroy();
      const mount = mountOf(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      send(res, mount ? mount.routes.faultAnswer('server_error') : { status: 500, body: { error: 'Server internal error' } });
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
    baseUrl: rootUrl(),
    controlUrl: `${rootUrl()}/__control`,
    baseUrlOf: (id) => {
      const m = mounted.find((x) => x.provider.id === id);
      if (!m) throw new Error(`the simulator serves no provider "${id}" (serving: ${mounted.map((x) => x.provider.id).join(', ')})`);
      return `${rootUrl()}${m.provider.basePath}`;
    },
    apiKeyOf,
    providers: providers.map((p) => p.id),
    state,
    close: () =>
      new Promise<void>((done) => {
        runner.close();
        for (const m of mounted) m.routes.close?.();
        for (const res of hung) res.destroy();
        server.close(() => {
          if (ownDir) rmSync(dataDir, { recursive: true, force: true });
          done();
        });
        server.closeAllConnections();
      }),
  };
}

/** Kept for the Kling-era callers: the same simulator, every registered provider included. */
export const startKlingSimulator = startSimulator;

async function loadRegistered(): Promise<SimProvider[]> {
  const { REGISTERED } = await import('../registry.js');
  return Promise.all(REGISTERED.flatMap((r) => (r.simulator ? [r.simulator()] : [])));
}
