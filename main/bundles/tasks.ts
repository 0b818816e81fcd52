// Bundle exports and imports started from the UI: each runs in the background with an
// AbortController (Cancel), reports progress as events, and is remembered until restart so a
// window that opens later can ask how it went. After an import the new takes are announced and
// their hover-scrub strips made, as after a folder import.
import { randomUUID } from 'node:crypto';
import type { CoreEvent } from '../../shared/events.js';
import type { BundlePreviewInfo, BundleTaskInfo } from '../../shared/channels/bundles.js';
import { ContractError } from '../../shared/errors.js';
import { makeSprites, type PreviewContext } from '../import/sprites.js';
import { BundleError } from './errors.js';
import { exportBundle, type ExportOptions } from './export.js';
import { importBundle, previewBundle, type BundlePreview, type BundleWriteContext } from './import.js';

const MAX_LINES = 200;

export function previewInfo(p: BundlePreview): BundlePreviewInfo {
  return {
    path: p.path, kind: p.kind, exportedAt: p.exportedAt, appVersion: p.appVersion, scope: p.scope, projects: p.projects,
    files: p.files, bytes: p.bytes, newerExport: p.plan.newerExport, counts: p.plan.counts,
    updates: p.plan.updates.slice(0, MAX_LINES), conflicts: p.plan.conflicts.slice(0, MAX_LINES),
  };
}

/** A refusal the user must read, as a contract error (the preview is a direct call). */
export function asContractError(err: unknown): unknown {
  if (err instanceof BundleError) {
    const code = err.code === 'not_found' ? 'not_found' : err.code === 'cancelled' ? 'cancelled' : 'validation';
    return new ContractError(code, err.message, err.entry ? [{ field: err.entry, message: err.code }] : undefined);
  }
  return err;
}

export class BundleTasks {
  private readonly tasks = new Map<string, { info: BundleTaskInfo; abort: AbortController; done: Promise<void> }>();

  constructor(
    private readonly ctx: BundleWriteContext & PreviewContext,
    private readonly emit: (e: CoreEvent) => void,
    private readonly log: (msg: string) => void,
  ) {}

  get(taskId: string): BundleTaskInfo {
    const t = this.tasks.get(taskId);
    if (!t) throw new ContractError('not_found', `There is no bundle task ${taskId} (they are forgotten when Dailies restarts).`);
    return t.info;
  }

  cancel(taskId: string): { cancelled: boolean } {
    const t = this.tasks.get(taskId);
    if (!t || t.info.state !== 'running') return { cancelled: false };
    t.abort.abort();
    return { cancelled: true };
  }

  async preview(file: string): Promise<BundlePreviewInfo> {
    try {
      return previewInfo(await previewBundle(this.ctx, file));
    } catch (err) {
      throw asContractError(err);
    }
  }

  startExport(opts: Omit<ExportOptions, 'signal' | 'onProgress'>): string {
    return this.start('export', opts.destination, async (signal, onProgress) => {
      const res = await exportBundle(this.ctx, { ...opts, signal, onProgress });
      return { destination: res.destination, files: res.files, bytes: res.bytes, renders: res.manifest.renders.length };
    });
  }

  startImport(file: string): string {
    return this.start('import', file, async (signal, onProgress) => {
      const res = await importBundle(this.ctx, file, { signal, onProgress });
      if (res.plan.addedRenderIds.length) this.emit({ type: 'catalogue.changed', entity: 'renders', ids: res.plan.addedRenderIds });
      this.emit({ type: 'catalogue.changed', entity: 'projects', ids: res.plan.projectIds });
      void makeSprites(this.ctx, res.sprites, this.emit, this.log);
      return { files: res.files, bytes: res.bytes, renders: res.plan.counts.renders.added, preview: previewInfo(res) };
    });
  }

  /** Cancels what is running and waits for it to clean up (on shutdown). */
  async close(): Promise<void> {
    for (const t of this.tasks.values()) if (t.info.state === 'running') t.abort.abort();
    await Promise.all([...this.tasks.values()].map((t) => t.done));
  }

  private start(
    kind: BundleTaskInfo['kind'], path: string,
    run: (signal: AbortSignal, onProgress: (p: NonNullable<BundleTaskInfo['progress']>) => void) => Promise<NonNullable<BundleTaskInfo['result']>>,
  ): string {
    const taskId = randomUUID();
    const info: BundleTaskInfo = { taskId, kind, state: 'running', path, progress: null, result: null, error: null };
    const abort = new AbortController();
    const done = run(abort.signal, (progress) => {
      info.progress = progress;
      this.emit({ type: 'bundle.progress', taskId, progress });
    }).then(
      (result) => {
        info.state = 'done';
        info.result = result;
      },
      (err: unknown) => {
        if (err instanceof BundleError) {
          info.state = err.code === 'cancelled' ? 'cancelled' : 'failed';
          info.error = err.toJSON();
        } else {
          this.log(`bundle ${kind} failed: ${(err as Error).stack ?? String(err)}`);
          info.state = 'failed';
          info.error = { code: 'internal', message: `The ${kind} failed: ${(err as Error).message}` };
        }
      },
    ).finally(() => this.emit({ type: 'bundle.finished', task: { ...info } }));
    this.tasks.set(taskId, { info, abort, done });
    return taskId;
  }
}
