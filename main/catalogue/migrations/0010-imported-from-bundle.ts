// Jobs and takes that arrived in a bundle keep the export they came from. Their recorded
// generation (params) names projects, takes and references by the ids of the library that made
// them, which mean other rows here: such a generation is history to read, never a spec to send
// again (Retry, Try on, the edits refuse it and say why).
export const sql = /* sql */ `
ALTER TABLE jobs ADD COLUMN imported_from TEXT;
ALTER TABLE renders ADD COLUMN imported_from TEXT;
`;
