// Generation jobs: provider accounts (never their secrets: those live in the OS keychain or the
// serve host's secrets file), what a finished job produced, and project budgets.
export const sql = /* sql */ `
CREATE TABLE provider_accounts (
  id          TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  provider    TEXT NOT NULL,
  label       TEXT NOT NULL,
  base_url    TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);

ALTER TABLE jobs ADD COLUMN account_id TEXT REFERENCES provider_accounts(id) ON DELETE SET NULL;
ALTER TABLE jobs ADD COLUMN estimate_credits REAL NOT NULL DEFAULT 0;
-- The provider's handles for the result: video-extend and omni-video edits refer to them.
ALTER TABLE jobs ADD COLUMN result_video_id TEXT;
ALTER TABLE jobs ADD COLUMN result_url TEXT;
ALTER TABLE jobs ADD COLUMN result_expires_at INTEGER;
ALTER TABLE jobs ADD COLUMN bytes_expected INTEGER;
ALTER TABLE jobs ADD COLUMN bytes_received INTEGER NOT NULL DEFAULT 0;
CREATE INDEX jobs_by_account ON jobs(account_id, state);
CREATE INDEX jobs_recent ON jobs(updated_at DESC, id DESC);

ALTER TABLE projects ADD COLUMN budget_credits REAL CHECK (budget_credits IS NULL OR budget_credits >= 0);

-- Small settings the user edits (price table overrides), one JSON value per key.
CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL CHECK (json_valid(value))
);
`;
