// Facet tokens for search within a facet: renders_fts's `facets` column (see 0004-search.ts, which
// put a rating token there) also holds the render's provider ("providerkling") and project
// ("project12"). A search inside a project or provider is then narrowed by FTS5 itself, which
// intersects the word's list with the facet's by skipping; before, every match of the words was
// read and its project looked up (≈14 ms p95 for a common word in a project at 100k renders, and a
// full walk of the matches when the facet and the words have nothing in common).
//
// The tokens only narrow: the query keeps its exact SQL filter on r.project_id and r.provider, so a
// provider name that the tokenizer splits or folds can at worst let through a row that SQL then
// drops, never lose one (main/catalogue/search-terms.ts, withFacets).
const facets = (r: string) => `'rating' || ${r}.rating || coalesce(' provider' || ${r}.provider, '') || coalesce(' project' || ${r}.project_id, '')`;

export const sql = /* sql */ `
DROP TRIGGER renders_fts_ai;
DROP TRIGGER renders_fts_au;
DROP TRIGGER renders_fts_ad;
DROP TABLE renders_fts;
CREATE VIRTUAL TABLE renders_fts USING fts5(
  title, prompt, facets, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
INSERT INTO renders_fts(rowid, title, prompt, facets)
  SELECT r.id, r.title, coalesce(p.text || ' ' || p.negative, ''), ${facets('r')}
  FROM renders r LEFT JOIN prompts p ON p.id = r.prompt_id;
CREATE TRIGGER renders_fts_ai AFTER INSERT ON renders BEGIN
  INSERT INTO renders_fts(rowid, title, prompt, facets)
  VALUES (new.id, new.title, coalesce((SELECT text || ' ' || negative FROM prompts WHERE id = new.prompt_id), ''), ${facets('new')});
END;
CREATE TRIGGER renders_fts_au AFTER UPDATE OF title, prompt_id, rating, provider, project_id ON renders BEGIN
  DELETE FROM renders_fts WHERE rowid = old.id;
  INSERT INTO renders_fts(rowid, title, prompt, facets)
  VALUES (new.id, new.title, coalesce((SELECT text || ' ' || negative FROM prompts WHERE id = new.prompt_id), ''), ${facets('new')});
END;
CREATE TRIGGER renders_fts_ad AFTER DELETE ON renders BEGIN
  DELETE FROM renders_fts WHERE rowid = old.id;
END;
`;
