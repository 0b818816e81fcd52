// The user's own prices (Settings → Providers → Prices), one row per price they changed, by
// provider and the price's path in shared/pricing/<provider>.ts (a JSON array of keys such as
// ["models","kling-v1-6","per5s","pro"]). Prices not listed here are the built-in ones; "Reset to
// built-in" deletes the row. Estimates read the table at submit and the ledger keeps the figure
// it used, so changing a price never alters a charge already recorded.
export const sql = /* sql */ `
CREATE TABLE price_overrides (
  provider    TEXT NOT NULL CHECK (length(provider) BETWEEN 1 AND 64),
  path        TEXT NOT NULL CHECK (json_valid(path) AND json_type(path) = 'array'),
  price       REAL NOT NULL CHECK (price >= 0 AND price <= 1000000),
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (provider, path)
) WITHOUT ROWID;
`;
