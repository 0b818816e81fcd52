// Counts off the grid's path. The core answers calls on one thread, and better-sqlite3 blocks it
// for a whole query: facet counts at 100k renders are a dozen GROUP BYs of 40–300 ms together,
// and a grid page asked for meanwhile (the next keystroke of a search) waited for all of them.
// So the counts (renders.facets, renders.count) and search highlights run on a worker thread with its own read-only
// connection (WAL: readers never wait for the writer, nor it for them), and the core's thread
// stays free for pages. Answers are cached per query until the library changes (read-queries.ts).
//
// Should the thread fail to start or die, the same queries run in-process: slower to share the
// thread with, never a wrong answer.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Db } from '../open.js';
import { ContractError, type ErrorCode, type ErrorIssue } from '../../../shared/errors.js';
import { readRunner, type ReadQuery, type ReadResult, READ_QUERIES } from './read-queries.js';
import type { ReadReply, ReadRequest } from './read-worker.js';

type Pending = { resolve(v: unknown): void; reject(e: unknown): void; query: ReadQuery; input: unknown };

export class CatalogueReader {
  private worker: Worker | null = null;
  private failed = false;
  private closed = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private local: ReturnType<typeof readRunner> | null = null;

  constructor(
    private readonly file: string,
    /** The core's own connection: the fallback when no thread can be had. */
    private readonly db: Db,
    private readonly log: (msg: string) => void,
  ) {}

  /** Whether queries are answered on the thread (false before the first, or after it failed). */
  get onThread(): boolean {
    return this.worker !== null;
  }

  run<Q extends ReadQuery>(query: Q, input: Parameters<(typeof READ_QUERIES)[Q]>[1]): Promise<ReadResult<Q>> {
    if (this.closed) return Promise.reject(new ContractError('internal', 'The library is closed.'));
    const worker = this.thread();
    if (!worker) return Promise.resolve().then(() => this.inProcess()(query, input));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, query, input });
      worker.postMessage({ id, query, input } as ReadRequest);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    const exited = new Promise((r) => worker.once('exit', r));
    worker.postMessage('close');
    await exited;
  }

  private inProcess(): ReturnType<typeof readRunner> {
    this.local ??= readRunner(this.db);
    return this.local;
  }

  private thread(): Worker | null {
    if (this.worker || this.failed) return this.worker;
    // From source (tests, tsx) the thread's module is TypeScript: the thread first registers tsx's
    // loader, then imports it. Built, it is plain JS.
    const fromSource = import.meta.url.endsWith('.ts');
    const url = new URL(`./read-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
    try {
      const worker = fromSource
        ? new Worker(
            `import(${JSON.stringify(tsxApi())})
               .then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })
               .catch((err) => { throw err; });`,
            { eval: true, workerData: { file: this.file } },
          )
        : new Worker(url, { workerData: { file: this.file } });
      worker.unref();
      worker.on('message', (m: ReadReply) => this.receive(m));
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (!this.closed) this.fail(new Error(`the catalogue reader thread exited (code ${code})`));
      });
      this.worker = worker;
    } catch (err) {
      this.fail(err as Error);
    }
    return this.worker;
  }

  private receive(m: ReadReply): void {
    if ('log' in m) return this.log(`catalogue reader: ${m.log}`);
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else if (m.error.contract) p.reject(new ContractError(m.error.code as ErrorCode, m.error.message, m.error.issues as ErrorIssue[] | undefined));
    else p.reject(new Error(m.error.message));
  }

  /** The thread is gone: say so once, and answer what it had not answered in-process. */
  private fail(err: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.worker = null;
    this.log(`catalogue reader thread unavailable, counting in-process: ${err.message}`);
    const left = [...this.pending.values()];
    this.pending.clear();
    for (const p of left) {
      try {
        p.resolve(this.inProcess()(p.query, p.input as never));
      } catch (e) {
        p.reject(e);
      }
    }
  }
}

/** tsx's ESM API (register()), found from here; only used when running from source. */
function tsxApi(): string {
  // The package's "import" entry sits beside the "require" one that require.resolve finds.
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
}
