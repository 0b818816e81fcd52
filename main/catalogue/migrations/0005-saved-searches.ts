// Saved searches (smart collections): a name, what was typed in the search box, the facet
// choices and the sort. The grid re-runs them, so a collection always shows today's renders.
export const sql = /* sql */ `
CREATE TABLE saved_searches (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 120),
  -- The search box's text (free words and field:value filters).
  query       TEXT NOT NULL DEFAULT '',
  -- The sidebar's facet choices: a RenderFilter without its text, as JSON.
  filter      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(filter)),
  sort        TEXT NOT NULL DEFAULT 'newest',
  position    REAL NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
`;
