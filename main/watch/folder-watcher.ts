// One watched folder: a chokidar watcher, the stability check, and the import queue feeding the
// same per-file import as "Import a folder…". Every path is imported at most once at a time, and
// a path whose size and mtime match what was catalogued there is not hashed again, so restarts
// and rescans of a large folder cost a stat per file.
import { stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Stats } from 'node:fs';
import type { LimitFunction } from 'p-limit';
import type { CoreEvent } from '../../shared/events.js';
import type { WatchFolder, WatchStatus } from '../../shared/channels/watch.js';
import { mediaTypeOf } from '../../shared/media-types.js';
import type { WatchFolderRow } from '../catalogue/watch-folders.js';
import { saveWatchStatus } from '../catalogue/watch-folders.js';
import { currentLocation, currentLocationsUnder, markGone } from '../catalogue/locations.js';
import { importFile, type ImportedFile } from '../import/import-file.js';
import { makeSprites, type PreviewContext, type SpriteJob } from '../import/sprites.js';
import { checkDecodes } from '../import/decode-check.js';
import { isSidecar, readSidecar, SidecarError, sidecarPathFor } from '../import/metadata/file-metadata.js';
import { SIDECAR_SUFFIX } from '../../shared/sidecar.js';
import { applyLateSidecar, lastSeenAt } from '../import/metadata/late-sidecar.js';
import { isInside } from '../store/layout.js';
import { isIgnoredName, PathFilter } from './file-names.js';
import { StabilityTracker } from './stability.js';

export interface WatcherDeps {
  ctx: PreviewContext;
  emit: (e: CoreEvent) => void;
  log: (msg: string) => void;
  /** Shared by every watched folder: how many files are hashed/probed at once. */
  files: LimitFunction;
  stabilityMs: number;
}

const STATUS_EVERY_MS = 250;
const ARRIVALS_EVERY_MS = 250;

interface Arrivals {
  imported: number; duplicates: number; moved: number; failed: number;
  names: string[]; errors: { path: string; reason: string }[];
  renders: number[]; references: number[]; missing: string[]; found: string[];
}
const noArrivals = (): Arrivals => ({
  imported: 0, duplicates: 0, moved: 0, failed: 0, names: [], errors: [], renders: [], references: [], missing: [], found: [],
});

export class FolderWatcher {
  private watcher: FSWatcher | null = null;
  private tracker: StabilityTracker | null = null;
  /** Sidecars (`<media>.dailies.json`) settle on their own clock; they are not files to import. */
  private sidecars: StabilityTracker | null = null;
  /** The sidecar version (size, mtime) each import of this session found beside its media. */
  private readonly sidecarRead = new Map<string, string>();
  private filter: PathFilter;
  /** Media files present in the folder, as far as the watcher knows. */
  private readonly present = new Set<string>();
  /** Files found by the initial scan and not yet dealt with: the scan's progress. */
  private readonly initial = new Set<string>();
  private readonly importing = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly goneChecks = new Map<string, NodeJS.Timeout>();
  private readonly work = new Set<Promise<unknown>>();
  private status: WatchStatus;
  private lastError: string | null;
  private scan: { total: number; done: number; ready: boolean } | null = null;
  private statusTimer: NodeJS.Timeout | null = null;
  private arrivals = noArrivals();
  private arrivalsTimer: NodeJS.Timeout | null = null;
  private sprites: SpriteJob[] = [];
  private heldChecks: (() => void)[] = [];
  private closed = false;

  constructor(private row: WatchFolderRow, private readonly deps: WatcherDeps) {
    this.filter = new PathFilter(row.path, row.include, row.exclude);
    this.status = row.paused ? 'paused' : 'starting';
    this.lastError = row.lastError;
  }

  get id(): number {
    return this.row.id;
  }

  info(): WatchFolder {
    const scan = this.scan ? { total: this.scan.total, done: Math.min(this.scan.done, this.scan.total) } : null;
    return { ...this.row, status: this.status, filesSeen: this.present.size, lastError: this.lastError, scan };
  }

