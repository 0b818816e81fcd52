// The job engine: runs every active job one step at a time against its provider, durably.
//
//   queued → submitting → submitted → running → downloading → done
//                 ↘ failed | rejected | cancelled (from any active state)
//                 ↘ unconfirmed (answer lost, no lookup) → queued (Send again) | cancelled (Drop)
//
// Every transition is one transaction (catalogue/jobs.ts updateJob). A job is in the catalogue
// before anything is sent; "submitting" means "a create may have reached the provider", so a
// job found in that state (after a crash or a lost answer) is reconciled by looking it up under
// its idempotency key before anything is sent again. Providers refuse a second task with the
// same key, so even a lost lookup cannot make a duplicate. A provider with no lookup cannot be
// reconciled: the job becomes "unconfirmed" and waits for the user rather than risk a second charge.
import { readFile } from 'node:fs/promises';
import type { LimitFunction } from 'p-limit';
import type { Db } from '../catalogue/open.js';
import type { CoreEvent } from '../../shared/events.js';
import type { JobState } from '../../shared/domain.js';
import type { GenerationSpecParsed } from '../../shared/generation.js';
import type { JobErrorClass } from '../../shared/jobs.js';
import { ContractError } from '../../shared/errors.js';
import { ACTIVE_STATES, addCharge, dueQueuedJobs, dueStartedJobs, getJobRow, jobSummary, nextDueAt, queuedAccounts, updateJob, type JobRow } from '../catalogue/jobs.js';
import type { LibraryLayout } from '../store/layout.js';
import type { MediaTools } from '../store/tools.js';
import type { AdapterContext, HttpCall, HttpResult, ProviderError, RemoteTask } from '../providers/types.js';
import type { Accounts, ResolvedAccount } from './accounts.js';
import { pollDelayMs, retryDelayMs, type BackoffPolicy } from './backoff.js';
import { discardPartial, DownloadError, downloadResumable, partialPath } from './download.js';
import { finishJob } from './finish.js';
import { NetworkError, sendCall } from './http.js';
import { resolveTask } from './resolve.js';
import { makeSprites } from '../import/sprites.js';
import type { PreviewWork } from '../import/preview-work.js';
import { callbackSecretMatches, callbackUrlFor, type CallbackOutcome } from './callbacks.js';

export interface EngineTiming {
  backoff: BackoffPolicy;
  /** Backoff while offline is capped lower, so a returning network is noticed quickly. */
  offlineCapMs: number;
  pollMinMs: number;
  pollMaxMs: number;
  requestTimeoutMs: number;
  /** Longest the scheduler sleeps without looking again (also bounds clock drift). */
  idleMs: number;
}

export const DEFAULT_TIMING: EngineTiming = {
  backoff: { baseMs: 1_000, capMs: 5 * 60_000 },
  offlineCapMs: 30_000,
  pollMinMs: 2_000,
  pollMaxMs: 30_000,
  requestTimeoutMs: 60_000,
  idleMs: 60_000,
};

export interface EngineDeps {
  db: Db;
  layout: LibraryLayout;
  tools: MediaTools;
  pool: LimitFunction;
  /** Counts the strip made for each finished take (the status bar's preview progress). */
  previews: PreviewWork;
  accounts: Accounts;
  emit: (e: CoreEvent) => void;
  log: (msg: string) => void;
  timing?: Partial<EngineTiming>;
  random?: () => number;
}

const MAX_UNEXPECTED_ATTEMPTS = 8;


/** A failure that ends or delays one step, already phrased for the user. */
class StepFailure extends Error {
  constructor(
    readonly errorClass: JobErrorClass,
    message: string,
    readonly outcome: 'retry' | 'failed' | 'rejected',
    readonly hintMs?: number,
  ) {
    super(message);
  }
}

