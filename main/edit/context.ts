// What an edit needs to know about the render it starts from: which account and model made it,
// the spec it was made with (Reroll sends that again), whether the provider still holds the video
// (extend and the O1 edits name it by id or URL), and how deep its extend chain already is.
import type { Db } from '../catalogue/open.js';
import type { EditContext } from '../../shared/channels/edit.js';
import type { GenerationSpecParsed } from '../../shared/generation.js';
import { ContractError } from '../../shared/errors.js';

interface Row {
  id: number; title: string; provider: string | null; model: string | null; task_type: string | null;
  project_id: number | null; shot_id: number | null; width: number | null; height: number | null; duration_ms: number | null;
  account_id: string | null; params: string | null; result_video_id: string | null; result_url: string | null;
  imported_from: string | null;
}

/**
 * Extends that lead to this render: each step up the lineage made by 'extend' adds one. A reroll
 * is another take of the render it rerolls, at the same place in the chain: the walk goes through
 * it without counting it (a reroll of extension 2 is extension 2). Any other edit starts anew.
 */
export function extendChainDepth(db: Db, renderId: number): number {
  const row = db
    .prepare(
      `WITH RECURSIVE up(id, depth, steps) AS (
         SELECT ?, 0, 0
         UNION ALL
         SELECT l.parent_id, up.depth + (l.operation = 'extend'), up.steps + 1 FROM lineage l JOIN up ON l.child_id = up.id
         WHERE l.operation IN ('extend', 'reroll') AND up.steps < 1000
       ) SELECT max(depth) AS depth FROM up`,
    )
    .get(renderId) as { depth: number };
  return row.depth;
}

export function editContext(db: Db, renderId: number): EditContext {
  const row = db
    .prepare(
      `SELECT r.id, r.title, r.provider, r.model, r.task_type, r.project_id, r.shot_id, a.width, a.height, a.duration_ms,
              j.account_id, j.params, j.result_video_id, j.result_url, r.imported_from
       FROM renders r JOIN assets a ON a.id = r.asset_id LEFT JOIN jobs j ON j.id = r.job_id WHERE r.id = ?`,
    )
    .get(renderId) as Row | undefined;
  if (!row) throw new ContractError('not_found', `There is no render ${renderId}.`, [{ field: 'renderId', message: 'no such render' }]);
  return {
    renderId: row.id,
    title: row.title,
    accountId: row.account_id,
    provider: row.provider,
    model: row.model,
    taskType: row.task_type,
    // A take from a bundle: its spec names another library's rows (main/bundles/imported.ts).
    spec: row.params && row.imported_from === null ? (JSON.parse(row.params) as GenerationSpecParsed) : null,
    hasProviderVideo: !!(row.result_video_id || row.result_url),
    chainDepth: extendChainDepth(db, renderId),
    width: row.width,
    height: row.height,
    durationMs: row.duration_ms,
    projectId: row.project_id,
    shotId: row.shot_id,
  };
}
