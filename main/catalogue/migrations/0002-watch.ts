// Watched folders (issue 7). Never edit once shipped: add the next numbered file instead.
//
// - watch_folders.images_as: whether images arriving in the folder become references (the
//   default) or renders (ComfyUI/InvokeAI stills that are takes in their own right).
// - asset_locations.size / mtime_ms: what the file looked like when it was last hashed there, so
//   a restart (or rescan) of a 10,000-file folder re-hashes only files that changed.
// - asset_locations.gone_at: set when the file left that place (deleted, moved away); the row is
//   kept as history, and the asset's current places are the rows where it is NULL.
export const sql = /* sql */ `
ALTER TABLE watch_folders ADD COLUMN images_as TEXT NOT NULL DEFAULT 'reference'
  CHECK (images_as IN ('reference', 'render'));
ALTER TABLE asset_locations ADD COLUMN size INTEGER;
ALTER TABLE asset_locations ADD COLUMN mtime_ms INTEGER;
ALTER TABLE asset_locations ADD COLUMN gone_at INTEGER;
CREATE INDEX assets_missing ON assets(id) WHERE missing = 1;
CREATE INDEX assets_by_external_path ON assets(external_path) WHERE external_path IS NOT NULL;
`;
