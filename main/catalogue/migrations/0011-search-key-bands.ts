// Key-range tokens for searches sorted by cost or duration: renders_fts's `facets` column (see
// 0004-search.ts and 0007-search-facets.ts) also holds a token naming the band of the render's cost
// ("cost37") and of its duration ("duration52"). Bands are eighths of an octave (each starts 2^⅛,
// ≈9%, above the one below, from 2^-8 to 2^40), listed in search_key_bands; band 0 holds everything
// below the lowest (zero, negatives), and a NULL duration has no token.
//
// Why: the first time words are searched, a page sorted by cost or duration was found either by
// looking the top of the key's order up in the full-text index id by id, or by one pass over every
// match (≈0.11 µs a match: ≈4 ms for a word in a third of 100k renders). With the bands, FTS5
// intersects the words with the band where the page lies, so the pass reads only the matches in
// that band and the next ones (main/catalogue/renders.ts, passByBands): ≈0.5 ms where ≈4 ms. Bands
// of a fixed ratio stay small at any scale of cost (credits or money) and duration (a second or an
// hour); a page that starts where keys are sparse reads a few bands.
//
// The tokens only narrow: the query keeps its exact SQL condition on the key, and reads each band's
// bounds from search_key_bands, the same rows the triggers used, so nothing is computed twice.
const STEPS_PER_OCTAVE = 8;
const bands: string[] = [];
for (let e = -8 * STEPS_PER_OCTAVE, band = 1; e <= 40 * STEPS_PER_OCTAVE; e++, band++) bands.push(`(${band}, ${String(2 ** (e / STEPS_PER_OCTAVE))})`);

const bandOf = (value: string) =>
  `coalesce((SELECT band FROM search_key_bands WHERE lo <= ${value} ORDER BY lo DESC LIMIT 1), 0)`;
const facets = (r: string) =>
  `'rating' || ${r}.rating || coalesce(' provider' || ${r}.provider, '') || coalesce(' project' || ${r}.project_id, '')` +
  ` || ' cost' || ${bandOf(`${r}.cost_credits`)}` +
  ` || CASE WHEN ${r}.duration_ms IS NULL THEN '' ELSE ' duration' || ${bandOf(`${r}.duration_ms`)} END`;

export const sql = /* sql */ `
CREATE TABLE search_key_bands (band INTEGER PRIMARY KEY, lo REAL NOT NULL UNIQUE);
INSERT INTO search_key_bands (band, lo) VALUES ${bands.join(', ')};
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
CREATE TRIGGER renders_fts_au AFTER UPDATE OF title, prompt_id, rating, provider, project_id, cost_credits, duration_ms ON renders BEGIN
  DELETE FROM renders_fts WHERE rowid = old.id;
  INSERT INTO renders_fts(rowid, title, prompt, facets)
  VALUES (new.id, new.title, coalesce((SELECT text || ' ' || negative FROM prompts WHERE id = new.prompt_id), ''), ${facets('new')});
END;
CREATE TRIGGER renders_fts_ad AFTER DELETE ON renders BEGIN
  DELETE FROM renders_fts WHERE rowid = old.id;
END;
`;