  async start(): Promise<void> {
    if (this.row.paused) {
      this.setStatus('paused');
      return;
    }
    const root = this.row.path;
    const st = await stat(root).catch((err: NodeJS.ErrnoException) => err);
    if (st instanceof Error || !st.isDirectory()) {
      this.lastError = st instanceof Error && st.code !== 'ENOENT'
        ? `The folder cannot be read: ${st.message}`
        : 'The folder no longer exists (moved, renamed or on a disk that is not connected).';
      this.setStatus('error');
      return;
    }
    this.scan = { total: 0, done: 0, ready: false };
    this.setStatus('scanning');
    this.tracker = new StabilityTracker(
      this.deps.stabilityMs,
      (file, seen) => this.enqueue(file, seen),
      (file) => this.fileGone(file),
    );
    this.sidecars = new StabilityTracker(this.deps.stabilityMs, (file, seen) => this.sidecarSettled(file, seen));
    const library = this.deps.ctx.layout.root;
    const watcher = watch(root, {
      ignoreInitial: false,
      // Symlinked files are imported (their content); symlinked folders are not entered, so a
      // link can never lead a watcher out of the folder or round a loop.
      followSymlinks: false,
      alwaysStat: true,
      ...(this.row.recursive ? {} : { depth: 0 }),
      ignored: (p: string) => isIgnoredName(root, p) || (p !== root && isInside(library, p)),
    });
    this.watcher = watcher;
    watcher.on('add', (p: string, s?: Stats) => this.seen(p, s, !this.scan?.ready));
    watcher.on('change', (p: string, s?: Stats) => this.seen(p, s, false));
    watcher.on('unlink', (p: string) => this.unlinked(p));
    watcher.on('unlinkDir', (p: string) => {
      if (p === root) {
        this.lastError = 'The folder was deleted or moved away.';
        this.setStatus('error');
      }
    });
    watcher.on('error', (err: unknown) => {
      this.lastError = `Watching failed: ${(err as Error).message}`;
      this.deps.log(`watch ${root}: ${(err as Error).stack ?? String(err)}`);
      this.setStatus('error');
    });
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    if (this.closed) return;
    this.scan.ready = true;
    // Places catalogued under this folder that the scan did not find have gone while Dailies
    // was not watching (deleted, moved elsewhere, renamed while paused).
    for (const file of currentLocationsUnder(this.deps.ctx.db, root)) {
      if (!this.present.has(file) && this.isCandidate(file) && !existsSync(file)) this.scheduleGone(file, 0);
    }
    this.maybeScanDone();
    this.setStatus(this.scan && this.scan.done < this.scan.total ? 'scanning' : 'watching');
  }

  /** Stops watching; imports already running are finished first. */
  async close(): Promise<void> {
    this.closed = true;
    this.tracker?.close();
    this.sidecars?.close();
    this.releaseDecodeChecks();
    for (const t of this.goneChecks.values()) clearTimeout(t);
    this.goneChecks.clear();
    await this.watcher?.close();
    this.watcher = null;
    while (this.work.size) await Promise.allSettled([...this.work]);
    if (this.statusTimer) clearTimeout(this.statusTimer);
    if (this.arrivalsTimer) clearTimeout(this.arrivalsTimer);
    this.flushArrivals();
    this.persist();
  }

