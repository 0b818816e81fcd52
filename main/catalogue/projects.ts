import type { Db } from './open.js';
import type { Project } from '../../shared/domain.js';
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
