// The whole domain's schema, as it stood when the catalogue was first created. Never edit a
// migration that has shipped: add the next numbered file instead.
//
// Times are integer milliseconds since the epoch. Free-form parameters are JSON text checked
// with json_valid. Every table that later crosses machines in a bundle carries a `uid`.
export const sql = /* sql */ `
CREATE TABLE projects (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  style_lock  TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE shots (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  -- REAL so a shot dragged between two others gets the midpoint without renumbering.
  position    REAL NOT NULL,
  name        TEXT NOT NULL,
  subject     TEXT NOT NULL DEFAULT '',
  action      TEXT NOT NULL DEFAULT '',
  framing     TEXT NOT NULL DEFAULT '',
  camera      TEXT NOT NULL DEFAULT '',
  lighting    TEXT NOT NULL DEFAULT '',
  style       TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX shots_by_project ON shots(project_id, position);

-- Identical prompts are one row (hash of text, negative and fields) so ROI per prompt is a GROUP BY.
CREATE TABLE prompts (
  id          INTEGER PRIMARY KEY,
  hash        TEXT NOT NULL UNIQUE,
  text        TEXT NOT NULL,
  negative    TEXT NOT NULL DEFAULT '',
  fields      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(fields)),
  created_at  INTEGER NOT NULL
);
CREATE VIRTUAL TABLE prompts_fts USING fts5(
  text, negative, content = 'prompts', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE TRIGGER prompts_fts_ai AFTER INSERT ON prompts BEGIN
  INSERT INTO prompts_fts(rowid, text, negative) VALUES (new.id, new.text, new.negative);
END;
CREATE TRIGGER prompts_fts_ad AFTER DELETE ON prompts BEGIN
  INSERT INTO prompts_fts(prompts_fts, rowid, text, negative) VALUES ('delete', old.id, old.text, old.negative);
END;
-- Prompts are immutable: a changed prompt is a new row.
CREATE TRIGGER prompts_immutable BEFORE UPDATE ON prompts BEGIN
  SELECT RAISE(ABORT, 'prompts are immutable; insert a new prompt instead');
END;

-- A media file. Stored files live in the content-addressed store under media/; external files
-- (watch folders in reference-in-place mode) keep their own path and may go missing.
CREATE TABLE assets (
  id            INTEGER PRIMARY KEY,
  sha256        TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  kind          TEXT NOT NULL CHECK (kind IN ('video', 'image', 'audio')),
  ext           TEXT NOT NULL,
  size          INTEGER NOT NULL CHECK (size >= 0),
  container     TEXT NOT NULL DEFAULT '',
  duration_ms   INTEGER,
  width         INTEGER,
  height        INTEGER,
  fps           REAL,
  video_codec   TEXT,
  audio_codec   TEXT,
  storage       TEXT NOT NULL DEFAULT 'store' CHECK (storage IN ('store', 'external')),
  external_path TEXT,
  missing       INTEGER NOT NULL DEFAULT 0 CHECK (missing IN (0, 1)),
  has_poster    INTEGER NOT NULL DEFAULT 0 CHECK (has_poster IN (0, 1)),
  sprite_frames INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL,
  CHECK ((storage = 'external') = (external_path IS NOT NULL))
);
-- Videos whose hover-scrub strip is still to be made, looked for at every start (assetsMissingSprites
-- in assets.ts, whose WHERE this mirrors): the partial index holds only those, so the check does not
-- read every asset of a large library.
CREATE INDEX assets_missing_sprites ON assets(id) WHERE storage = 'store' AND kind = 'video' AND sprite_frames = 0;

-- Every place a file with this content was seen: the first import path, duplicates found later,
-- watch-folder locations. Keeps "where it came from" after the file is in the store.
CREATE TABLE asset_locations (
  id          INTEGER PRIMARY KEY,
  asset_id    INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  path        TEXT NOT NULL,
  first_seen  INTEGER NOT NULL,
  last_seen   INTEGER NOT NULL,
  UNIQUE (asset_id, path)
);
CREATE INDEX asset_locations_by_path ON asset_locations(path);

CREATE TABLE jobs (
  id                INTEGER PRIMARY KEY,
  uid               TEXT NOT NULL UNIQUE,
  -- Sent to the provider (Kling: external_task_id) so a retried submit is recognised, never doubled.
  idempotency_key   TEXT NOT NULL UNIQUE,
  provider          TEXT NOT NULL,
  model             TEXT NOT NULL,
  task_type         TEXT NOT NULL,
  state             TEXT NOT NULL DEFAULT 'queued' CHECK (state IN (
                      'queued', 'submitting', 'submitted', 'running', 'downloading',
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
  updated_at        INTEGER NOT NULL
);
CREATE INDEX jobs_by_state ON jobs(state, next_attempt_at);
CREATE INDEX jobs_by_provider_task ON jobs(provider, provider_task_id);

-- The request/response log and every state transition of a job.
CREATE TABLE job_events (
  id          INTEGER PRIMARY KEY,
  job_id      INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  at          INTEGER NOT NULL,
  from_state  TEXT,
  to_state    TEXT,
  message     TEXT NOT NULL DEFAULT '',
  detail      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
);
CREATE INDEX job_events_by_job ON job_events(job_id, id);

CREATE TABLE renders (
  id            INTEGER PRIMARY KEY,
  uid           TEXT NOT NULL UNIQUE,
  asset_id      INTEGER NOT NULL REFERENCES assets(id),
  project_id    INTEGER REFERENCES projects(id) ON DELETE SET NULL,
  shot_id       INTEGER REFERENCES shots(id) ON DELETE SET NULL,
  prompt_id     INTEGER REFERENCES prompts(id),
  job_id        INTEGER UNIQUE REFERENCES jobs(id) ON DELETE SET NULL,
  title         TEXT NOT NULL,
  source        TEXT NOT NULL CHECK (source IN ('import', 'job', 'watch', 'bundle')),
  origin        TEXT,
  provider      TEXT,
  model         TEXT,
  task_type     TEXT,
  params        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
  -- Kept equal to the job's charges (actual minus refunds) by the charges trigger below, so
  -- sorting and filtering by cost needs no join over the ledger.
  cost_credits  REAL NOT NULL DEFAULT 0,
  -- Copied from the asset (content never changes) so sorting by length needs no join.
  duration_ms   INTEGER,
  rating        INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
  flag          TEXT CHECK (flag IN ('pick', 'reject')),
  notes         TEXT NOT NULL DEFAULT '',
  created_at    INTEGER NOT NULL
);
-- Grid sorts are keyset-paged on (key, id); "recently added" is the rowid itself.
CREATE INDEX renders_by_created ON renders(created_at, id);
CREATE INDEX renders_by_title ON renders(title COLLATE NOCASE, id);
CREATE INDEX renders_by_rating ON renders(rating, id);
CREATE INDEX renders_by_cost ON renders(cost_credits, id);
CREATE INDEX renders_by_duration ON renders(duration_ms, id);
-- Facets: equality on the facet, then recently-added order.
CREATE INDEX renders_by_project ON renders(project_id, id);
CREATE INDEX renders_by_shot ON renders(shot_id, id);
CREATE INDEX renders_by_provider ON renders(provider, id);
CREATE INDEX renders_by_model ON renders(model, id);
CREATE INDEX renders_by_task ON renders(task_type, id);
CREATE INDEX renders_by_flag ON renders(flag, id);
CREATE INDEX renders_by_asset ON renders(asset_id);
-- A shot has at most one pick.
CREATE UNIQUE INDEX renders_one_pick_per_shot ON renders(shot_id) WHERE flag = 'pick' AND shot_id IS NOT NULL;

-- Search over titles (file names) and prompt text; rowid is the render id, so newest-first is a
-- reverse walk of the index rather than a sort. Every word searched is a prefix; the prefix
-- indexes serve the one- to three-letter ones (the first keystrokes of a search as you type),
-- which would otherwise merge the lists of every word they begin.
CREATE VIRTUAL TABLE renders_fts USING fts5(
  title, prompt, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
CREATE TRIGGER renders_fts_ai AFTER INSERT ON renders BEGIN
  INSERT INTO renders_fts(rowid, title, prompt)
  VALUES (new.id, new.title, coalesce((SELECT text || ' ' || negative FROM prompts WHERE id = new.prompt_id), ''));
END;
CREATE TRIGGER renders_fts_au AFTER UPDATE OF title, prompt_id ON renders BEGIN
  DELETE FROM renders_fts WHERE rowid = old.id;
  INSERT INTO renders_fts(rowid, title, prompt)
  VALUES (new.id, new.title, coalesce((SELECT text || ' ' || negative FROM prompts WHERE id = new.prompt_id), ''));
END;
CREATE TRIGGER renders_fts_ad AFTER DELETE ON renders BEGIN
  DELETE FROM renders_fts WHERE rowid = old.id;
END;

-- Lineage: which render was made from which, by what edit.
CREATE TABLE lineage (
  child_id    INTEGER PRIMARY KEY REFERENCES renders(id) ON DELETE CASCADE,
  parent_id   INTEGER NOT NULL REFERENCES renders(id) ON DELETE CASCADE,
  operation   TEXT NOT NULL,
  params      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
  CHECK (child_id <> parent_id)
);
CREATE INDEX lineage_by_parent ON lineage(parent_id);

-- References: input assets with a role. ("references" is an SQL keyword, hence refs.)
CREATE TABLE refs (
  id                  INTEGER PRIMARY KEY,
  uid                 TEXT NOT NULL UNIQUE,
  asset_id            INTEGER NOT NULL REFERENCES assets(id),
  project_id          INTEGER REFERENCES projects(id) ON DELETE SET NULL,
  role                TEXT CHECK (role IN ('identity', 'product', 'style', 'first_frame', 'end_frame',
                        'mask', 'motion_trajectory', 'camera_path', 'audio', 'source_video')),
  title               TEXT NOT NULL,
  origin              TEXT,
  -- Provider-side handles made from this reference (e.g. Kling element ids), JSON by provider.
  provider_ids        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(provider_ids)),
  created_at          INTEGER NOT NULL
);
CREATE INDEX refs_by_created ON refs(created_at, id);
CREATE INDEX refs_by_asset ON refs(asset_id);

-- Which references went into which job or render, in which role and order.
CREATE TABLE job_refs (
  job_id    INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  ref_id    INTEGER NOT NULL REFERENCES refs(id),
  role      TEXT NOT NULL,
  position  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (job_id, ref_id, role)
);
CREATE TABLE render_refs (
  render_id INTEGER NOT NULL REFERENCES renders(id) ON DELETE CASCADE,
  ref_id    INTEGER NOT NULL REFERENCES refs(id),
  role      TEXT NOT NULL,
  position  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (render_id, ref_id, role)
);

-- The credit ledger: append-only. Corrections are new rows (a refund), never edits.
CREATE TABLE charges (
  id          INTEGER PRIMARY KEY,
  job_id      INTEGER NOT NULL REFERENCES jobs(id),
  kind        TEXT NOT NULL CHECK (kind IN ('estimate', 'actual', 'refund')),
  credits     REAL NOT NULL CHECK (credits >= 0),
  provider    TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL
);
CREATE INDEX charges_by_job ON charges(job_id);
CREATE INDEX charges_by_time ON charges(created_at);
CREATE TRIGGER charges_no_update BEFORE UPDATE ON charges BEGIN
  SELECT RAISE(ABORT, 'charges are append-only');
END;
CREATE TRIGGER charges_no_delete BEFORE DELETE ON charges BEGIN
  SELECT RAISE(ABORT, 'charges are append-only');
END;
CREATE TRIGGER charges_cost_to_render AFTER INSERT ON charges WHEN new.kind IN ('actual', 'refund') BEGIN
  UPDATE renders SET cost_credits = (
    SELECT coalesce(sum(CASE kind WHEN 'actual' THEN credits ELSE -credits END), 0)
    FROM charges WHERE job_id = new.job_id AND kind IN ('actual', 'refund')
  ) WHERE job_id = new.job_id;
END;

CREATE TABLE tags (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 128)
);
CREATE TABLE render_tags (
  render_id INTEGER NOT NULL REFERENCES renders(id) ON DELETE CASCADE,
  tag_id    INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (tag_id, render_id)
) WITHOUT ROWID;
CREATE INDEX render_tags_by_render ON render_tags(render_id);

CREATE TABLE watch_folders (
  id          INTEGER PRIMARY KEY,
  path        TEXT NOT NULL UNIQUE,
  mode        TEXT NOT NULL DEFAULT 'copy' CHECK (mode IN ('copy', 'in_place')),
  project_id  INTEGER REFERENCES projects(id) ON DELETE SET NULL,
  include     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(include)),
  exclude     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(exclude)),
  recursive   INTEGER NOT NULL DEFAULT 1 CHECK (recursive IN (0, 1)),
  paused      INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  status      TEXT NOT NULL DEFAULT 'idle',
  files_seen  INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT,
  created_at  INTEGER NOT NULL
);
`;
