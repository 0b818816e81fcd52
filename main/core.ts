// The core: one library opened for writing, its handlers, and its event stream. Hosts (the
// Electron utility process, the serve HTTP server, tests) create one and carry its calls and
// events; the core itself knows nothing about how it is reached.
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import type { LimitFunction } from 'p-limit';
import type { CoreEvent } from '../shared/events.js';
import { ContractError, type WireReply } from '../shared/errors.js';
import { openCatalogue, type Db } from './catalogue/open.js';
import { CatalogueReader } from './catalogue/reader/catalogue-reader.js';
import { compactSearchIndex, IdleSearchUpkeep } from './catalogue/search-upkeep.js';
import { findLeftovers, removeLeftovers } from './library/leftovers.js';
import { acquireLibraryLock, type LibraryLock } from './library/lock.js';
import { libraryLayout, type LibraryLayout } from './store/layout.js';
import { createMediaPool } from './store/pool.js';
import { resolveMediaTools, type MediaTools } from './store/tools.js';
import { FolderImports } from './import/folder-import.js';
import { makeSprites } from './import/sprites.js';
import { PreviewWork } from './import/preview-work.js';
import { assetsMissingSprites } from './catalogue/assets.js';
import { checkAwaitingPosters } from './import/decode-check.js';
import { Registry } from './api/registry.js';
import { importHandlers, libraryHandlers, projectHandlers, renderHandlers } from './api/library.js';
import { watchHandlers } from './api/watch.js';
import { demoHandlers, jobHandlers } from './api/jobs.js';
import { providerHandlers } from './api/providers.js';
import { reviewHandlers, storyboardHandlers } from './api/review.js';
import { editHandlers } from './api/edit.js';
import { gridHandlers } from './api/grid.js';
import { bundleHandlers } from './api/bundles.js';
import { BundleTasks } from './bundles/tasks.js';
import { elementHandlers } from './api/elements.js';
import { referenceHandlers } from './api/references.js';
import { priceHandlers } from './api/prices.js';
import { mediaHandlers } from './api/media.js';
import { Accounts, type DemoEndpoint } from './jobs/accounts.js';
import { JobEngine, type EngineTiming } from './jobs/engine.js';
import { MemorySecretStore, type SecretStore } from './secrets/secret-store.js';
import { DemoSimulator } from './jobs/demo.js';
import { WatchService } from './watch/watch-service.js';

export interface CoreOptions {
  libraryDir: string;
  /** Who holds the library, shown to a second process that is refused. */
  host: 'serve' | 'electron' | 'test' | 'cli';
  tools?: Partial<MediaTools>;
  log?: (msg: string) => void;
  /** Watched folders: how long a file must stay unchanged before it is imported (default 1 s). */
  watchStabilityMs?: number;
  /** Where provider keys are kept (the host decides: keychain, 0600 file); memory by default. */
  secrets?: SecretStore;
  /** The simulator behind the built-in demo accounts (by provider); started on first use when not given. */
  demo?: (provider: string) => Promise<DemoEndpoint>;
  jobTiming?: Partial<EngineTiming>;
  /** False keeps jobs queued without running them (e.g. a command-line import). */
  runJobs?: boolean;
}

export class Core {
  readonly layout: LibraryLayout;
  readonly db: Db;
  /** Counts (facets, totals) on their own thread and connection, off the grid pages' path. */
  readonly reader: CatalogueReader;
  readonly tools: MediaTools;
  readonly pool: LimitFunction;
  /** The one count of background posters and strips, whoever queued them (status bar). */
  readonly previews: PreviewWork;
  readonly imports: FolderImports;
  readonly watch: WatchService;
  readonly accounts: Accounts;
  readonly jobs: JobEngine;
  readonly bundles: BundleTasks;
  private readonly demo: DemoSimulator;
  readonly log: (msg: string) => void;
  /** Where this machine listens for provider callbacks (set by the host); a tunnel forwards to it. */
  callbackLocalUrl: string | null = null;
  private readonly events = new EventEmitter();
  private readonly registry = new Registry();
  private readonly lock: LibraryLock;
  private closed = false;
  private closing = false;
  private background: Promise<void> = Promise.resolve();
  /** Merges the full-text index while no call comes (a long session's segments). */
  private readonly searchUpkeep: IdleSearchUpkeep;

