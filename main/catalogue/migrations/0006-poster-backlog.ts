// The poster backlog, looked for at every start (assetsAwaitingPoster in assets.ts, whose WHERE
// this mirrors): a partial index holding only the pictures still without a poster, so the check
// reads those few rows instead of every asset (≈400 ms at 100k assets without it), and pages
// through them in id order.
export const sql = /* sql */ `
CREATE INDEX assets_awaiting_poster ON assets(id) WHERE has_poster = 0 AND kind IN ('video', 'image') AND missing = 0;
`;
