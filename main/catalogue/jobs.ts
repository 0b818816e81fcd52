// Job rows: every state change is one transaction together with its job_events line, so the
// log and the state can never disagree, and a crash leaves the job in a state that says where
// it was.
import type { Db } from './open.js';
import type { JobState } from '../../shared/domain.js';
import type { GenerationSpecParsed } from '../../shared/generation.js';
import type { JobDetail, JobErrorClass, JobSummary } from '../../shared/jobs.js';
import { ContractError } from '../../shared/errors.js';
import { newUid } from './uid.js';

export interface JobRow {
  id: number;
  uid: string;
  idempotency_key: string;
  account_id: string | null;
  provider: string;
  model: string;
  task_type: string;
  state: JobState;
  project_id: number | null;
  shot_id: number | null;
  prompt_id: number | null;
  parent_render_id: number | null;
  params: string;
  provider_task_id: string | null;
  attempts: number;
  next_attempt_at: number | null;
  progress: number | null;
  error_class: JobErrorClass | null;
  last_error: string | null;
  estimate_credits: number;
  result_video_id: string | null;
  result_url: string | null;
  bytes_expected: number | null;
  bytes_received: number;
  created_at: number;
  updated_at: number;
  /** The bundle export this job arrived in; its params then name another library's rows. */
  imported_from: string | null;
}

export const ACTIVE_STATES: readonly JobState[] = ['queued', 'submitting', 'submitted', 'running', 'downloading'];
/** States a job never leaves: its outcome is known (any other state is waiting or at work). */
export const ENDED_STATES: readonly JobState[] = ['done', 'failed', 'rejected', 'cancelled'];

