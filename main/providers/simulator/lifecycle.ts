// A task's life: submitted → (queue delay) → processing → (render + processing time) →
// succeed | failed. Credits are charged on success only; every status change is POSTed to the
// task's callback_url (best effort, wrapped in the envelope). Clips render on a small queue so
// a burst of tasks never starts unbounded ffmpeg processes.
import path from 'node:path';
import pLimit from 'p-limit';
import { envelope } from './wire.js';
import { unitsString } from './models.js';
import { renderClip, type RenderEnv } from './render.js';
import type { SimTask, SimulatorState, TaskStatus } from './state.js';

const RENDER_CONCURRENCY = 2;
export const POLICY_FAIL_MSG = 'Failure to pass the risk control system: the generated content may violate content safety rules. Rewrite the prompt and try again.';

/** A task as Kling's query endpoint returns it. */
export function taskJson(t: SimTask) {
  const done = t.status === 'succeed' || t.status === 'failed';
  const v = t.video;
  return {
    task_id: t.taskId,
    task_status: t.status,
    task_status_msg: t.statusMsg,
    task_info: {
      external_task_id: t.externalTaskId ?? '',
      ...(t.parentVideo ? { parent_video: { id: t.parentVideo.id, url: t.parentVideo.url, duration: String(t.parentVideo.durationS) } } : {}),
    },
    ...(done ? { final_unit_deduction: unitsString(t.charged ?? 0) } : {}),
    watermark_info: t.watermark,
    task_result: {
      videos: v
        ? [{ id: v.id, url: v.url, duration: String(v.durationS), ...(t.watermark.enabled ? { watermark_url: `${v.url}?watermark=1` } : {}) }]
        : [],
    },
    created_at: t.createdAt,
    updated_at: t.updatedAt,
  };
}

export class TaskRunner {
  private readonly limit = pLimit(RENDER_CONCURRENCY);
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly state: SimulatorState,
    private readonly env: RenderEnv,
    private readonly baseUrl: () => string,
    private readonly log: (line: string) => void,
  ) {}

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
    const url = t.callbackUrl;
    const status = t.status;
    const record = { url, taskId: t.taskId, status, ok: false, at: Date.now() };
    this.state.callbacks.push(record);
    fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(envelope(0, 'SUCCEED', taskJson(t))),
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
    await renderClip(t.render, file, this.env, path.join(this.env.dataDir, 'work', t.taskId));
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
      expiresAt: now + this.state.timing.resultTtlMs,
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
    t.video.expiresAt = Date.now() + this.state.timing.resultTtlMs;
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
