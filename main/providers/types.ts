// What every provider adapter is: a pure mapping between the provider-neutral task
// (shared/generation.ts) and one provider's HTTP wire format, plus how to read its answers and
// errors. Adapters never sleep, retry, persist or download: the job engine (main/jobs) owns
// timing, retries, state and files, so every provider gets the same durability.
import type { GenerationSpecParsed } from '../../shared/generation.js';
import type { ReferenceRole } from '../../shared/domain.js';
import type { ModelCapabilities, ProviderNotice } from '../../shared/jobs.js';
import type { SimProvider } from './simulator/provider.js';

export type { ModelCapabilities, ProviderNotice };

export interface HttpCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /**
   * Path (and query string, if any) below the account's base URL: appended to it, so a base URL
   * with a path of its own keeps it (Luma's https://api.lumalabs.ai/dream-machine/v1 +
   * /generations). An absolute http(s) URL is used as it is (fal's status_url).
   */
  path: string;
  json?: unknown;
  /** A multipart/form-data body instead of JSON (Sora takes its first frame as a file). */
  form?: { fields: Record<string, string>; files: { name: string; filename: string; mime: string; data: Buffer }[] };
  headers?: Record<string, string>;
}

/** How to fetch one finished video: where, and with which headers (the API key, for some). */
export interface DownloadRequest {
  url: string;
  headers: Record<string, string>;
}

export interface HttpResult {
  status: number;
  headers: Record<string, string>;
  /** Raw body text; `json` is its parse, or undefined when it was not JSON. */
  text: string;
  json: unknown;
}

/**
 * How the engine must treat a failure:
 * - money: the account cannot pay (arrears, pack exhausted). Stop, tell the user, never retry.
 * - load: rate or concurrency limits. Back off and retry (honouring retryAfterMs).
 * - policy: content-safety rejection. Terminal "rejected"; the prompt is kept for rewriting.
 * - auth_expired: the token expired. Re-sign once and retry at once.
 * - auth: wrong keys or no permission. Terminal until the user fixes the account.
 * - invalid: the request is wrong (bad parameters). Terminal, with the provider's reason.
 * - not_found: the task or input is unknown to the provider.
 * - server: 5xx, maintenance, malformed answers. Back off and retry.
 */
export type ErrorKind = 'money' | 'load' | 'policy' | 'auth_expired' | 'auth' | 'invalid' | 'not_found' | 'server';

export interface ProviderError {
  kind: ErrorKind;
  /** The provider's own code (Kling: "1302"), or the HTTP status when it gave none. */
  code: string;
  httpStatus: number;
  message: string;
  retryAfterMs?: number;
}

export type RemoteState = 'submitted' | 'running' | 'succeeded' | 'failed';

export interface RemoteVideo {
  /** The provider's id for the video (Kling: used by video-extend). */
  id: string;
  url: string;
  durationS: number | null;
}

/** A provider task as the provider reports it, mapped to neutral terms. */
export interface RemoteTask {
  providerTaskId: string;
  state: RemoteState;
  progress: number | null;
  message: string | null;
  /** Our idempotency key, when the provider echoes it (Kling: external_task_id). */
  idempotencyKey: string | null;
  videos: RemoteVideo[];
  /** Credits the provider says it actually charged (Kling: final_unit_deduction). */
  actualCredits: number | null;
  /** For failed tasks: why (a policy rejection is kind 'policy'). */
  failure: ProviderError | null;
  /**
   * Set on a succeeded task whose video link takes one more request (MiniMax: file_id → files/retrieve;
   * fal: the response_url). The engine sends it and reads the videos with parseResult.
   */
  resultCall?: HttpCall;
}

/** A library reference resolved to its file, for adapters that send it inline or by URL. */
export interface ResolvedInput {
  refId: number;
  role: ReferenceRole;
  path: string;
  mime: string;
  width: number | null;
  height: number | null;
  size: number;
  durationMs: number | null;
}

/** The render an edit starts from, with the provider's handles for it when it made it. */
export interface ResolvedParent {
  renderId: number;
  path: string;
  provider: string | null;
  providerVideoId: string | null;
  providerVideoUrl: string | null;
  width: number | null;
  height: number | null;
  durationMs: number | null;
}

export interface ResolvedTask {
  spec: GenerationSpecParsed;
  inputs: ResolvedInput[];
  parent: ResolvedParent | null;
}

export interface AccountCredentials {
  [field: string]: string;
}

export interface AdapterContext {
  baseUrl: string;
  credentials: AccountCredentials;
  now(): number;
  /** Reads a library file as base64 (no data: prefix), for providers that take inline images. */
  readBase64(path: string): Promise<string>;
  /** Sends one call with this adapter's auth; for multi-step submissions (e.g. identify-face). */
  send(call: HttpCall): Promise<HttpResult>;
  callbackUrl?: string;
}