export function insertJob(
  db: Db,
  j: { accountId: string; provider: string; spec: GenerationSpecParsed; promptId: number; estimate: number },
): number {
  const now = Date.now();
  const id = Number(
    db
      .prepare(
        `INSERT INTO jobs (uid, idempotency_key, account_id, provider, model, task_type, state, project_id, shot_id,
           prompt_id, parent_render_id, params, estimate_credits, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        newUid(), newUid(), j.accountId, j.provider, j.spec.model, j.spec.taskType, j.spec.projectId ?? null,
        j.spec.shotId ?? null, j.promptId, lineageParent(j.spec), JSON.stringify(j.spec), j.estimate, now, now, now,
      ).lastInsertRowid,
  );
  logJobEvent(db, id, null, 'queued', 'Job created');
  return id;
}

/**
 * The render the job's take will hang under in the lineage: the render rerolled, else the one the
 * edit starts from. A reroll of an extension is a sibling take of that extension, not another
 * extension of its source, even though it sends the source's video again.
 */
export function lineageParent(spec: GenerationSpecParsed): number | null {
  return spec.rerollOf ?? spec.parentRenderId ?? null;
}

/** How the take relates to its lineage parent: 'reroll', else the edit's task type. */
export function lineageOperation(spec: GenerationSpecParsed): string {
  return spec.rerollOf !== undefined ? 'reroll' : spec.taskType;
}

export function logJobEvent(
  db: Db, jobId: number, from: JobState | null, to: JobState | null, message: string, detail: unknown = {},
): void {
  db.prepare('INSERT INTO job_events (job_id, at, from_state, to_state, message, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    jobId, Date.now(), from, to, message, JSON.stringify(detail ?? {}),
  );
}

export type JobPatch = Partial<Pick<JobRow,
  | 'provider_task_id' | 'attempts' | 'next_attempt_at' | 'progress' | 'error_class' | 'last_error'
  | 'result_video_id' | 'result_url' | 'bytes_expected' | 'bytes_received'>>;

const PATCHABLE = new Set([
  'provider_task_id', 'attempts', 'next_attempt_at', 'progress', 'error_class', 'last_error',
  'result_video_id', 'result_url', 'bytes_expected', 'bytes_received',
]);

/**
 * Moves a job from `from` to `to` (or updates it in place when they are equal). Refuses when the
 * job is no longer in `from` — e.g. the user cancelled it meanwhile — and returns false.
 */
export function updateJob(
  db: Db, jobId: number, from: JobState, to: JobState,
  /** `at`: when this change happened (default now); a next_attempt_at computed from the same reading keeps the wait shown exact. */
  patch: JobPatch & { at?: number }, message?: string, detail?: unknown,
): boolean {
  const { at = Date.now(), ...columns } = patch;
  const sets = ['state = @to', 'updated_at = @now'];
  const params: Record<string, unknown> = { id: jobId, from, to, now: at };
  for (const [k, v] of Object.entries(columns)) {
    if (!PATCHABLE.has(k)) throw new Error(`not a patchable job column: ${k}`);
    sets.push(`${k} = @${k}`);
    params[k] = v;
  }
  return db.transaction(() => {
    const changed = db.prepare(`UPDATE jobs SET ${sets.join(', ')} WHERE id = @id AND state = @from`).run(params).changes === 1;
    if (changed && (message || from !== to)) logJobEvent(db, jobId, from, to === from ? null : to, message ?? `${from} → ${to}`, detail);
    return changed;
  })();
}

export function getJobRow(db: Db, id: number): JobRow {
  const row = db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
  if (!row) throw new ContractError('not_found', `There is no job ${id} in this library.`);
  return row;
}

/** Jobs past the queue (holding a provider slot) whose next step is due, soonest first. */
export function dueStartedJobs(db: Db, now: number): JobRow[] {
  return db
    .prepare(
      `SELECT * FROM jobs WHERE state IN ('submitting', 'submitted', 'running', 'downloading')
       AND coalesce(next_attempt_at, 0) <= ? ORDER BY coalesce(next_attempt_at, 0), id`,
    )
    .all(now) as JobRow[];
}

/** Accounts with queued jobs that are due, and how many are in flight for each. */
export function queuedAccounts(db: Db, now: number): { accountId: string; inFlight: number }[] {
  return db
    .prepare(
      `SELECT q.account_id AS accountId,
         (SELECT count(*) FROM jobs s WHERE s.account_id = q.account_id
            AND s.state IN ('submitting', 'submitted', 'running', 'downloading')) AS inFlight
       FROM (SELECT DISTINCT account_id FROM jobs WHERE state = 'queued' AND coalesce(next_attempt_at, 0) <= ?) q`,
    )
    .all(now) as { accountId: string; inFlight: number }[];
}

/** The next queued jobs of one account, oldest first, at most `limit` (its free slots). */
export function dueQueuedJobs(db: Db, accountId: string, now: number, limit: number): JobRow[] {
  return db
    .prepare(
      `SELECT * FROM jobs WHERE state = 'queued' AND account_id = ? AND coalesce(next_attempt_at, 0) <= ?
       ORDER BY coalesce(next_attempt_at, 0), id LIMIT ?`,
    )
    .all(accountId, now, limit) as JobRow[];
}

export function nextDueAt(db: Db): number | null {
  const row = db
    .prepare(`SELECT min(coalesce(next_attempt_at, 0)) AS t FROM jobs WHERE state IN ('queued', 'submitting', 'submitted', 'running', 'downloading')`)
    .get() as { t: number | null };
  return row.t;
}

export function addCharge(db: Db, jobId: number, kind: 'estimate' | 'actual' | 'refund', credits: number, provider: string, note = ''): void {
  db.prepare('INSERT INTO charges (job_id, kind, credits, provider, note, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    jobId, kind, credits, provider, note, Date.now(),
  );
}

const SUMMARY_SELECT = `
  SELECT j.*, coalesce(p.text, '') AS prompt_text,
    (SELECT sum(CASE kind WHEN 'actual' THEN credits WHEN 'refund' THEN -credits END) FROM charges c
       WHERE c.job_id = j.id AND c.kind IN ('actual', 'refund')) AS actual_credits,
    (SELECT r.id FROM renders r WHERE r.job_id = j.id) AS render_id
  FROM jobs j LEFT JOIN prompts p ON p.id = j.prompt_id`;

type SummaryRow = JobRow & { prompt_text: string; actual_credits: number | null; render_id: number | null };

function summaryFromRow(r: SummaryRow): JobSummary {
  return {
    id: r.id, accountId: r.account_id, provider: r.provider, model: r.model, taskType: r.task_type, state: r.state,
    progress: r.progress, attempts: r.attempts, nextAttemptAt: r.next_attempt_at, errorClass: r.error_class,
    lastError: r.last_error, promptText: r.prompt_text, estimateCredits: r.estimate_credits,
    actualCredits: r.actual_credits, renderId: r.render_id, parentRenderId: r.parent_render_id,
    projectId: r.project_id, shotId: r.shot_id, createdAt: r.created_at, updatedAt: r.updated_at,
    imported: r.imported_from !== null,
  };
}

export function jobSummary(db: Db, id: number): JobSummary {
  const row = db.prepare(`${SUMMARY_SELECT} WHERE j.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) throw new ContractError('not_found', `There is no job ${id} in this library.`);
  return summaryFromRow(row);
}

export function listJobs(db: Db, opts: { states?: readonly JobState[] | undefined; beforeId?: number | undefined; limit: number }): JobSummary[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (opts.states?.length) {
    where.push(`j.state IN (${opts.states.map(() => '?').join(', ')})`);
    params.push(...opts.states);
  }
  if (opts.beforeId) {
    where.push('j.id < ?');
    params.push(opts.beforeId);
  }
  const rows = db
    .prepare(`${SUMMARY_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY j.id DESC LIMIT ?`)
    .all(...params, opts.limit) as SummaryRow[];
  return rows.map(summaryFromRow);
}

export function jobDetail(db: Db, id: number): JobDetail {
  const summary = jobSummary(db, id);
  const row = getJobRow(db, id);
  const events = db
    .prepare('SELECT at, from_state AS fromState, to_state AS toState, message FROM job_events WHERE job_id = ? ORDER BY id')
    .all(id) as JobDetail['events'];
  const charges = db
    .prepare('SELECT kind, credits, created_at AS at, note FROM charges WHERE job_id = ? ORDER BY id')
    .all(id) as JobDetail['charges'];
  return { ...summary, spec: JSON.parse(row.params) as JobDetail['spec'], providerTaskId: row.provider_task_id, idempotencyKey: row.idempotency_key, events, charges };
}
