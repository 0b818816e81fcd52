// A task's life, the same for every simulated provider: submitted → (queue delay) →
// processing → (render + processing time) → succeed | failed. Credits are charged on success
// only; every status change is POSTed to the task's callback URL (best effort, in the body its
// provider module gives). Clips render on a small queue so a burst of tasks never starts
// unbounded ffmpeg processes.
import path from 'node:path';
import pLimit from 'p-limit';
import { renderClip, type RenderEnv } from './render.js';
import type { SimTask, SimulatorState, TaskStatus } from './state.js';

const RENDER_CONCURRENCY = 2;
/** The message of a task failed by the policy_fail fault (modules show it in their own words). */
export const POLICY_FAIL_MSG = 'Failure to pass the risk control system: the generated content may violate content safety rules. Rewrite the prompt and try again.';

export class TaskRunner {
  private readonly limit = pLimit(RENDER_CONCURRENCY);
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly state: SimulatorState,
    private readonly env: RenderEnv,
    private readonly baseUrl: () => string,
    private readonly log: (line: string) => void,
    /** The callback body for a task, from its provider module (null: the provider has none). */
    private readonly callbackBody: (t: SimTask) => unknown = () => null,
  ) {}

  /** Stores a new task and starts its life. */
  add(t: SimTask): void {
    this.state.tasks.set(t.taskId, t);
    if (t.externalTaskId) this.state.byExternal.set(t.externalTaskId, t.taskId);
    this.notify(t);
    this.start(t);
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) fn();
    }, ms);
    this.timers.add(timer);
  }

  private set(t: SimTask, status: TaskStatus, msg = ''): void {
    t.status = status;
    t.statusMsg = msg;
    t.updatedAt = Date.now();
    this.notify(t);
  }

  notify(t: SimTask): void {
    if (!t.callbackUrl) return;
    const body = this.callbackBody(t);
    if (body === null || body === undefined) return;
    const url = t.callbackUrl;
    const status = t.status;
    const record = { url, taskId: t.taskId, status, ok: false, at: Date.now() };
    this.state.callbacks.push(record);
    fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    })
      .then((res) => {
        record.ok = res.ok;
        return res.body?.cancel();
      })
      .catch(() => {});
  }

  start(t: SimTask): void {
    this.later(this.state.timing.queueDelayMs, () => {
      this.set(t, 'processing');
      const started = Date.now();
      const rendered = t.failWith ? Promise.resolve() : this.limit(() => this.render(t));
      rendered
        .then(() => {
          const left = Math.max(0, this.state.timing.processingMs - (Date.now() - started));
          this.later(left, () => this.finish(t, null));
        })
        .catch((err: Error) => {
          this.log(`simulator: task ${t.taskId} failed to render: ${err.message}`);
          this.finish(t, `Task failed: ${err.message}`);
        });
    });
  }

  private async render(t: SimTask): Promise<void> {
    if (this.closed) return;
    const id = this.state.newVideoId();
    const file = path.join(this.env.dataDir, 'results', `${id}.mp4`);
    await renderClip(t.render, file, this.env, path.join(this.env.dataDir, 'work', t.taskId.replace(/[^\w.-]/g, '_')));
    const now = Date.now();
    t.video = {
      id,
      taskId: t.taskId,
      file,
      url: `${this.baseUrl()}/results/${id}.mp4`,
      durationS: t.render.durationS,
      width: t.render.width,
      height: t.render.height,
      createdAt: now,
      expiresAt: now + this.state.resultTtlMs(t.provider),
    };
  }

  private finish(t: SimTask, error: string | null): void {
    const msg = t.failWith ?? error;
    if (msg || !t.video) {
      t.video = null;
      t.charged = 0;
      this.set(t, 'failed', msg ?? 'Task failed');
      return;
    }
    // The URL's clock starts when the task succeeds, as a client sees it.
    t.video.expiresAt = Date.now() + this.state.resultTtlMs(t.provider);
    this.state.videos.set(t.video.id, t.video);
    this.state.balance = Math.round((this.state.balance - t.units) * 100) / 100;
    t.charged = t.units;
    this.set(t, 'succeed');
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.limit.clearQueue();
  }
}

/** Render progress 0..1 as a provider reports it: by time spent processing, 1 when done. */
export function progressOf(t: SimTask, state: SimulatorState): number {
  if (t.status === 'succeed') return 1;
  if (t.status !== 'processing') return 0;
  const share = (Date.now() - t.updatedAt) / Math.max(1, state.timing.processingMs);
  return Math.min(0.95, Math.max(0.05, Math.round(share * 100) / 100));
}
