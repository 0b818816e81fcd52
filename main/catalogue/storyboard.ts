// The storyboard: a project's shots in order, each with its takes and its pick; and the shot
// list's edits (add, rename, move). Shot positions are REAL so a move writes one row: the moved
// shot takes the midpoint of its new neighbours.
import type { Db } from './open.js';
import type { Shot } from '../../shared/domain.js';
import type { Storyboard, StoryboardShot } from '../../shared/review.js';
import { ContractError } from '../../shared/errors.js';
import { listShots } from './shots.js';
import { pageRenders } from './renders.js';
import { newUid } from './uid.js';

/** Closer than this, two positions are renumbered 1..n rather than halved again. */
const MIN_GAP = 1e-6;

function requireProjectRow(db: Db, projectId: number): { id: number; name: string } {
  const row = db.prepare('SELECT id, name FROM projects WHERE id = ?').get(projectId) as { id: number; name: string } | undefined;
  if (!row) throw new ContractError('not_found', `There is no project ${projectId} in this library.`, [{ field: 'projectId', message: 'no such project' }]);
  return row;
}

function shotRow(db: Db, id: number): Shot & { projectId: number } {
  const row = db
    .prepare(
      `SELECT id, name, position, subject, action, framing, camera, lighting, style, project_id AS projectId
       FROM shots WHERE id = ?`,
    )
    .get(id) as (Shot & { projectId: number }) | undefined;
  if (!row) throw new ContractError('not_found', `There is no shot ${id} in this library.`, [{ field: 'id', message: 'no such shot' }]);
  return row;
}

function toShot(row: Shot & { projectId?: number }): Shot {
  const { projectId: _p, ...shot } = row;
  return shot;
}

export function getStoryboard(db: Db, projectId: number, takesPerShot: number): Storyboard {
  const project = requireProjectRow(db, projectId);
  const count = db.prepare('SELECT count(*) FROM renders WHERE shot_id = ?').pluck();
  const shots = listShots(db, projectId).map((shot): StoryboardShot => {
    const takes = pageRenders(db, { filter: { text: '', shotId: shot.id }, sort: 'newest', limit: takesPerShot }).items;
    let pick = takes.find((t) => t.flag === 'pick');
    if (!pick) {
      pick = pageRenders(db, { filter: { text: '', shotId: shot.id, flag: 'pick' }, sort: 'newest', limit: 1 }).items[0];
      // The pick is always on the strip: it replaces the oldest take shown.
      if (pick) takes.splice(takes.length >= takesPerShot ? takes.length - 1 : takes.length, 1, pick);
    }
    return { ...shot, pickId: pick?.id ?? null, takeCount: count.get(shot.id) as number, takes };
  });
  const unfiledCount = db.prepare('SELECT count(*) FROM renders WHERE project_id = ? AND shot_id IS NULL').pluck().get(projectId) as number;
  return { project, shots, unfiledCount };
}

export function createShot(db: Db, projectId: number, name: string): Shot {
  requireProjectRow(db, projectId);
  const now = Date.now();
  return db.transaction(() => {
    const last = db.prepare('SELECT max(position) FROM shots WHERE project_id = ?').pluck().get(projectId) as number | null;
    const id = Number(
      db
        .prepare('INSERT INTO shots (uid, project_id, position, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(newUid(), projectId, Math.floor(last ?? 0) + 1, name, now, now).lastInsertRowid,
    );
    return toShot(shotRow(db, id));
  })();
}

export function renameShot(db: Db, id: number, name: string): Shot & { projectId: number } {
  shotRow(db, id);
  db.prepare('UPDATE shots SET name = ?, updated_at = ? WHERE id = ?').run(name, Date.now(), id);
  return shotRow(db, id);
}

/** Puts shot `id` just before `beforeId` (or last) and returns the project's shots in their new order. */
export function moveShot(db: Db, id: number, beforeId: number | null): { projectId: number; shots: Shot[] } {
  return db.transaction(() => {
    const moving = shotRow(db, id);
    if (beforeId === id) return { projectId: moving.projectId, shots: listShots(db, moving.projectId) };
    const others = listShots(db, moving.projectId).filter((s) => s.id !== id);
    let index = others.length;
    if (beforeId !== null) {
      index = others.findIndex((s) => s.id === beforeId);
      if (index < 0) {
        throw new ContractError('validation', `Shot ${beforeId} is not another shot of the same project.`, [
          { field: 'beforeId', message: 'not a shot of this project' },
        ]);
      }
    }
    const prev = others[index - 1]?.position;
    const next = others[index]?.position;
    let position = prev === undefined ? (next === undefined ? 1 : next - 1) : next === undefined ? prev + 1 : (prev + next) / 2;
    const update = db.prepare('UPDATE shots SET position = ?, updated_at = ? WHERE id = ?');
    const now = Date.now();
    if (prev !== undefined && next !== undefined && next - prev < MIN_GAP) {
      // Halved too often: renumber the whole list in its new order.
      const order = [...others.slice(0, index), moving, ...others.slice(index)];
      order.forEach((s, i) => update.run(i + 1, now, s.id));
    } else {
      update.run(position, now, id);
    }
    return { projectId: moving.projectId, shots: listShots(db, moving.projectId) };
  })();
}