export interface ValidationProblem {
  field: string;
  message: string;
}


export interface ProviderAdapter {
  readonly id: string;
  readonly label: string;
  /** Credential fields a user enters in Settings → Providers (secret ones are never echoed back). */
  readonly credentialFields: readonly { name: string; label: string; secret: boolean }[];
  readonly defaultBaseUrl: string;
  readonly models: readonly ModelCapabilities[];
  /** Most tasks this provider runs at once for one account. */
  readonly concurrency: number;

  /** Problems with the task against the documented limits, each saying what to change. */
  validate(task: ResolvedTask): ValidationProblem[];
  /**
   * Credits for the task at these prices: the provider's table from shared/pricing/<id>.ts with
   * the user's own prices in place (the core passes it; see main/catalogue/prices.ts). Pure
   * arithmetic over the table, so the core can tell which prices were read.
   */
  estimateCredits(spec: GenerationSpecParsed, prices: object): number;
  /** Auth headers; called for every request (Kling mints a fresh JWT each time). */
  authHeaders(ctx: Pick<AdapterContext, 'credentials' | 'now'>): Promise<Record<string, string>>;

  /**
   * The create request. It may first talk to the provider through ctx.send (Kling's lip sync
   * identifies the face); a refusal there is thrown as an Error carrying `providerError`.
   */
  createCall(task: ResolvedTask, idempotencyKey: string, ctx: AdapterContext): Promise<HttpCall>;
  queryCall(task: ResolvedTask, providerTaskId: string): HttpCall;
  /**
   * Finds the task a create may have made, to reconcile after a crash (or a lost answer)
   * between send and store. Kling looks it up by our key (external_task_id); Luma lists its
   * generations and matches the per-job callback address we sent, which it echoes (only when a
   * public callback address is set: ctx.callbackUrl). Null when nothing we send identifies the
   * task (Veo, Sora, Runway, MiniMax, fal; see docs/adding-a-provider.md): the engine then
   * parks the job as 'unconfirmed' for the user instead of risking a second paid task.
   */
  findCall(task: ResolvedTask, idempotencyKey: string, ctx?: Pick<AdapterContext, 'callbackUrl'>): HttpCall | null;
  /**
   * Set when findCall searches a listing (Luma) rather than asking for one key: a miss there
   * proves nothing (the list is paged, the callback address may have changed since), so the
   * engine parks the job rather than send again. Kling's lookup is exact, and Kling refuses a
   * second task under the same key anyway.
   */
  readonly findByListing?: boolean;

  /** Null when the answer is a success; otherwise what kind of failure it is. */
  classify(result: HttpResult): ProviderError | null;
  parseCreate(result: HttpResult): RemoteTask;
  /** providerTaskId is the id the query was for (fal's status answer does not repeat it). */
  parseQuery(result: HttpResult, providerTaskId?: string): RemoteTask;
  /** Our task in a find answer (by idempotency key, or by callback address), or null if it is not there. */
  parseFind(result: HttpResult, idempotencyKey: string, ctx?: Pick<AdapterContext, 'callbackUrl'>): RemoteTask | null;

  /**
   * How to download a finished video (default: GET video.url as it is, no headers). Sora's
   * content endpoint and Veo's file URI need the API key; a relative url is below the base URL.
   * Called before every download attempt, so it may also fetch a fresh link.
   */
  downloadRequest?(video: { id: string | null; url: string }, ctx: AdapterContext): Promise<DownloadRequest>;
  /** How long the provider keeps a result downloadable (Sora 1 h … Kling 30 days); the engine downloads at once. */
  readonly resultTtlMs?: number;
  /** Something the user must know before choosing this provider (Sora 2: OpenAI is shutting its video API down). */
  readonly notice?: ProviderNotice;

  /** The videos in the answer to a RemoteTask's resultCall. */
  parseResult?(result: HttpResult, remote: RemoteTask): RemoteVideo[];
  /** Asks the provider to stop a task (Runway DELETE, fal PUT cancel); absent when it has no such call. */
  cancelCall?(task: ResolvedTask, providerTaskId: string): HttpCall;

  accountCall?(now: number): HttpCall;
  parseAccount?(result: HttpResult): { remainingCredits: number | null };
  /**
   * A cheap authenticated request for Settings' "Test connection" (defaults to accountCall). An
   * answer that is not an auth failure proves the keys and the base URL; a not_found counts as
   * success for providers whose only cheap call is a lookup of an unknown task.
   */
  testCall?(now: number): HttpCall;
}

/** One line of main/providers/registry.ts: a provider's adapter and its simulated API. */
export interface ProviderRegistration {
  adapter: ProviderAdapter;
  /**
   * Its simulated API, loaded lazily: only a running simulator needs it (the app's demo, tests,
   * `npm run simulator`). Null while a provider has none yet.
   */
  simulator: (() => Promise<SimProvider>) | null;
}
