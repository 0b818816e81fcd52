// A project's style lock (projects.style_lock): kept in the catalogue so every window, edit and
// bundle of the project sees the same words, and applied here to every job of the project.
import type { Db } from '../catalogue/open.js';
import { requireProject } from '../catalogue/projects.js';
import type { GenerationSpecParsed } from '../../shared/generation.js';
import { relockPrompt } from '../../shared/style-lock.js';

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

/**
 * The spec as it will be sent: the prompt ends with its project's style lock, once. Applied by
 * the core to every job, whoever made it (the New generation form, an edit, the CLI, the HTTP
 * API), so the job, its ledger prompt and its take all show what was sent; idempotent, so a
 * prompt that already ends with the lock (the renderer's "Prompt as sent") is left as it is. A
 * spec sent again (a reroll, a retry, a try on) carries the lock applied then (spec.styleLock):
 * that one is taken off first, so a changed lock replaces it instead of following it. The lock
 * applied is recorded in the spec for the next time. A lip sync sends no prompt: nothing to lock.
 */
export function withProjectStyleLock(db: Db, spec: GenerationSpecParsed): GenerationSpecParsed {
  if (spec.projectId === undefined || spec.taskType === 'lip_sync') return spec;
  const row = db.prepare('SELECT style_lock FROM projects WHERE id = ?').get(spec.projectId) as { style_lock: string } | undefined;
  if (!row) return spec; // an unknown project is refused by the estimate, with its own message
  const lock = row.style_lock.trim();
  const { styleLock: applied, ...rest } = spec;
  const prompt = relockPrompt(spec.prompt, applied, lock);
  return lock ? { ...rest, prompt, styleLock: lock } : { ...rest, prompt };
}
