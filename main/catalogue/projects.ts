import type { Db } from './open.js';
import type { Project, ProjectCost } from '../../shared/domain.js';
import { ContractError } from '../../shared/errors.js';
import { newUid } from './uid.js';

export function listProjects(db: Db): Project[] {
  return db.prepare('SELECT id, name, created_at AS createdAt FROM projects ORDER BY name COLLATE NOCASE, id').all() as Project[];
}

export function createProject(db: Db, name: string): Project {
  const now = Date.now();
  const info = db.prepare('INSERT INTO projects (uid, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(newUid(), name, now, now);
  return { id: Number(info.lastInsertRowid), name, createdAt: now };
}

export function requireProject(db: Db, id: number): void {
  if (!db.prepare('SELECT 1 FROM projects WHERE id = ?').get(id)) {
    throw new ContractError('not_found', `There is no project ${id} in this library.`, [{ field: 'projectId', message: 'no such project' }]);
  }
}

// One job's share of its project's spend: its actual charges net of refunds once the provider
// has reported them; before that its estimate, unless it ended without a charge. The budget
// check and the per-project totals both use it, so the two always agree.
const JOB_SPEND = `coalesce(
  (SELECT sum(CASE kind WHEN 'actual' THEN credits ELSE -credits END) FROM charges c
     WHERE c.job_id = j.id AND c.kind IN ('actual', 'refund')),
  CASE WHEN j.state IN ('failed', 'rejected', 'cancelled') THEN 0 ELSE j.estimate_credits END)`;

/** Credits this project has spent or has in flight. */
export function projectSpend(db: Db, projectId: number): number {
  const row = db.prepare(`SELECT coalesce(sum(${JOB_SPEND}), 0) AS spent FROM jobs j WHERE j.project_id = ?`).get(projectId) as { spent: number };
  return row.spent;
}

/** projectSpend for every project that has jobs, in one pass over the jobs table. */
export function projectCosts(db: Db): ProjectCost[] {
  return db
    .prepare(`SELECT j.project_id AS projectId, sum(${JOB_SPEND}) AS credits FROM jobs j WHERE j.project_id IS NOT NULL GROUP BY j.project_id`)
    .all() as ProjectCost[];
}