export class JobEngine {
  private readonly timing: EngineTiming;
  private readonly random: () => number;
  private readonly busy = new Map<number, Promise<void>>();
  /** Partial downloads of cancelled jobs being removed (awaited by idle and stop). */
  private readonly cleanups = new Set<Promise<void>>();
  private readonly aborts = new Map<number, AbortController>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private ticking = false;
  private again = false;

  constructor(private readonly deps: EngineDeps) {
    this.timing = { ...DEFAULT_TIMING, ...deps.timing };
    this.random = deps.random ?? Math.random;
  }

  start(): void {
    this.running = true;
    this.wake();
  }

  /** Looks for due work now (after a submit, a cancel, a finished step, a callback). */
  wake(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), 0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const a of this.aborts.values()) a.abort();
    await Promise.allSettled([...this.busy.values()]);
    await Promise.allSettled([...this.cleanups]);
  }

  /** Resolves when no job is active or in flight (tests, shutdown). */
  async idle(): Promise<void> {
    for (;;) {
      await Promise.allSettled([...this.busy.values()]);
      await Promise.allSettled([...this.cleanups]);
      const active = this.deps.db.prepare(`SELECT count(*) AS n FROM jobs WHERE state IN ('queued','submitting','submitted','running','downloading')`).get() as { n: number };
      if (!active.n && !this.busy.size) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  cancel(jobId: number): boolean {
    const job = getJobRow(this.deps.db, jobId);
    // Cancelling a job whose answer was lost is the same as Drop: nothing is sent again.
    if (job.state === 'unconfirmed') return this.decide(jobId, 'drop');
    if (!ACTIVE_STATES.includes(job.state)) return false;
    const atProvider = job.state === 'submitted' || job.state === 'running';
    const canCancel = atProvider && this.providerCanCancel(job);
    const downloading = job.state === 'downloading';
    // The charge rule: a task the provider already finished was charged (the 'actual' row booked
    // when it succeeded, before the download). Cancelling the download cannot undo that, so the
    // charge stays as it is, booked once, and the job says so.
    const charged = downloading ? this.actualCredits(jobId) : 0;
    const reason = downloading
      ? `The provider had already made the video and charged ${charged} credits; that charge stays. The partial download was discarded.`
      : null;
    const note = downloading
      ? `Cancelled by you while downloading. ${reason} Retry makes the video again as a new task (charged again).`
      : atProvider && !canCancel
        ? 'Cancelled by you. The provider has no cancel call, so it may still finish (and charge) the task.'
        : atProvider ? 'Cancelled by you; asked the provider to stop the task.' : 'Cancelled by you.';
    const ok = updateJob(this.deps.db, jobId, job.state, 'cancelled', { error_class: 'cancelled', last_error: reason, next_attempt_at: null }, note);
    if (ok) {
      this.aborts.get(jobId)?.abort();
      if (downloading) this.discardDownload(job);
      if (canCancel) void this.cancelAtProvider(job);
      this.announce(jobId);
      this.wake();
    }
    return ok;
  }

  /**
   * A provider callback for a job (its secret already in the path). The body is not trusted and
   * not even seen here: the job is only made due at once, so the next step re-queries the
   * provider, and that answer moves it.
   */
  callback(jobUid: string, secret: string): CallbackOutcome {
    const { db } = this.deps;
    const job = db.prepare('SELECT id, uid, state FROM jobs WHERE uid = ?').get(jobUid) as Pick<JobRow, 'id' | 'uid' | 'state'> | undefined;
    if (!job || !callbackSecretMatches(db, job.uid, secret)) return 'unknown';
    if (job.state !== 'submitted' && job.state !== 'running') return 'ended';
    const due = () => {
      db.prepare(`UPDATE jobs SET next_attempt_at = ? WHERE id = ? AND state IN ('submitted', 'running')`).run(Date.now(), job.id);
      this.wake();
    };
    // A poll already in flight may have asked just before the change: look once more after it.
    // Deferred, an error (the library closing meanwhile) is logged, never an unhandled rejection.
    const inFlight = this.busy.get(job.id);
    if (inFlight) {
      const later = () => {
        try {
          due();
        } catch (err) {
          this.deps.log(`callback for job ${job.uid}: ${(err as Error).message}`);
        }
      };
      void inFlight.then(later, later);
    } else due();
    return 'requeried';
  }

  private actualCredits(jobId: number): number {
    const row = this.deps.db.prepare(
      `SELECT coalesce(sum(CASE kind WHEN 'actual' THEN credits ELSE -credits END), 0) AS n FROM charges WHERE job_id = ? AND kind IN ('actual', 'refund')`,
    ).get(jobId) as { n: number };
    return row.n;
  }

  /**
   * A cancelled download leaves nothing behind: once its step has stopped (the abort above; a
   * step may also be between attempts, or finishing), the partial file in tmp goes. finishJob
   * checks the state before the file enters the store, so none lands there either.
   */
  private discardDownload(job: JobRow): void {
    const part = partialPath(this.deps.layout.tmp, job.uid);
    const cleanup = Promise.resolve(this.busy.get(job.id))
      .then(() => discardPartial(part))
      .catch((err: Error) => this.deps.log(`job ${job.id}: removing the partial download failed: ${err.message}`))
      .finally(() => this.cleanups.delete(cleanup));
    this.cleanups.add(cleanup);
  }

  private providerCanCancel(job: JobRow): boolean {
    try {
      return !!this.deps.accounts.adapter(job.provider).cancelCall;
    } catch {
      return false;
    }
  }

  private async tick(): Promise<void> {
    if (!this.running) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = true;
    try {
      const now = Date.now();
      // Jobs already at the provider first; then, per account, only as many queued jobs as it
      // has free slots, so a long queue costs one small query per tick, not a scan.
      const due = dueStartedJobs(this.deps.db, now);
      for (const { accountId, inFlight } of queuedAccounts(this.deps.db, now)) {
        const free = this.concurrencyOf(accountId) - inFlight;
        if (free > 0) due.push(...dueQueuedJobs(this.deps.db, accountId, now, free));
      }
      for (const job of due) {
        if (this.busy.has(job.id)) continue;
        const run = this.step(job)
          .catch((err: unknown) => this.deps.log(`job ${job.id}: ${(err as Error).stack ?? String(err)}`))
          .finally(() => {
            this.busy.delete(job.id);
            this.aborts.delete(job.id);
            this.wake();
          });
        this.busy.set(job.id, run);
      }
    } finally {
      this.ticking = false;
    }
    if (this.again) {
      this.again = false;
      return this.tick();
    }
    this.schedule();
  }

  private schedule(): void {
    if (!this.running) return;
    const due = nextDueAt(this.deps.db);
    const wait = due === null ? this.timing.idleMs : Math.min(this.timing.idleMs, Math.max(0, due - Date.now()));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), wait);
  }

  private concurrencyOf(accountId: string): number {
    try {
      return this.deps.accounts.adapter(this.deps.accounts.providerOf(accountId)).concurrency;
    } catch {
      // An account removed while its jobs wait: let one through, so it fails with the reason.
      return 1;
    }
  }

  private announce(jobId: number): void {
    this.deps.emit({ type: 'job.updated', job: jobSummary(this.deps.db, jobId) });
  }

  /** One step for one job, chosen by its state. Every outcome is written before it returns. */
  private async step(job: JobRow): Promise<void> {
    let account: ResolvedAccount;
    try {
      account = await this.deps.accounts.resolve(job.account_id ?? '');
    } catch (err) {
      this.end(job, 'failed', 'auth', (err as Error).message);
      return;
    }
    const spec = JSON.parse(job.params) as GenerationSpecParsed;
    try {
      switch (job.state) {
        case 'queued':
          return await this.submit(job, account, spec, false);
        case 'submitting':
          return await this.submit(job, account, spec, true);
        case 'submitted':
        case 'running':
          return await this.poll(job, account, spec);
        case 'downloading':
          return await this.download(job, account, spec);
        default:
          return;
      }
    } catch (err) {
      // A step can move the job on before it fails (a finished poll goes straight to
      // "downloading" and downloads at once): the outcome applies to the state it is in now, or
      // it would be lost and a gone result fetched forever.
      const now = getJobRow(this.deps.db, job.id);
      if (!ACTIVE_STATES.includes(now.state)) return;
      job = now;
      if (err instanceof StepFailure) return this.fail(job, err);
      if (err instanceof ContractError) return this.end(job, 'failed', 'invalid', err.message);
      // Anything else (a full disk, a bug) is logged and retried a few times, then ends the job
      // with the reason rather than leaving it active forever.
      this.deps.log(`job ${job.id}: ${(err as Error).stack ?? String(err)}`);
      const message = `Unexpected problem: ${(err as Error).message ?? String(err)}`;
      if (job.attempts >= MAX_UNEXPECTED_ATTEMPTS) return this.end(job, 'failed', 'server', message);
      return this.retry(job, new StepFailure('server', message, 'retry'));
    }
  }

  private context(account: ResolvedAccount, job?: JobRow): AdapterContext {
    const callbackUrl = job ? callbackUrlFor(this.deps.db, job.uid) : undefined;
    return {
      ...(callbackUrl ? { callbackUrl } : {}),
      baseUrl: account.baseUrl,
      credentials: account.credentials,
      now: () => Date.now(),
      readBase64: async (p) => (await readFile(p)).toString('base64'),
      send: (call) => this.sendWithAuth(account, call),
    };
  }

  /**
   * Sends one call with fresh auth. A token-expired answer is re-signed and sent once more, as
   * Kling documents (1004); a second expiry is a real auth problem.
   */
  async sendWithAuth(account: ResolvedAccount, call: HttpCall): Promise<HttpResult> {
    for (let attempt = 0; ; attempt++) {
      const headers = await account.adapter.authHeaders({ credentials: account.credentials, now: () => Date.now() });
      const result = await sendCall(account.baseUrl, call, headers, this.timing.requestTimeoutMs);
      const problem = account.adapter.classify(result);
      if (problem?.kind === 'auth_expired' && attempt === 0) continue;
      return result;
    }
  }

  private providerFailure(p: ProviderError, label: string): StepFailure {
    const what = `${label}: ${p.message} (${p.httpStatus}/${p.code})`;
    switch (p.kind) {
      case 'money':
        return new StepFailure('money', `${what}. The account cannot pay for this; top up or change plan, then Retry. Not retried automatically.`, 'failed');
      case 'policy':
        return new StepFailure('policy', `${what}. Rejected by the provider's content policy; rewrite the prompt and submit again.`, 'rejected');
      case 'load':
        return new StepFailure('load', `${what}. The provider is busy; waiting and retrying.`, 'retry', p.retryAfterMs);
      case 'server':
        return new StepFailure('server', `${what}. The provider had a problem; retrying.`, 'retry', p.retryAfterMs);
      case 'auth':
      case 'auth_expired':
        return new StepFailure('auth', `${what}. Check the account's keys in Settings → Providers.`, 'failed');
      case 'not_found':
        return new StepFailure('not_found', `${what}.`, 'failed');
      default:
        return new StepFailure('invalid', `${what}. Change the request and submit again.`, 'failed');
    }
  }

  private networkFailure(err: NetworkError): StepFailure {
    return err.unreachable
      ? new StepFailure('offline', `${err.message} Offline: waiting, and resuming by itself.`, 'retry')
      : new StepFailure('server', `${err.message} Retrying.`, 'retry');
  }

  private async submit(job: JobRow, account: ResolvedAccount, spec: GenerationSpecParsed, reconcile: boolean): Promise<void> {
    const { db } = this.deps;
    const task = resolveTask(db, this.deps.layout, spec);
    const problems = account.adapter.validate(task);
    if (problems.length) {
      this.end(job, 'failed', 'invalid', `Not sent: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
      return;
    }
    let state: JobState = job.state;
    if (reconcile) {
      // A create may have reached the provider before we lost its answer: look before sending.
      const ctx = this.context(account, job);
      const findCall = account.adapter.findCall(task, job.idempotency_key, ctx);
      // Without a way to look the task up, sending again could start (and pay for) a second
      // task: the job waits for the user's decision instead.
      if (!findCall) return this.park(job, account.adapter.label);
      const found = await this.call(account, findCall, 'Looking up the task').catch((err) => {
        if (err instanceof StepFailure && err.errorClass === 'not_found') return null;
        throw err;
      });
      let remote: RemoteTask | null;
      try {
        remote = found ? account.adapter.parseFind(found, job.idempotency_key, ctx) : null;
      } catch (err) {
        throw new StepFailure('server', `The provider's answer to the lookup could not be read (${(err as Error).message}); looking again.`, 'retry');
      }
      if (remote) {
        this.accepted(job, state, remote, 'Found the task the provider had already accepted; not sending it again');
        return;
      }
      // A listing that does not show the task is no proof it was never made.
      if (account.adapter.findByListing) {
        return this.park(job, account.adapter.label, `It is not among ${account.adapter.label}'s latest tasks, but a listing cannot prove it was never made, so it is not sent again by itself.`);
      }
    } else {
      if (!updateJob(db, job.id, 'queued', 'submitting', { attempts: job.attempts + 1, error_class: null }, 'Sending to the provider')) return;
      state = 'submitting';
      this.announce(job.id);
    }
    let call: HttpCall;
    try {
      call = await account.adapter.createCall(task, job.idempotency_key, this.context(account, job));
    } catch (err) {
      // Preparing can itself talk to the provider (lip sync finds the face first) or refuse.
      // Nothing was created yet, so a retry goes back to the queue.
      const problem = (err as { providerError?: ProviderError }).providerError;
      if (problem) {
        const failure = this.providerFailure(problem, 'The task could not be prepared');
        if (failure.outcome === 'retry') this.retry({ ...job, state }, failure, 'queued');
        else this.fail({ ...job, state }, failure);
        return;
      }
      if (err instanceof NetworkError) return this.retry({ ...job, state }, this.networkFailure(err), 'queued');
      throw err;
    }
    let result: HttpResult;
    try {
      result = await this.sendWithAuth(account, call);
    } catch (err) {
      if (err instanceof NetworkError && err.unreachable) {
        // Nothing was received: safe to send again later without a lookup.
        this.retry({ ...job, state }, this.networkFailure(err), 'queued');
        return;
      }
      if (err instanceof NetworkError) {
        // The answer was lost: the task may exist. Stay in "submitting" and reconcile first.
        this.retry({ ...job, state }, this.networkFailure(err), 'submitting');
        return;
      }
      throw err;
    }
    const problem = account.adapter.classify(result);
    if (problem) {
      const failure = this.providerFailure(problem, 'The provider refused the task');
      // A rate limit is a definite "not created"; a server error might have created it.
      if (failure.outcome === 'retry') this.retry({ ...job, state }, failure, problem.kind === 'load' ? 'queued' : 'submitting');
      else this.fail({ ...job, state }, failure);
      return;
    }
    let remote: RemoteTask;
    try {
      remote = account.adapter.parseCreate(result);
    } catch (err) {
      this.retry({ ...job, state }, new StepFailure('server', `The provider's answer could not be read (${(err as Error).message}); checking again.`, 'retry'), 'submitting');
      return;
    }
    this.accepted({ ...job, state }, state, remote, 'The provider accepted the task');
  }

  private accepted(job: JobRow, from: JobState, remote: RemoteTask, message: string): void {
    const to: JobState = remote.state === 'running' ? 'running' : 'submitted';
    if (updateJob(this.deps.db, job.id, from, to, {
      provider_task_id: remote.providerTaskId, error_class: null, last_error: null, progress: remote.progress,
      next_attempt_at: Date.now() + this.timing.pollMinMs,
    }, `${message} (task ${remote.providerTaskId})`)) {
      this.announce(job.id);
    }
  }

  /** Sends a call and classifies the answer; provider and network problems become StepFailures. */
  private async call(account: ResolvedAccount, call: HttpCall, label: string): Promise<HttpResult> {
    let result: HttpResult;
    try {
      result = await this.sendWithAuth(account, call);
    } catch (err) {
      if (err instanceof NetworkError) throw this.networkFailure(err);
      throw err;
    }
    const problem = account.adapter.classify(result);
    if (problem) throw this.providerFailure(problem, label);
    return result;
  }

  private async poll(job: JobRow, account: ResolvedAccount, spec: GenerationSpecParsed): Promise<void> {
    const { db } = this.deps;
    const task = resolveTask(db, this.deps.layout, spec);
    const result = await this.call(account, account.adapter.queryCall(task, job.provider_task_id ?? ''), 'Checking the task');
    let remote: RemoteTask;
    try {
      remote = account.adapter.parseQuery(result, job.provider_task_id ?? '');
    } catch (err) {
      throw new StepFailure('server', `The provider's status answer could not be read (${(err as Error).message}); checking again.`, 'retry');
    }
    if (remote.state === 'submitted' || remote.state === 'running') {
      const to: JobState = remote.state === 'running' ? 'running' : job.state;
      const next = Date.now() + pollDelayMs(Date.now() - job.created_at, this.timing.pollMinMs, this.timing.pollMaxMs);
      if (updateJob(db, job.id, job.state, to, { progress: remote.progress, next_attempt_at: next, error_class: null, last_error: null },
        to !== job.state ? 'The provider is rendering' : undefined)) this.announce(job.id);
      return;
    }
    if (remote.state === 'failed') {
      const failure = remote.failure ?? { kind: 'server' as const, code: 'failed', httpStatus: 200, message: remote.message ?? 'the task failed' };
      const f = this.providerFailure(failure, 'The provider could not make the video');
      this.fail(job, f.outcome === 'retry' ? new StepFailure(f.errorClass, f.message, 'failed') : f);
      return;
    }
    const video = (await this.videosOf(account, remote))[0];
    if (!video) throw new StepFailure('server', 'The provider says the task succeeded but lists no video; checking again.', 'retry');
    const ok = db.transaction(() => {
      if (!updateJob(db, job.id, job.state, 'downloading', {
        result_video_id: video.id, result_url: video.url, progress: 0, next_attempt_at: Date.now(), bytes_received: 0,
        error_class: null, last_error: null,
      }, 'The provider finished; downloading at once')) return false;
      addCharge(db, job.id, 'actual', remote.actualCredits ?? job.estimate_credits, job.provider,
        remote.actualCredits === null ? 'The provider reported no charge; booked at the estimate' : 'Charged by the provider');
      return true;
    })();
    if (ok) {
      this.announce(job.id);
      await this.download(getJobRow(db, job.id), account, spec);
    }
  }

  private async download(job: JobRow, account: ResolvedAccount, spec: GenerationSpecParsed): Promise<void> {
    const { db } = this.deps;
    if (!job.result_url) throw new StepFailure('download', 'No result link was recorded for this job.', 'failed');
    const part = partialPath(this.deps.layout.tmp, job.uid);
    const abort = new AbortController();
    this.aborts.set(job.id, abort);
    let lastAnnounce = 0;
    let size: number;
    try {
      // Some providers' files need the API key (Sora's content endpoint, Veo's file URI) or a
      // fresh link per attempt (MiniMax's file retrieve).
      const target = account.adapter.downloadRequest
        ? await account.adapter.downloadRequest({ id: job.result_video_id, url: job.result_url }, this.context(account))
        : { url: job.result_url, headers: {} };
      ({ size } = await downloadResumable(target.url, part, {
        headers: target.headers,
        timeoutMs: this.timing.requestTimeoutMs,
        signal: abort.signal,
        onProgress: ({ received, expected }) => {
          const now = Date.now();
          if (now - lastAnnounce < 250) return;
          lastAnnounce = now;
          db.prepare('UPDATE jobs SET bytes_received = ?, bytes_expected = ?, progress = ? WHERE id = ? AND state = ?').run(
            received, expected, expected ? received / expected : null, job.id, 'downloading');
          this.announce(job.id);
        },
      }));
    } catch (err) {
      if (abort.signal.aborted) return;
      const problem = (err as { providerError?: ProviderError }).providerError;
      if (problem) throw this.providerFailure(problem, 'The result could not be fetched');
      if (err instanceof DownloadError && err.expired) return this.refreshLink(job, account, spec, err);
      if (err instanceof DownloadError) throw new StepFailure('download', err.message, 'retry');
      if (err instanceof NetworkError) throw this.networkFailure(err);
      throw err;
    }
    let done;
    try {
      done = await finishJob(this.deps, job, part, size);
    } catch (err) {
      // A file that is not a playable video was damaged in transit or by the provider: fetch it
      // again from the start rather than storing something broken.
      const { rm } = await import('node:fs/promises');
      await rm(part, { force: true });
      throw new StepFailure('download', `The downloaded file is not a playable video (${(err as Error).message}); downloading again.`, 'retry');
    }
    if (!done) return;
    this.announce(job.id);
    this.deps.emit({ type: 'catalogue.changed', entity: 'renders', ids: [done.renderId] });
    if (done.durationMs) void makeSprites(this.deps, [{ sha256: done.sha256, ext: 'mp4', durationMs: done.durationMs }], this.deps.emit, this.deps.log);
  }

  /** An expired link: ask the provider for the task again, once, for a fresh one. */
  private async refreshLink(job: JobRow, account: ResolvedAccount, spec: GenerationSpecParsed, err: DownloadError): Promise<void> {
    const task = resolveTask(this.deps.db, this.deps.layout, spec);
    const result = await this.call(account, account.adapter.queryCall(task, job.provider_task_id ?? ''), 'Refreshing the result link');
    const fresh = (await this.videosOf(account, account.adapter.parseQuery(result, job.provider_task_id ?? '')))[0]?.url;
    if (!fresh || fresh === job.result_url) {
      throw new StepFailure('download', `${err.message} The provider has no newer link: the result is gone. The credits were spent; rerun the job to make it again.`, 'failed');
    }
    updateJob(this.deps.db, job.id, 'downloading', 'downloading', { result_url: fresh, next_attempt_at: Date.now() }, 'The result link had expired; got a fresh one');
  }

  /** A succeeded task's videos, fetching the link first where the provider hands it out separately. */
  private async videosOf(account: ResolvedAccount, remote: RemoteTask): Promise<RemoteTask['videos']> {
    if (remote.videos.length > 0 || !remote.resultCall || !account.adapter.parseResult) return remote.videos;
    const result = await this.call(account, remote.resultCall, 'Fetching the result link');
    try {
      return account.adapter.parseResult(result, remote);
    } catch (err) {
      throw new StepFailure('server', `The provider's result answer could not be read (${(err as Error).message}); checking again.`, 'retry');
    }
  }

  /** Best effort: tells the provider to stop, so it neither renders nor charges for a cancelled task. */
  private async cancelAtProvider(job: JobRow): Promise<void> {
    if (!job.provider_task_id || !job.account_id) return;
    try {
      const account = await this.deps.accounts.resolve(job.account_id);
      if (!account.adapter.cancelCall) return;
      const task = resolveTask(this.deps.db, this.deps.layout, JSON.parse(job.params) as GenerationSpecParsed);
      const result = await this.sendWithAuth(account, account.adapter.cancelCall(task, job.provider_task_id));
      const problem = account.adapter.classify(result);
      this.deps.log(`job ${job.id}: cancel at the provider ${problem ? `refused: ${problem.message}` : 'accepted'}`);
    } catch (err) {
      this.deps.log(`job ${job.id}: cancel at the provider failed: ${(err as Error).message}`);
    }
  }

  /** Sent, answer lost, not found by a lookup: the outcome is unknown until the user decides (decide()). */
  private park(job: JobRow, label: string, why = `${label} offers no way to look the task up, so it is not sent again by itself.`): void {
    const message = `Sent, but the answer was lost — it may be running and charged at ${label}. Send again or Drop.`;
    if (updateJob(this.deps.db, job.id, job.state, 'unconfirmed', {
      next_attempt_at: null, error_class: 'unconfirmed', last_error: message,
    }, `${message} ${why}`)) this.announce(job.id);
  }

  /**
   * The user's answer for an unconfirmed job. Sending again reuses the job (its estimate stands
   * for the new task; a first task that did run is charged by the provider but cannot be seen or
   * booked here). Dropping ends it as cancelled with a zero charge row.
   */
  decide(jobId: number, decision: 'send_again' | 'drop'): boolean {
    const { db } = this.deps;
    const job = getJobRow(db, jobId);
    if (job.state !== 'unconfirmed') return false;
    const label = this.labelOf(job.provider);
    const ok = decision === 'send_again'
      ? updateJob(db, jobId, 'unconfirmed', 'queued', { next_attempt_at: Date.now(), error_class: null, last_error: null },
        `Sending again at your request. If the earlier send reached ${label}, that task may also run and be charged there.`)
      : db.transaction(() => {
        const reason = `Dropped by you: not sent again. If the earlier send reached ${label} it may still run and be charged there; no charge is booked here.`;
        if (!updateJob(db, jobId, 'unconfirmed', 'cancelled', { next_attempt_at: null, error_class: 'cancelled', last_error: reason }, reason)) return false;
        addCharge(db, jobId, 'actual', 0, job.provider, 'Not charged here: dropped after a lost answer');
        return true;
      })();
    if (ok) {
      this.announce(jobId);
      this.wake();
    }
    return ok;
  }

  private labelOf(provider: string): string {
    try {
      return this.deps.accounts.adapter(provider).label;
    } catch {
      return provider;
    }
  }

  private retry(job: JobRow, f: StepFailure, to: JobState = job.state): void {
    const cap = f.errorClass === 'offline' ? Math.min(this.timing.offlineCapMs, this.timing.backoff.capMs) : this.timing.backoff.capMs;
    const delay = retryDelayMs(job.attempts + 1, { baseMs: this.timing.backoff.baseMs, capMs: cap }, f.hintMs, this.random);
    const now = Date.now();
    if (updateJob(this.deps.db, job.id, job.state, to, {
      at: now, attempts: job.attempts + 1, next_attempt_at: now + delay, error_class: f.errorClass, last_error: f.message,
    }, `${f.message} Next try in ${Math.round(delay / 100) / 10} s.`)) this.announce(job.id);
  }

  private fail(job: JobRow, f: StepFailure): void {
    if (f.outcome === 'retry') return this.retry(job, f);
    this.end(job, f.outcome, f.errorClass, f.message);
  }

  /** Ends a job; a job that ends without an actual charge gets a zero row, so the ledger says so. */
  private end(job: JobRow, to: 'failed' | 'rejected', errorClass: JobErrorClass, message: string): void {
    const { db } = this.deps;
    const ended = db.transaction(() => {
      if (!updateJob(db, job.id, job.state, to, { error_class: errorClass, last_error: message, next_attempt_at: null }, message)) return false;
      const charged = db.prepare(`SELECT 1 FROM charges WHERE job_id = ? AND kind = 'actual'`).get(job.id);
      if (!charged) addCharge(db, job.id, 'actual', 0, job.provider, 'Not charged: the task did not run to the end');
      return true;
    })();
    if (ended) this.announce(job.id);
  }
}