  constructor(opts: CoreOptions) {
    this.log = opts.log ?? ((m) => console.warn(`[dailies] ${m}`));
    this.layout = libraryLayout(opts.libraryDir);
    this.tools = resolveMediaTools(opts.tools);
    for (const dir of [this.layout.root, this.layout.media, this.layout.thumbs, this.layout.tmp]) mkdirSync(dir, { recursive: true });
    this.lock = acquireLibraryLock(this.layout.lock, opts.host);
    try {
      this.db = openCatalogue(this.layout.catalogue, { log: this.log });
    } catch (err) {
      this.lock.release();
      throw err;
    }
    this.sweepLeftovers();
    this.searchUpkeep = new IdleSearchUpkeep(this.db, this.log);
    this.reader = new CatalogueReader(this.layout.catalogue, this.db, this.log);
    this.events.setMaxListeners(0);
    this.pool = createMediaPool();
    this.previews = new PreviewWork((e) => this.emit(e));
    const media = { db: this.db, layout: this.layout, tools: this.tools, pool: this.pool, previews: this.previews };
    this.imports = new FolderImports(media, (e) => this.emit(e));
    this.demo = new DemoSimulator(this.tools);
    this.accounts = new Accounts(this.db, opts.secrets ?? new MemorySecretStore(), opts.demo ?? ((provider) => this.demo.endpoint(provider)));
    this.jobs = new JobEngine({
      ...media, accounts: this.accounts,
      emit: (e) => this.emit(e), log: this.log, ...(opts.jobTiming ? { timing: opts.jobTiming } : {}),
    });

    this.bundles = new BundleTasks(media, (e) => this.emit(e), this.log);
    this.registry.register('library', libraryHandlers(this));
    this.registry.register('projects', projectHandlers(this));
    this.registry.register('renders', renderHandlers(this));
    this.registry.register('import', importHandlers(this));
    this.registry.register('watch', watchHandlers(this));
    this.registry.register('jobs', jobHandlers(this));
    this.registry.register('demo', demoHandlers(this));
    this.registry.register('providers', providerHandlers(this));
    this.registry.register('review', reviewHandlers(this));
    this.registry.register('storyboard', storyboardHandlers(this));
    this.registry.register('edit', editHandlers(this));
    this.registry.register('grid', gridHandlers(this));
    this.registry.register('bundles', bundleHandlers(this));
    this.registry.register('elements', elementHandlers(this));
    this.registry.register('references', referenceHandlers(this));
    this.registry.register('prices', priceHandlers(this));
    this.registry.register('media', mediaHandlers(this));
    this.registry.assertComplete();

    // Sprites that a previous run did not finish (quit mid-import) are made again quietly.
    const pending = assetsMissingSprites(this.db);
    if (pending.length) this.background = makeSprites(this, pending, (e) => this.emit(e), this.log, () => this.closing);
    // Pictures catalogued by a run that closed before their posters were made (decode-check.ts).
    const posters = checkAwaitingPosters(this, (e) => this.emit(e), { cancelled: () => this.closing, log: this.log });
    this.background = Promise.all([this.background, posters]).then(() => undefined);

    this.watch = new WatchService({
      ctx: media,
      emit: (e) => this.emit(e), log: this.log,
      ...(opts.watchStabilityMs !== undefined ? { stabilityMs: opts.watchStabilityMs } : {}),
    });
    this.watch.restore();
    // Jobs left active by the previous run pick up where they were (reconciling "submitting").
    if (opts.runJobs !== false) this.jobs.start();
  }

  emit(event: CoreEvent): void {
    if (!this.closed) this.events.emit('event', event);
  }

  onEvent(listener: (e: CoreEvent) => void): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  /** Validates and runs one contract call. Throws ContractError for anything the caller did wrong. */
  dispatch(channel: string, input: unknown): Promise<unknown> {
    if (this.closed) return Promise.reject(new ContractError('internal', 'The library is closed.'));
    this.searchUpkeep.busy();
    return this.registry.dispatch(channel, input);
  }

  /** The same call, as the reply both transports put on the wire; internal errors are logged, not leaked. */
  async reply(channel: string, input: unknown): Promise<WireReply<unknown>> {
    try {
      return { ok: true, value: await this.dispatch(channel, input) };
    } catch (err) {
      if (err instanceof ContractError) return { ok: false, error: err.toWire() };
      this.log(`call ${String(channel).slice(0, 64)} failed: ${(err as Error).stack ?? String(err)}`);
      return { ok: false, error: { code: 'internal', message: `Something went wrong in ${String(channel).slice(0, 64)}: ${(err as Error).message}` } };
    }
  }

  /**
   * Work files a stopped run left in tmp/ (staged copies, bundle staging, frames) go at open,
   * while the lock is ours and nothing of this run writes there yet; partial downloads of jobs
   * that have not ended stay, to resume. Never a reason not to open.
   */
  private sweepLeftovers(): void {
    try {
      const gone = removeLeftovers(findLeftovers(this.db, this.layout.tmp), this.log);
      if (gone.length) this.log(`removed ${gone.length} work files a stopped run left in tmp/ (${gone.reduce((n, l) => n + l.bytes, 0)} bytes)`);
    } catch (err) {
      this.log(`tmp/ not tidied: ${(err as Error).message}`);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closing = true;
    this.searchUpkeep.close();
    await this.watch.close();
    await this.jobs.stop();
    await this.demo.close();
    await this.imports.idle();
    await this.bundles.close();
    await this.background;
    this.previews.close();
    await this.reader.close();
    this.closed = true;
    this.events.removeAllListeners();
    try {
      try {
        compactSearchIndex(this.db);
      } catch (err) {
        // A full disk or a locked file: the index stays as it was, only slower to look up in.
        this.log(`search index not compacted: ${(err as Error).message}`);
      }
      this.db.pragma('optimize');
    } finally {
      this.db.close();
      this.lock.release();
    }
  }
}

export function openCore(opts: CoreOptions): Core {
  return new Core(opts);
}
