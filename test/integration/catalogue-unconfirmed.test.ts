// Migration 0008 rebuilds the jobs table to allow the "unconfirmed" state. A library made before
// it keeps every job with its id, history and charges; foreign keys are back on afterwards.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate } from '../../main/catalogue/migrate.js';
import { MIGRATIONS } from '../../main/catalogue/migrations/index.js';
import { openCatalogue } from '../../main/catalogue/open.js';
import { tempDir } from '../helpers/temp.js';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('dailies-mig8-');
});
afterEach(() => dir.cleanup());

it('keeps jobs, their events and charges across the rebuild, and then accepts unconfirmed', () => {
  const file = path.join(dir.path, 'catalogue.sqlite');
  const old = new Database(file);
  old.pragma('foreign_keys = ON');
  const before = MIGRATIONS.findIndex((m) => m.name === '0008-unconfirmed-jobs');
  migrate(old, MIGRATIONS.slice(0, before));
  expect(() => old.prepare(`INSERT INTO jobs (uid, idempotency_key, provider, model, task_type, state, created_at, updated_at)
    VALUES ('u0', 'k0', 'luma', 'ray-2', 'text_to_video', 'unconfirmed', 1, 1)`).run()).toThrow(/CHECK/);
  const id = Number(old.prepare(`INSERT INTO jobs (uid, idempotency_key, provider, model, task_type, state, estimate_credits, created_at, updated_at)
    VALUES ('u1', 'k1', 'luma', 'ray-2', 'text_to_video', 'submitting', 12, 1, 2)`).run().lastInsertRowid);
  old.prepare(`INSERT INTO job_events (job_id, at, from_state, to_state, message) VALUES (?, 1, 'queued', 'submitting', 'Sending')`).run(id);
  old.prepare(`INSERT INTO charges (job_id, kind, credits, provider, created_at) VALUES (?, 'estimate', 12, 'luma', 1)`).run(id);
  old.close();

  const db = openCatalogue(file);
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT id, state, estimate_credits FROM jobs').all()).toEqual([{ id, state: 'submitting', estimate_credits: 12 }]);
    expect(db.prepare('SELECT message FROM job_events WHERE job_id = ?').pluck().all(id)).toEqual(['Sending']);
    expect(db.prepare('SELECT credits FROM charges WHERE job_id = ?').pluck().all(id)).toEqual([12]);
    db.prepare(`UPDATE jobs SET state = 'unconfirmed' WHERE id = ?`).run(id);
    expect(() => db.prepare(`UPDATE jobs SET state = 'lost' WHERE id = ?`).run(id)).toThrow(/CHECK/);
    // Deleting a job still cascades to its events: the references point at the rebuilt table.
    const other = Number(db.prepare(`INSERT INTO jobs (uid, idempotency_key, provider, model, task_type, created_at, updated_at)
      VALUES ('u2', 'k2', 'luma', 'ray-2', 'text_to_video', 1, 1)`).run().lastInsertRowid);
    db.prepare(`INSERT INTO job_events (job_id, at, message) VALUES (?, 1, 'Queued')`).run(other);
    db.prepare('DELETE FROM jobs WHERE id = ?').run(other);
    expect(db.prepare('SELECT count(*) FROM job_events WHERE job_id = ?').pluck().get(other)).toBe(0);
    expect(() => db.prepare(`INSERT INTO job_events (job_id, at, message) VALUES (999, 1, 'x')`).run()).toThrow(/FOREIGN KEY/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
});
