// Where the credits went: by day, provider, model and project; rerolls per shot; cost per picked
// second; ROI per prompt. Spend is the ledger's actual charges net of refunds (an estimate is not
// money spent), plus the stated cost of takes that arrived without a job (imported with a sidecar).
import type { Db } from './open.js';
import type { CostBucket, CostSummary } from '../../shared/review.js';

const DAY_MS = 86_400_000;
/** Lists (rerolls, prompts) show the top entries; the totals cover everything. */
const TOP = 50;

// One row per credit movement, with what it was spent on. `at` is when it was booked.
const SPEND = `
  WITH spend AS (
    SELECT c.created_at AS at, CASE c.kind WHEN 'actual' THEN c.credits ELSE -c.credits END AS credits,
      j.provider, j.model, j.project_id, j.shot_id, j.prompt_id
    FROM charges c JOIN jobs j ON j.id = c.job_id
    WHERE c.kind IN ('actual', 'refund') AND c.created_at >= @since
    UNION ALL
    SELECT r.created_at, r.cost_credits, coalesce(r.provider, 'unknown'), coalesce(r.model, 'unknown'), r.project_id, r.shot_id, r.prompt_id
    FROM renders r WHERE r.job_id IS NULL AND r.cost_credits > 0 AND r.created_at >= @since
  )`;

function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function costSummary(db: Db, opts: { projectId?: number | undefined; days: number; now?: number }): CostSummary {
  const now = opts.now ?? Date.now();
  const since = now - opts.days * DAY_MS;
  const params = { since, projectId: opts.projectId ?? null };
  const scope = 'WHERE (@projectId IS NULL OR project_id = @projectId)';
  const group = (keyExpr: string, labelExpr: string) =>
    db
      .prepare(`${SPEND} SELECT ${keyExpr} AS key, ${labelExpr} AS label, sum(credits) AS credits FROM spend ${scope} GROUP BY 1 HAVING sum(credits) <> 0 ORDER BY credits DESC`)
      .all(params) as CostBucket[];

  // Days are the user's local days; grouped here in JS from per-movement times so SQLite's
  // 'localtime' and the renderer never disagree about midnight.
  const movements = db.prepare(`${SPEND} SELECT at, credits FROM spend ${scope}`).all(params) as { at: number; credits: number }[];
  const perDay = new Map<string, number>();
  for (const m of movements) perDay.set(localDay(m.at), (perDay.get(localDay(m.at)) ?? 0) + m.credits);
  const byDay: CostBucket[] = [];
  if (movements.length) {
    const first = Math.min(...movements.map((m) => m.at));
    for (let t = first; localDay(t) <= localDay(now); t += DAY_MS) {
      const key = localDay(t);
      if (byDay.at(-1)?.key !== key) byDay.push({ key, label: key, credits: perDay.get(key) ?? 0 });
    }
  }
  const total = movements.reduce((s, m) => s + m.credits, 0);

  const byProject = db
    .prepare(
      `${SPEND} SELECT coalesce(CAST(s.project_id AS TEXT), 'none') AS key, coalesce(p.name, 'No project') AS label, sum(s.credits) AS credits
       FROM spend s LEFT JOIN projects p ON p.id = s.project_id ${scope.replace('project_id', 's.project_id')}
       GROUP BY 1 HAVING sum(s.credits) <> 0 ORDER BY credits DESC`,
    )
    .all(params) as CostBucket[];

  const rerolls = db
    .prepare(
      `${SPEND}, shot_spend AS (SELECT shot_id, sum(credits) AS credits FROM spend WHERE shot_id IS NOT NULL GROUP BY shot_id)
       SELECT s.id AS shotId, s.name AS shot, p.id AS projectId, p.name AS project, count(r.id) AS takes,
         max(count(r.id) - 1, 0) AS rerolls, coalesce(ss.credits, 0) AS credits,
         max(r.flag = 'pick') AS picked
       FROM shots s JOIN projects p ON p.id = s.project_id
       LEFT JOIN renders r ON r.shot_id = s.id LEFT JOIN shot_spend ss ON ss.shot_id = s.id
       WHERE (@projectId IS NULL OR s.project_id = @projectId)
       GROUP BY s.id ORDER BY rerolls DESC, credits DESC, s.position LIMIT ${TOP}`,
    )
    .all(params) as (Omit<CostSummary['rerollsPerShot'][number], 'picked'> & { picked: number | null })[];

  const pickedMs = db
    .prepare(
      `SELECT coalesce(sum(duration_ms), 0) FROM renders
       WHERE flag = 'pick' AND created_at >= @since AND (@projectId IS NULL OR project_id = @projectId)`,
    )
    .pluck()
    .get(params) as number;

  // Counted here, not summed from the ROI rows: those are the top prompts only, and a prompt's takes include free ones.
  const paidTakes = db
    .prepare(
      `SELECT count(*) FROM renders
       WHERE cost_credits > 0 AND created_at >= @since AND (@projectId IS NULL OR project_id = @projectId)`,
    )
    .pluck()
    .get(params) as number;

  const roi = db
    .prepare(
      `${SPEND}, prompt_spend AS (
         SELECT prompt_id, sum(credits) AS credits FROM spend
         WHERE prompt_id IS NOT NULL AND (@projectId IS NULL OR project_id = @projectId) GROUP BY prompt_id
       ),
       prompt_takes AS (
         SELECT prompt_id, count(*) AS takes, sum(flag = 'pick') AS picks FROM renders
         WHERE prompt_id IS NOT NULL AND created_at >= @since AND (@projectId IS NULL OR project_id = @projectId) GROUP BY prompt_id
       )
       SELECT pr.id AS promptId, pr.text, coalesce(ps.credits, 0) AS credits, coalesce(pt.takes, 0) AS takes, coalesce(pt.picks, 0) AS picks
       FROM prompt_spend ps FULL JOIN prompt_takes pt ON pt.prompt_id = ps.prompt_id
       JOIN prompts pr ON pr.id = coalesce(ps.prompt_id, pt.prompt_id)
       -- A prompt that neither cost anything nor made a take (a job refused uncharged) has no ROI to show.
       WHERE coalesce(ps.credits, 0) <> 0 OR coalesce(pt.takes, 0) > 0
       ORDER BY credits DESC, picks DESC LIMIT ${TOP}`,
    )
    .all(params) as { promptId: number; text: string; credits: number; takes: number; picks: number }[];

  return {
    total,
    byDay,
    byProvider: group('provider', 'provider'),
    byModel: group('model', 'model'),
    byProject,
    rerollsPerShot: rerolls.map((r) => ({ ...r, picked: r.picked === 1 })),
    pickedSeconds: pickedMs / 1000,
    paidTakes,
    costPerPickedSecond: pickedMs > 0 ? total / (pickedMs / 1000) : null,
    roiPerPrompt: roi.map((r) => ({ ...r, creditsPerPick: r.picks > 0 ? r.credits / r.picks : null })),
  };
}
