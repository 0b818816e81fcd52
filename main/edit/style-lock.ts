// A project's style lock (projects.style_lock): kept in the catalogue so every window, edit and
// bundle of the project sees the same words.
import type { Db } from '../catalogue/open.js';
import { requireProject } from '../catalogue/projects.js';

export function getStyleLock(db: Db, projectId: number): { projectId: number; styleLock: string } {
  requireProject(db, projectId);
  const row = db.prepare('SELECT style_lock FROM projects WHERE id = ?').get(projectId) as { style_lock: string };
  return { projectId, styleLock: row.style_lock };
}

export function setStyleLock(db: Db, projectId: number, styleLock: string): { projectId: number; styleLock: string } {
  requireProject(db, projectId);
  db.prepare('UPDATE projects SET style_lock = ?, updated_at = ? WHERE id = ?').run(styleLock, Date.now(), projectId);
  return { projectId, styleLock };
}
