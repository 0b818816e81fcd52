// Everything the simulator remembers, for every provider it serves: tasks, the videos it made,
// the credit balance, Kling's custom elements and face sessions, and a record of what clients
// sent (so tests can assert request shapes and duplicate submissions). Pure bookkeeping: no
// HTTP, no timers, no ffmpeg.
import { randomInt, randomUUID } from 'node:crypto';
import type { RenderSpec } from './render-spec.js';
import { FaultBook } from './faults.js';
import { imageSize } from './image-size.js';

/** The lifecycle's states (each provider maps them to its own words: Sora "in_progress"…). */
export type TaskStatus = 'submitted' | 'processing' | 'succeed' | 'failed';

export interface SimVideo {
  id: string;
  taskId: string;
  file: string;
  url: string;
  durationS: number;
  width: number;
  height: number;
  createdAt: number;
  expiresAt: number;
}

export interface SimTask {
  taskId: string;
  /** Which provider module owns the task ('kling', 'veo', …). */
  provider: string;
  /** The provider's create route, as recorded (Kling: "text2video"). */
  endpoint: string;
  model: string;
  externalTaskId: string | null;
  status: TaskStatus;
  statusMsg: string;
  createdAt: number;
  updatedAt: number;
  /** Price of this task; reserved from the balance at create, charged on success only. */
  units: number;
  charged: number | null;
  watermark: { enabled: boolean };
  callbackUrl: string | null;
  parentVideo: SimVideo | null;
  render: RenderSpec;
  /** Set by the policy_fail fault: the task ends failed with this message. */
  failWith: string | null;
  video: SimVideo | null;
  /** Provider-specific facts kept with the task (Sora's size and seconds, Veo's operation name…). */
  meta: Record<string, unknown>;
}

export interface CreateRecord {
  provider: string;
  endpoint: string;
  externalTaskId: string | null;
  /** The request body as received (inline base64 shortened so the state stays small). */
  body: unknown;
  /** The answer it got: task id, or the error code. */
  taskId: string | null;
  code: number;
  at: number;
}

export interface Element {
  element_id: string;
  element_name: string;
  element_description: string;
  element_frontal_image: string;
  element_refer_list: unknown[];
  status: 'succeed';
  created_at: number;
  updated_at: number;
}

export interface FaceSession {
  sessionId: string;
  video: { file: string; url: string; durationS: number; width: number; height: number; videoId: string | null };
  faces: { face_id: string; face_image: string; start_time: number; end_time: number }[];
}

export interface Timing {
  queueDelayMs: number;
  processingMs: number;
  resultTtlMs: number;
  /** Minimum spacing of /account/costs calls (Kling documents QPS ≤ 1). */
  accountCostsIntervalMs: number;
  /** Most tasks in flight at once; more answers 429/1303. */
  concurrency: number;
}

/**
 * Shortens long strings (inline images, audio) so recorded bodies stay readable in tests. An
 * inline image keeps its format and size ("… png 1280x720"), so a test can check that a mask
 * matches its frame without the bytes.
 */
export function summarizeBody(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return `(${value.length} bytes)`;
  if (typeof value === 'string') return value.length > 256 ? `${value.slice(0, 32)}…(${value.length} chars)${inlineImageNote(value)}` : value;
  if (Array.isArray(value)) return value.map(summarizeBody);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, summarizeBody(v)]));
  return value;
}

function inlineImageNote(value: string): string {
  if (!/^[A-Za-z0-9+/]/.test(value)) return '';
  // The header is enough for the size: PNG's IHDR, or a JPEG's first SOF within 64 KB.
  const size = imageSize(Buffer.from(value.slice(0, 90_000), 'base64'));
  return size ? ` ${size.ext} ${size.width}x${size.height}` : '';
}

export class SimulatorState {
  readonly tasks = new Map<string, SimTask>();
  readonly byExternal = new Map<string, string>();
  readonly videos = new Map<string, SimVideo>();
  readonly elements = new Map<string, Element>();
  readonly faceSessions = new Map<string, FaceSession>();
  readonly creates: CreateRecord[] = [];
  /** Every create attempt per external_task_id, accepted or not: more than one means a client resubmitted. */
  readonly createCountByExternal = new Map<string, number>();
  readonly callbacks: { url: string; taskId: string; status: TaskStatus; ok: boolean; at: number }[] = [];
  readonly faults = new FaultBook();
  balance: number;
  readonly initialCredits: number;
  timing: Timing;
  lastAccountCostsAt = 0;
  /** Result-link lifetime per provider other than Kling (Kling's is timing.resultTtlMs). */
  readonly resultTtlByProvider = new Map<string, number>();
  /** How many faces Kling's identify-face finds in any clip (a clip with several speakers when > 1). */
  facesPerClip = 1;

