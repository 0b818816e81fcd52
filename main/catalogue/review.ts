// What the detail panel shows beyond renders.get (prompt fields, parameters, references with
// their roles, the job's log and charges), the lineage tree, and the marks a reviewer sets:
// pick / reject, rating, notes.
import type { Db } from './open.js';
import type { JobState, RenderFlag } from '../../shared/domain.js';
import type { JobEventLine } from '../../shared/jobs.js';
import type { LineageNode, LineageTree, ReviewDetail, ReviewReference } from '../../shared/review.js';
import { ContractError } from '../../shared/errors.js';
import { getRender } from './renders.js';

/** A family larger than this is cut (and says so): the panel shows a tree, not a database. */
const LINEAGE_MAX_NODES = 400;
const LINEAGE_MAX_DEPTH = 64;

function parseObject(json: string | null | undefined): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json ?? '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function reviewDetail(db: Db, id: number): ReviewDetail {
  const base = getRender(db, id);
  const row = db
    .prepare(
      `SELECT r.params, r.job_id, r.shot_id, pr.fields AS prompt_fields
       FROM renders r LEFT JOIN prompts pr ON pr.id = r.prompt_id WHERE r.id = ?`,
    )
    .get(id) as { params: string; job_id: number | null; shot_id: number | null; prompt_fields: string | null };
  const references = db
    .prepare(
      `SELECT f.id, f.title, a.sha256, a.ext, a.kind, rr.role, a.has_poster AS hasPoster
       FROM render_refs rr JOIN refs f ON f.id = rr.ref_id JOIN assets a ON a.id = f.asset_id
       WHERE rr.render_id = ? ORDER BY rr.position, f.id`,
    )
    .all(id) as (Omit<ReviewReference, 'hasPoster'> & { hasPoster: number })[];
  let job: ReviewDetail['job'] = null;
  if (row.job_id !== null) {
    const j = db.prepare('SELECT id, state, provider, model, task_type FROM jobs WHERE id = ?').get(row.job_id) as
      | { id: number; state: JobState; provider: string; model: string; task_type: string }
      | undefined;
    if (j) {
      job = {
        id: j.id, state: j.state, provider: j.provider, model: j.model, taskType: j.task_type,
        events: db
          .prepare('SELECT at, from_state AS fromState, to_state AS toState, message FROM job_events WHERE job_id = ? ORDER BY id')
          .all(j.id) as JobEventLine[],
        charges: db
          .prepare('SELECT kind, credits, created_at AS at, note FROM charges WHERE job_id = ? ORDER BY id')
          .all(j.id) as NonNullable<ReviewDetail['job']>['charges'],
      };
    }
  }
  const shotPickId = row.shot_id === null
    ? null
    : ((db.prepare(`SELECT id FROM renders WHERE shot_id = ? AND flag = 'pick'`).pluck().get(row.shot_id) as number | undefined) ?? null);
  return {
    ...base,
    promptFields: parseObject(row.prompt_fields),
    params: parseObject(row.params),
    references: references.map((r) => ({ ...r, hasPoster: r.hasPoster === 1 })),
    job,
    shotPickId,
  };
}

interface NodeRow {
  id: number; title: string; sha256: string; has_poster: number; flag: RenderFlag | null;
  operation: string | null; parent_id: number | null; depth: number;
}

const NODE_COLUMNS = 'r.id, r.title, a.sha256, a.has_poster, r.flag';

function node(row: NodeRow): LineageNode {
  return { id: row.id, title: row.title, sha256: row.sha256, hasPoster: row.has_poster === 1, flag: row.flag, operation: row.operation, children: [] };
}

