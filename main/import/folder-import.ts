// "Import a folder…": walks the folder, imports files on the media pool, reports progress as
// events (throttled), keeps a summary per import, then makes hover-scrub sprites in the background.
// A file's summary line is written once its poster shows it decodes (decode-check.ts): hashing
// and probing go on meanwhile, so the posters are the only ffmpeg work on the way.
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import os from 'node:os';
import type { ImportFileOutcome, ImportSummary } from '../../shared/domain.js';
import type { CoreEvent } from '../../shared/events.js';
import { ContractError } from '../../shared/errors.js';
import type { RunningImport } from '../../shared/channels/library.js';
import { importFile, type ImportContext } from './import-file.js';
import { describeFsError, walkFolder } from './walk.js';
import { makeSprites, type PreviewContext, type SpriteJob } from './sprites.js';
import { checkDecodes } from './decode-check.js';

const PROGRESS_EVERY_MS = 100;

export class FolderImports {
  private readonly summaries = new Map<string, ImportSummary>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly ctx: Omit<ImportContext, 'projectId'> & PreviewContext,
    private readonly emit: (e: CoreEvent) => void,
  ) {}

  get(importId: string): ImportSummary {
    const s = this.summaries.get(importId);
    if (!s) throw new ContractError('not_found', `There is no import ${importId} (imports are forgotten when Dailies restarts).`);
    return s;
  }

  /**
   * Starts an import and returns its id at once; the work continues in the background.
   * `asReferences`: everything goes to the reference library, videos as source videos (an
   * import started from the References view); otherwise videos become takes.
   */
  start(folder: string, projectId?: number, opts: { asReferences?: boolean } = {}): string {
    if (!path.isAbsolute(folder)) {
      throw new ContractError('validation', 'Choose a folder by its full path.', [{ field: 'path', message: 'must be an absolute path' }]);
    }
    const importId = randomUUID();
    const summary: ImportSummary = {
      importId, folder: path.resolve(folder), total: 0, imported: 0, duplicates: 0, failed: 0, ignored: 0, files: [], finishedAt: null,
    };
    this.summaries.set(importId, summary);
    const as: Partial<ImportContext> = opts.asReferences ? { imagesAs: 'reference', videosAs: 'reference' } : {};
    const run = this.run(summary, projectId, as).catch((err) => {
      summary.error = describeFsError(err);
      summary.finishedAt = Date.now();
      this.emit({ type: 'import.finished', summary });
    });
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return importId;
  }

  /** Imports not finished yet, without their file lines (a window that opens mid-import shows them). */
  stillRunning(): RunningImport[] {
    return [...this.summaries.values()]
      .filter((s) => s.finishedAt === null)
      .map(({ importId, folder, total, imported, duplicates, failed, ignored }) => ({ importId, folder, total, imported, duplicates, failed, ignored }));
  }

  /** Resolves when every import started so far has finished (used on shutdown and in tests). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  private async run(summary: ImportSummary, projectId: number | undefined, as: Partial<ImportContext>): Promise<void> {
    const folderStat = await stat(summary.folder).catch((err: unknown) => {
      throw Object.assign(new Error(describeFsError(err)), { code: (err as NodeJS.ErrnoException).code });
    });
    if (!folderStat.isDirectory()) throw Object.assign(new Error('It is not a folder.'), { code: 'ENOTDIR' });

    const walk = await walkFolder(summary.folder);
    summary.total = walk.files.length + walk.errors.length;
    for (const e of walk.errors) this.record(summary, { path: e.path, status: 'failed', reason: `Folder not read: ${e.reason}` });

    // New rows are announced with each progress tick, so the grid fills in while a large
    // folder is still importing rather than all at once at the end.
    let newRenders: number[] = [];
    let newRefs: number[] = [];
    const announce = () => {
      if (newRenders.length) this.emit({ type: 'catalogue.changed', entity: 'renders', ids: newRenders });
      if (newRefs.length) this.emit({ type: 'catalogue.changed', entity: 'references', ids: newRefs });
      newRenders = [];
      newRefs = [];
    };
    let lastEmit = 0;
    const progress = (current: string | null, force = false) => {
      const now = Date.now();
      if (!force && now - lastEmit < PROGRESS_EVERY_MS) return;
      lastEmit = now;
      announce();
      const { importId, folder, total, imported, duplicates, failed, ignored } = summary;
      this.emit({
        type: 'import.progress', importId, folder, total, done: imported + duplicates + failed + ignored,
        imported, duplicates, failed, ignored, current,
      });
    };
    progress(null, true);

    const sprites: SpriteJob[] = [];
    // Files go through the pipeline a few at a time; the ffmpeg work inside is bounded by the pool.
    const files = pLimit(Math.max(2, os.availableParallelism()));
    await Promise.all(
      walk.files.map(async (file) => {
        let outcome = await files(() => importFile({ ...this.ctx, ...as, projectId }, file));
        if (outcome.check) {
          const decoded = await checkDecodes(this.ctx, outcome.check, this.emit);
          if (decoded.ok === false) outcome = { path: file, status: 'failed', reason: decoded.reason };
        }
        if (outcome.status === 'imported') {
          if (outcome.renderId) newRenders.push(outcome.renderId);
          if (outcome.referenceId) newRefs.push(outcome.referenceId);
          if (outcome.kind === 'video' && outcome.sha256 && outcome.ext && outcome.durationMs) {
            sprites.push({ sha256: outcome.sha256, ext: outcome.ext, durationMs: outcome.durationMs });
          }
        }
        const { sha256: _s, durationMs: _d, ext: _e, check: _c, ...line } = outcome;
        this.record(summary, line);
        progress(file);
      }),
    );
    summary.files.sort((a, b) => a.path.localeCompare(b.path));
    summary.finishedAt = Date.now();
    progress(null, true);
    this.emit({ type: 'import.finished', summary });
    await makeSprites(this.ctx, sprites, this.emit);
  }

  private record(summary: ImportSummary, line: ImportFileOutcome): void {
    summary.files.push(line);
    if (line.status === 'imported') summary.imported++;
    else if (line.status === 'duplicate') summary.duplicates++;
    else if (line.status === 'failed') summary.failed++;
    else summary.ignored++;
  }
}