  /** Resolves when nothing is pending, importing or waiting to be reported (tests, benchmarks). */
  async idle(): Promise<void> {
    for (;;) {
      while (this.work.size) await Promise.allSettled([...this.work]);
      if (!this.tracker?.size && !this.sidecars?.size && !this.importing.size && !this.goneChecks.size) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private isCandidate(file: string): boolean {
    return mediaTypeOf(file) !== null && this.filter.accepts(file);
  }

  private seen(file: string, s: Stats | undefined, initial: boolean): void {
    if (this.closed) return;
    if (isSidecar(file)) {
      const media = file.slice(0, -SIDECAR_SUFFIX.length);
      if (this.isCandidate(media) && (!s || s.isFile())) this.sidecars?.observe(file, s ? { size: s.size, mtimeMs: s.mtimeMs } : undefined);
      return;
    }
    if (!this.isCandidate(file)) return;
    const pendingGone = this.goneChecks.get(file);
    if (pendingGone) {
      clearTimeout(pendingGone);
      this.goneChecks.delete(file);
    }
    if (s?.isSymbolicLink()) {
      // A symlink: follow it only to a file.
      this.track(stat(file).then((t) => (t.isFile() ? this.observe(file, t, initial) : undefined), () => undefined));
      return;
    }
    if (s && !s.isFile()) return;
    this.observe(file, s, initial);
  }

  private observe(file: string, s: Stats | undefined, initial: boolean): void {
    if (this.closed) return;
    if (!this.present.has(file)) {
      this.present.add(file);
      if (initial && this.scan) {
        this.scan.total++;
        this.initial.add(file);
      }
      this.statusSoon();
    }
    this.tracker!.observe(file, s ? { size: s.size, mtimeMs: s.mtimeMs } : undefined);
  }

  private unlinked(file: string): void {
    if (this.closed || mediaTypeOf(file) === null) return;
    this.tracker?.forget(file);
    if (this.present.delete(file)) this.statusSoon();
    this.scanStep(file);
    // Not marked gone at once: a rename arrives as unlink + add, and the add (recognised by its
    // hash) should move the asset rather than flash it "missing" first.
    this.scheduleGone(file, this.deps.stabilityMs + 1000);
  }

  private fileGone(file: string): void {
    if (this.present.delete(file)) this.statusSoon();
    this.scanStep(file);
    this.scheduleGone(file, 0);
  }

  private scheduleGone(file: string, delayMs: number): void {
    const prev = this.goneChecks.get(file);
    if (prev) clearTimeout(prev);
    this.goneChecks.set(file, setTimeout(() => {
      this.goneChecks.delete(file);
      if (this.closed || existsSync(file) || !this.deps.ctx.db.open) return;
      const missing = markGone(this.deps.ctx.db, file);
      if (missing.length) {
        this.arrivals.missing.push(...missing);
        this.arrivalsSoon();
      }
    }, delayMs));
  }

  private scanStep(file: string): void {
    if (!this.initial.delete(file) || !this.scan) return;
    this.scan.done++;
    this.maybeScanDone();
  }

  private maybeScanDone(): void {
    if (this.scan?.ready && this.scan.done >= this.scan.total && this.status === 'scanning') {
      this.scan = null;
      this.setStatus('watching');
      this.releaseDecodeChecks();
    } else this.statusSoon();
  }

  /** Decode checks held back while the scan indexes (see afterDecodeCheck) start now. */
  private releaseDecodeChecks(): void {
    const held = this.heldChecks;
    this.heldChecks = [];
    for (const release of held) release();
  }

  private track<T>(p: Promise<T>): void {
    this.work.add(p);
    void p.finally(() => this.work.delete(p));
  }

  private enqueue(file: string, seen: { size: number; mtimeMs: number }): void {
    if (this.closed) return;
    if (this.importing.has(file)) {
      this.again.add(file);
      return;
    }
    const run = this.deps.files(() => this.importOne(file, seen)).finally(() => {
      this.importing.delete(file);
      if (this.again.delete(file) && !this.closed) this.tracker?.observe(file);
    });
    this.importing.set(file, run);
    this.track(run);
  }

  private async importOne(file: string, seen: { size: number; mtimeMs: number }): Promise<void> {
    try {
      if (this.closed || !this.deps.ctx.db.open) return;
      const known = currentLocation(this.deps.ctx.db, file);
      if (known && known.size === seen.size && known.mtimeMs === Math.floor(seen.mtimeMs)) return;
      const sidecar = await stat(sidecarPathFor(file)).catch(() => null);
      if (sidecar) this.sidecarRead.set(file, `${sidecar.size}:${sidecar.mtimeMs}`);
      const outcome = await importFile(
        {
          ...this.deps.ctx, projectId: this.row.projectId ?? undefined, storage: this.row.mode === 'in_place' ? 'external' : 'store',
          source: 'watch', imagesAs: this.row.imagesAs,
        },
        file,
      );
      if (outcome.check) this.track(this.afterDecodeCheck(outcome));
      else this.record(outcome);
    } catch (err) {
      this.record({ path: file, status: 'failed', reason: (err as Error).message });
    } finally {
      this.scanStep(file);
    }
  }

  /**
   * A new picture is announced once its poster shows it decodes, outside the files-at-once limit
   * so hashing and probing the next files go on meanwhile. While a scan is indexing (thousands
   * of files present at start) the checks wait for it to finish rather than take the cores from
   * it. One that does not decode is reported as failed. On close, checks not started are left
   * for the next start (assets awaiting a poster).
   */
  private async afterDecodeCheck(outcome: ImportedFile): Promise<void> {
    if (this.scan) await new Promise<void>((resolve) => this.heldChecks.push(resolve));
    const decoded = await checkDecodes(this.deps.ctx, outcome.check!, this.deps.emit, {
      cancelled: () => this.closed, log: this.deps.log,
    });
    if (decoded.ok === false) this.record({ path: outcome.path, status: 'failed', reason: decoded.reason });
    else if (!this.closed) this.record(outcome);
  }

  /**
   * A sidecar finished writing. If its media is already catalogued and did not read this
   * version of it, its facts are applied to the take now (after the media's import, if that is
   * running). Media not catalogued yet reads the sidecar when it is imported. Across restarts,
   * a sidecar older than when its place was last recorded was read then and is not applied again.
   */
  private sidecarSettled(sidecar: string, seen: { size: number; mtimeMs: number }): void {
    const media = sidecar.slice(0, -SIDECAR_SUFFIX.length);
    const run = async () => {
      await this.importing.get(media);
      if (this.closed || !this.deps.ctx.db.open) return;
      const readThen = this.sidecarRead.get(media);
      this.sidecarRead.delete(media);
      if (readThen === `${seen.size}:${seen.mtimeMs}`) return;
      const last = lastSeenAt(this.deps.ctx.db, media);
      if (last === null || (readThen === undefined && seen.mtimeMs <= last)) return;
      let applied: ReturnType<typeof applyLateSidecar> = null;
      try {
        const meta = await readSidecar(media);
        if (!meta || this.closed || !this.deps.ctx.db.open) return;
        applied = applyLateSidecar(this.deps.ctx.db, media, meta);
      } catch (err) {
        if (!(err instanceof SidecarError)) throw err;
        this.arrivals.errors.push({ path: media, reason: err.message });
        this.lastError = `${path.basename(media)}: ${err.message}`;
        this.statusSoon();
        return;
      }
      if (applied?.renderId) this.arrivals.renders.push(applied.renderId);
      if (applied?.referenceId) this.arrivals.references.push(applied.referenceId);
      if (applied) this.arrivalsSoon();
    };
    this.track(run().catch((err) => this.deps.log(`sidecar ${sidecar}: ${(err as Error).stack ?? String(err)}`)));
  }

  private record(o: ImportedFile): void {
    const a = this.arrivals;
    if (o.status === 'imported') {
      a.imported++;
      if (o.renderId) a.renders.push(o.renderId);
      if (o.referenceId) a.references.push(o.referenceId);
      if (o.kind === 'video' && o.sha256 && o.ext && o.durationMs) {
        this.sprites.push({ sha256: o.sha256, ext: o.ext, durationMs: o.durationMs, ...(this.row.mode === 'in_place' ? { source: o.path } : {}) });
      }
    } else if (o.status === 'duplicate') {
      if (o.moved) a.moved++;
      else a.duplicates++;
      if (o.moved && o.renderId) a.renders.push(o.renderId);
    } else if (o.status === 'failed') {
      a.failed++;
      a.errors.push({ path: o.path, reason: o.reason ?? 'Import failed.' });
      this.lastError = `${path.basename(o.path)}: ${o.reason ?? 'import failed'}`;
    } else return;
    if (o.warning) {
      a.errors.push({ path: o.path, reason: o.warning });
      this.lastError = `${path.basename(o.path)}: ${o.warning}`;
    }
    if (o.missingNow) a.missing.push(...o.missingNow);
    if (o.foundAgain) a.found.push(...o.foundAgain);
    // The notice names what arrived; a failure is told under its problems, with the reason.
    if (o.status === 'imported' || o.moved) if (a.names.length < 5) a.names.push(path.basename(o.path));
    this.arrivalsSoon();
  }

  private arrivalsSoon(): void {
    if (this.arrivalsTimer || this.closed) return;
    this.arrivalsTimer = setTimeout(() => {
      this.arrivalsTimer = null;
      this.flushArrivals();
    }, ARRIVALS_EVERY_MS);
  }

  private flushArrivals(): void {
    const a = this.arrivals;
    this.arrivals = noArrivals();
    const { emit } = this.deps;
    if (a.renders.length) emit({ type: 'catalogue.changed', entity: 'renders', ids: a.renders });
    if (a.references.length) emit({ type: 'catalogue.changed', entity: 'references', ids: a.references });
    if (a.missing.length) emit({ type: 'assets.missing', sha256s: a.missing, missing: true });
    if (a.found.length) emit({ type: 'assets.missing', sha256s: a.found, missing: false });
    if (a.imported || a.duplicates || a.moved || a.failed) {
      emit({
        type: 'watch.arrived', folderId: this.row.id, folder: this.row.path, imported: a.imported,
        duplicates: a.duplicates, moved: a.moved, failed: a.failed, names: a.names, errors: a.errors.slice(0, 20),
      });
    }
    if (a.imported || a.failed) this.statusSoon();
    const jobs = this.sprites;
    this.sprites = [];
    if (jobs.length && !this.closed) this.track(makeSprites(this.deps.ctx, jobs, emit, this.deps.log, () => this.closed));
  }

  private setStatus(status: WatchStatus): void {
    this.status = status;
    this.persist();
    this.deps.emit({ type: 'watch.status', folder: this.info() });
  }

  private statusSoon(): void {
    if (this.statusTimer || this.closed) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null;
      if (this.closed) return;
      this.persist();
      this.deps.emit({ type: 'watch.status', folder: this.info() });
    }, STATUS_EVERY_MS);
  }

  private persist(): void {
    if (!this.deps.ctx.db.open) return;
    saveWatchStatus(this.deps.ctx.db, this.row.id, { status: this.status, filesSeen: this.present.size, lastError: this.lastError });
  }
}
