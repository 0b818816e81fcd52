// A job state for "sent, but the answer was lost" with a provider that offers no way to look the
// task up: the job waits for the user to send again or drop it, instead of being re-sent blind.
// SQLite cannot change a CHECK in place, so the table is rebuilt (its documented procedure, run
// with foreign keys off: see migrate.ts); ids are kept, so events, charges and renders still point
// at their jobs.
const COLUMNS = `id, uid, idempotency_key, provider, model, task_type, state, project_id, shot_id, prompt_id,
  parent_render_id, params, provider_task_id, attempts, next_attempt_at, progress, error_class, last_error,
  created_at, updated_at, account_id, estimate_credits, result_video_id, result_url, result_expires_at,
  bytes_expected, bytes_received`;

export const sql = /* sql */ `
CREATE TABLE jobs_new (
  id                INTEGER PRIMARY KEY,
  uid               TEXT NOT NULL UNIQUE,
  -- Sent to the provider (Kling: external_task_id) so a retried submit is recognised, never doubled.
  idempotency_key   TEXT NOT NULL UNIQUE,
  provider          TEXT NOT NULL,
  model             TEXT NOT NULL,
  task_type         TEXT NOT NULL,
  -- unconfirmed: a create may have reached the provider and it cannot be looked up; waits for the user.
  state             TEXT NOT NULL DEFAULT 'queued' CHECK (state IN (
                      'queued', 'submitting', 'unconfirmed', 'submitted', 'running', 'downloading',
                      'done', 'failed', 'rejected', 'cancelled')),
  project_id        INTEGER REFERENCES projects(id) ON DELETE SET NULL,
  shot_id           INTEGER REFERENCES shots(id) ON DELETE SET NULL,
  prompt_id         INTEGER REFERENCES prompts(id),
  parent_render_id  INTEGER REFERENCES renders(id) ON DELETE SET NULL,
  params            TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
  provider_task_id  TEXT,
  attempts          INTEGER NOT NULL DEFAULT 0,
  next_attempt_at   INTEGER,
  progress          REAL,
  error_class       TEXT,
  last_error        TEXT,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  account_id        TEXT REFERENCES provider_accounts(id) ON DELETE SET NULL,
  estimate_credits  REAL NOT NULL DEFAULT 0,
  result_video_id   TEXT,
  result_url        TEXT,
  result_expires_at INTEGER,
  bytes_expected    INTEGER,
  bytes_received    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO jobs_new (${COLUMNS}) SELECT ${COLUMNS} FROM jobs;
DROP TABLE jobs;
ALTER TABLE jobs_new RENAME TO jobs;
CREATE INDEX jobs_by_state ON jobs(state, next_attempt_at);
CREATE INDEX jobs_by_provider_task ON jobs(provider, provider_task_id);
CREATE INDEX jobs_by_account ON jobs(account_id, state);
CREATE INDEX jobs_recent ON jobs(updated_at DESC, id DESC);
`;
