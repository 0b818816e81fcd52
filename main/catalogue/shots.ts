// A project's shot list. Shots are created by the demo project (and later the shot-list editor);
// jobs and renders point at them, so a take can be filed under the shot it was made for.
import type { Db } from './open.js';
import type { Shot } from '../../shared/domain.js';
import { ContractError } from '../../shared/errors.js';

export function listShots(db: Db, projectId: number): Shot[] {
  return db
    .prepare(
      `SELECT id, name, position, subject, action, framing, camera, lighting, style
       FROM shots WHERE project_id = ? ORDER BY position, id`,
    )
    .all(projectId) as Shot[];
}

/** Refuses a shot that does not exist or belongs to another project than the one named. */
export function requireShotOf(db: Db, shotId: number, projectId: number | undefined): void {
  const row = db.prepare('SELECT project_id AS projectId FROM shots WHERE id = ?').get(shotId) as { projectId: number } | undefined;
  if (!row) {
    throw new ContractError('not_found', `There is no shot ${shotId} in this library.`, [{ field: 'shotId', message: 'no such shot' }]);
  }
  if (row.projectId !== projectId) {
    throw new ContractError('validation', `Shot ${shotId} belongs to another project; pick the shot's project or no shot.`, [
      { field: 'shotId', message: 'not a shot of this project' },
    ]);
  }
}
