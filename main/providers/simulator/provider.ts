// What one provider's simulated API is to the simulator server. The server owns the socket, the
// control API, fault switches, the task lifecycle, the ffmpeg renderer and the credit balance;
// a provider module (main/providers/<id>/simulator/) only speaks its wire format: it decides
// which requests create tasks or download files, checks auth, answers its routes, and phrases
// the shared fault kinds (429, 5xx, policy, credits…) the way that provider does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorFault, FaultRule } from './faults.js';
import type { SimTask, SimVideo, SimulatorState } from './state.js';
import type { TaskRunner } from './lifecycle.js';
import type { MediaTools } from '../../store/tools.js';

/** A JSON answer (the server serializes it; `malformed_json` cuts it in half). */
export interface SimAnswer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** A request as a provider module sees it, with its body already read. */
export interface SimRequest {
  raw: IncomingMessage;
  method: string;
  /** The path below the provider's basePath (the real service's path). */
  path: string;
  url: URL;
  /** JSON object or multipart fields (files as SimFile); null when there is no body. */
  body: Record<string, unknown> | null;
  /** Why the body could not be read (not JSON, too large), for the module to answer in its format. */
  bodyError: string | null;
}

export interface SimFile {
  filename: string;
  type: string;
  bytes: Buffer;
}

export interface SimContext {
  state: SimulatorState;
  runner: TaskRunner;
  tools: MediaTools;
  dataDir: string;
  /** The server's root, e.g. http://127.0.0.1:41234. */
  rootUrl(): string;
  /** This provider's base URL on the simulator (root + basePath). */
  baseUrl(): string;
  /** The API key the simulator accepts for this provider (options.apiKeys[id] or the default). */
  apiKey: string;
  options: SimulatorOptionsBase;
  /** A finished, unexpired video by id or by one of our /results URLs. */
  liveVideo(id: string): SimVideo | null;
  videoByUrl(url: string): SimVideo | null;
  /**
   * Streams a result file the way a CDN does (Range, Content-Length, truncation/expiry faults);
   * `gone` answers an unknown (expired false) or expired file in the provider's own format.
   */
  serveVideo(req: IncomingMessage, res: ServerResponse, video: SimVideo | null, fault: FaultRule | null, gone?: (res: ServerResponse, expired: boolean) => void): Promise<void>;
  log(line: string): void;
}

/** Options every provider may read (the server's own options). */
export interface SimulatorOptionsBase {
  accessKey: string;
  secretKey: string;
  apiKeys?: Record<string, string>;
}

export interface CreateInfo {
  /** What the simulator records as the endpoint (Kling: "text2video"; Sora: "videos"). */
  endpoint: string;
  /** Our idempotency key when the provider takes one (Kling's external_task_id). */
  idempotencyKey: string | null;
}

export interface SimRoutes {
  /** Non-null when the request creates a task (policy/credit faults hit only these). */
  createOf(req: SimRequest): CreateInfo | null;
  /** True for requests that fetch a result file (download faults hit only these). */
  isDownload(req: SimRequest): boolean;
  /** Throws the provider's auth error when the request's credentials are wrong. */
  authenticate(req: SimRequest): Promise<void> | void;
  /** Answers one API request; null when it streamed its own answer (downloads). Throws its errors. */
  handle(req: SimRequest, res: ServerResponse, fault: FaultRule | null): Promise<SimAnswer | null>;
  /** A thrown error in this provider's format; null for errors that are not its own. */
  errorAnswer(err: unknown): SimAnswer | null;
  /** One of the shared fault kinds, phrased as this provider answers it. */
  faultAnswer(fault: ErrorFault): SimAnswer;
  /** From a create's answer: the task it made, and the provider's code (HTTP status if it has none). */
  outcome(answer: SimAnswer): { taskId: string | null; code: number };
  /** The body POSTed to a task's callback URL on each status change (providers with callbacks). */
  callbackBody?(task: SimTask): unknown;
  close?(): void;
}

export interface SimProvider {
  id: string;
  /** Where this provider's API is mounted: '' (the root: Kling, for its existing clients) or '/<id>'. */
  basePath: string;
  /** How long result links live by default (Kling 30 days, Sora 1 h, MiniMax 9 h…). */
  resultTtlMs: number;
  routes(ctx: SimContext): SimRoutes;
}
