// Search at 100k renders within a few milliseconds: two additions to the renders' full-text index.
//
// 1. The search vocabulary: every word the renders' full-text index holds, in a plain B-tree.
// Why: every word a user types is searched as a prefix ("gold" finds "golden"). FTS5 serves a
// prefix query by first merging the complete list of every matching word's documents, so a
// common word costs a pass over tens of thousands of entries before the first row of a page;
// an exact word is walked lazily and stops at the page's LIMIT (≈0.2 ms against ≈4 ms at 100k
// renders). With this table a prefix of four letters or more becomes the OR of the few exact
// words it stands for (main/catalogue/search-terms.ts). One- to three-letter prefixes keep
// FTS5's own prefix indexes (renders_fts prefix = '1 2 3').
//
// The words come from SQLite's own tokenizer, never from a re-implementation of it: a trigger
// puts the new row's text into an empty contentless FTS5 table with the same tokenizer, copies
// that table's vocabulary here, and empties it again. Words are never removed (a word no render
// still holds expands to an exact term that matches nothing), so the table only grows with the
// library's vocabulary, not with its size.
//
// 2. A `facets` column holding a token per rating ("rating4"). A search sorted by rating is then
// one lazy FTS5 walk per rating group ("cinematic" AND rating 5, then 4, …) that stops at the
// page's LIMIT; FTS5 intersects the two word lists by skipping, where walking the matches and
// looking up each one's rating has to read every match of a group to exhaust it. User words are
// matched in {title prompt} only, so a search can never hit a facet token.
export const sql = /* sql */ `
DROP TRIGGER renders_fts_ai;
DROP TRIGGER renders_fts_au;
DROP TRIGGER renders_fts_ad;
DROP TABLE renders_fts;
CREATE VIRTUAL TABLE renders_fts USING fts5(
  title, prompt, facets, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
INSERT INTO renders_fts(rowid, title, prompt, facets)
  SELECT r.id, r.title, coalesce(p.text || ' ' || p.negative, ''), 'rating' || r.rating
  FROM renders r LEFT JOIN prompts p ON p.id = r.prompt_id;
CREATE TRIGGER renders_fts_ai AFTER INSERT ON renders BEGIN
  INSERT INTO renders_fts(rowid, title, prompt, facets)
  VALUES (new.id, new.title, coalesce((SELECT text || ' ' || negative FROM prompts WHERE id = new.prompt_id), ''), 'rating' || new.rating);
END;
CREATE TRIGGER renders_fts_au AFTER UPDATE OF title, prompt_id, rating ON renders BEGIN
  DELETE FROM renders_fts WHERE rowid = old.id;
  INSERT INTO renders_fts(rowid, title, prompt, facets)
  VALUES (new.id, new.title, coalesce((SELECT text || ' ' || negative FROM prompts WHERE id = new.prompt_id), ''), 'rating' || new.rating);
END;
CREATE TRIGGER renders_fts_ad AFTER DELETE ON renders BEGIN
  DELETE FROM renders_fts WHERE rowid = old.id;
END;

CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE VIRTUAL TABLE search_scratch USING fts5(
  text, tokenize = 'unicode61 remove_diacritics 2', content = '', detail = none
);
CREATE VIRTUAL TABLE search_scratch_terms USING fts5vocab(search_scratch, 'row');

CREATE TRIGGER search_terms_ai AFTER INSERT ON renders BEGIN
  INSERT INTO search_scratch(rowid, text)
  VALUES (1, coalesce(new.title, '') || ' ' || coalesce((SELECT text || ' ' || negative FROM prompts WHERE id = new.prompt_id), ''));
  INSERT OR IGNORE INTO search_terms(term) SELECT term FROM search_scratch_terms;
  INSERT INTO search_scratch(search_scratch) VALUES ('delete-all');
END;
CREATE TRIGGER search_terms_au AFTER UPDATE OF title, prompt_id ON renders BEGIN
  INSERT INTO search_scratch(rowid, text)
  VALUES (1, coalesce(new.title, '') || ' ' || coalesce((SELECT text || ' ' || negative FROM prompts WHERE id = new.prompt_id), ''));
  INSERT OR IGNORE INTO search_terms(term) SELECT term FROM search_scratch_terms;
  INSERT INTO search_scratch(search_scratch) VALUES ('delete-all');
END;

-- The words of the renders already catalogued (≈150 ms at 100k renders, once).
CREATE VIRTUAL TABLE temp.renders_fts_terms USING fts5vocab(main, renders_fts, 'col');
INSERT OR IGNORE INTO search_terms(term) SELECT term FROM temp.renders_fts_terms WHERE col IN ('title', 'prompt');
DROP TABLE temp.renders_fts_terms;
`;