  constructor(initialCredits: number, timing: Timing) {
    this.balance = initialCredits;
    this.initialCredits = initialCredits;
    this.timing = timing;
  }

  /** Kling task ids are long decimal strings. */
  newTaskId(): string {
    let id: string;
    do id = String(randomInt(1e8, 1e9 - 1)) + String(randomInt(1e8, 1e9 - 1)); while (this.tasks.has(id));
    return id;
  }

  newVideoId(): string {
    return randomUUID();
  }

  resultTtlMs(provider: string): number {
    return provider === 'kling' ? this.timing.resultTtlMs : this.resultTtlByProvider.get(provider) ?? this.timing.resultTtlMs;
  }

  /** Credits held by tasks that have not finished: a new task must fit in what is left. */
  reserved(): number {
    let sum = 0;
    for (const t of this.tasks.values()) if (t.status === 'submitted' || t.status === 'processing') sum += t.units;
    return sum;
  }

  /** Tasks not yet finished, of one provider (each provider's account has its own slots). */
  inFlight(provider?: string): number {
    let n = 0;
    for (const t of this.tasks.values()) if ((t.status === 'submitted' || t.status === 'processing') && (!provider || t.provider === provider)) n++;
    return n;
  }

  /** Why a new task cannot start now, or null: the shared concurrency and credit checks. */
  admit(provider: string, units: number): { refused: 'concurrency' | 'credits'; message: string } | null {
    if (this.inFlight(provider) >= this.timing.concurrency) {
      return { refused: 'concurrency', message: `Parallel tasks exceed the limit (${this.timing.concurrency} at once)` };
    }
    const left = Math.max(0, this.balance - this.reserved());
    if (left < units) return { refused: 'credits', message: `Insufficient credits: this task needs ${units}, ${left} are left` };
    return null;
  }

  recordCreate(rec: Omit<CreateRecord, 'at' | 'body'> & { body: unknown }): void {
    this.creates.push({ ...rec, body: summarizeBody(rec.body), at: Date.now() });
    if (rec.externalTaskId) this.createCountByExternal.set(rec.externalTaskId, (this.createCountByExternal.get(rec.externalTaskId) ?? 0) + 1);
  }

  setBalance(units: number): void {
    this.balance = units;
  }

  /** What GET /__control/state returns: plain JSON. */
  snapshot() {
    const createsByEndpoint: Record<string, unknown[]> = {};
    const createsByExternalTaskId: Record<string, unknown[]> = {};
    for (const c of this.creates) {
      (createsByEndpoint[c.endpoint] ??= []).push(c);
      if (c.externalTaskId) (createsByExternalTaskId[c.externalTaskId] ??= []).push(c);
    }
    return {
      balance: this.balance,
      reserved: this.reserved(),
      initialCredits: this.initialCredits,
      timing: this.timing,
      creates: this.creates,
      createsByEndpoint,
      createsByExternalTaskId,
      createCountByExternalTaskId: Object.fromEntries(this.createCountByExternal),
      resultTtlByProvider: Object.fromEntries(this.resultTtlByProvider),
      tasks: [...this.tasks.values()].map((t) => ({
        task_id: t.taskId,
        provider: t.provider,
        endpoint: t.endpoint,
        model: t.model,
        external_task_id: t.externalTaskId,
        status: t.status,
        status_msg: t.statusMsg,
        units: t.units,
        charged: t.charged,
        parent_video_id: t.parentVideo?.id ?? null,
        video_id: t.video?.id ?? null,
        render: { ...t.render, ...renderSummary(t.render) },
        meta: summarizeBody(t.meta),
      })),
      videos: [...this.videos.values()].map(({ file: _file, ...v }) => v),
      elements: [...this.elements.values()],
      callbacks: this.callbacks,
      faults: this.faults.snapshot(),
    };
  }
}

/** The render plan without inline bytes: which inputs it uses, and where. */
function renderSummary(r: RenderSpec) {
  const ref = (m: RenderSpec['background']) => (!m ? undefined : m.kind === 'inline' ? `inline ${m.ext} (${m.bytes.length} bytes)` : m.kind === 'url' ? m.url : 'file');
  return {
    background: ref(r.background),
    tail: ref(r.tail),
    tiles: r.tiles?.map(ref),
    staticMask: ref(r.staticMask),
    audio: ref(r.audio),
    source: r.source ? { edit: r.source.edit, ref: ref(r.source.ref), durationS: r.source.durationS } : undefined,
  };
}