/** The take's ancestors (oldest first) and its descendants as a tree, each a clickable thumbnail. */
export function lineageTree(db: Db, id: number): LineageTree {
  const selfRow = db
    .prepare(
      `SELECT ${NODE_COLUMNS}, l.operation, l.parent_id, 0 AS depth
       FROM renders r JOIN assets a ON a.id = r.asset_id LEFT JOIN lineage l ON l.child_id = r.id WHERE r.id = ?`,
    )
    .get(id) as NodeRow | undefined;
  if (!selfRow) throw new ContractError('not_found', `There is no render ${id} in this library.`);

  // Up the parent chain; the depth cap also stops a cycle a hand-edited sidecar could make.
  const ancestors = db
    .prepare(
      `WITH RECURSIVE up(id, depth) AS (
         SELECT parent_id, 1 FROM lineage WHERE child_id = @id
         UNION ALL SELECT l.parent_id, up.depth + 1 FROM lineage l JOIN up ON l.child_id = up.id WHERE up.depth < @maxDepth
       )
       SELECT ${NODE_COLUMNS}, l.operation, l.parent_id, up.depth
       FROM up JOIN renders r ON r.id = up.id JOIN assets a ON a.id = r.asset_id LEFT JOIN lineage l ON l.child_id = r.id
       ORDER BY up.depth DESC`,
    )
    .all({ id, maxDepth: LINEAGE_MAX_DEPTH }) as NodeRow[];

  const descendants = db
    .prepare(
      `WITH RECURSIVE down(id, parent_id, operation, depth) AS (
         SELECT child_id, parent_id, operation, 1 FROM lineage WHERE parent_id = @id
         UNION ALL SELECT l.child_id, l.parent_id, l.operation, down.depth + 1
           FROM lineage l JOIN down ON l.parent_id = down.id WHERE down.depth < @maxDepth
       )
       SELECT ${NODE_COLUMNS}, down.operation, down.parent_id, down.depth
       FROM down JOIN renders r ON r.id = down.id JOIN assets a ON a.id = r.asset_id
       ORDER BY down.depth, r.id LIMIT @limit`,
    )
    .all({ id, maxDepth: LINEAGE_MAX_DEPTH, limit: LINEAGE_MAX_NODES + 1 }) as NodeRow[];

  const self = node(selfRow);
  const byId = new Map<number, LineageNode>([[self.id, self]]);
  const seen = new Set<number>([id, ...ancestors.map((a) => a.id)]);
  for (const row of descendants.slice(0, LINEAGE_MAX_NODES)) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const n = node(row);
    byId.set(n.id, n);
    byId.get(row.parent_id!)?.children.push(n);
  }
  return {
    ancestors: ancestors.filter((a) => a.id !== id).map(node),
    self,
    truncated: descendants.length > LINEAGE_MAX_NODES || ancestors.length >= LINEAGE_MAX_DEPTH,
  };
}

/**
 * Sets a take's flag and/or rating. A pick takes the shot's pick from whichever take held it, in
 * the same transaction, so the one-pick-per-shot index never refuses a user's P.
 */
export function markRender(
  db: Db, input: { id: number; flag?: RenderFlag | null | undefined; rating?: number | undefined },
): { id: number; flag: RenderFlag | null; rating: number; unpickedId: number | null } {
  return db.transaction(() => {
    const row = db.prepare('SELECT shot_id FROM renders WHERE id = ?').get(input.id) as { shot_id: number | null } | undefined;
    if (!row) throw new ContractError('not_found', `There is no render ${input.id} in this library.`, [{ field: 'id', message: 'no such render' }]);
    let unpickedId: number | null = null;
    if (input.flag !== undefined) {
      if (input.flag === 'pick' && row.shot_id !== null) {
        unpickedId = (db.prepare(`SELECT id FROM renders WHERE shot_id = ? AND flag = 'pick' AND id <> ?`).pluck().get(row.shot_id, input.id) as number | undefined) ?? null;
        if (unpickedId !== null) db.prepare('UPDATE renders SET flag = NULL WHERE id = ?').run(unpickedId);
      }
      db.prepare('UPDATE renders SET flag = ? WHERE id = ?').run(input.flag, input.id);
    }
    if (input.rating !== undefined) db.prepare('UPDATE renders SET rating = ? WHERE id = ?').run(input.rating, input.id);
    const now = db.prepare('SELECT flag, rating FROM renders WHERE id = ?').get(input.id) as { flag: RenderFlag | null; rating: number };
    return { id: input.id, flag: now.flag, rating: now.rating, unpickedId };
  })();
}

export function setNotes(db: Db, id: number, notes: string): { id: number; notes: string } {
  const changed = db.prepare('UPDATE renders SET notes = ? WHERE id = ?').run(notes, id).changes;
  if (!changed) throw new ContractError('not_found', `There is no render ${id} in this library.`, [{ field: 'id', message: 'no such render' }]);
  return { id, notes };
}
