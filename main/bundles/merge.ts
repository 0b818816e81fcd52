// Merging a manifest into the catalogue, in one transaction. The preview runs exactly the same code
// and rolls back, so what the preview lists is what the import does.
//
// Rules (docs/bundles.md explains them for users):
// - Rows are matched by travelling identity (uid, content hash, tag name). New rows are added;
//   re-importing the same bundle changes nothing.
// - Projects and shots carry `updatedAt`: the later edit wins; a local edit later than the
//   bundle's is kept and listed as a conflict.
// - A take's review state (rating, flag, notes, tags, which shot it is filed under) has no edit
//   time, so whole exports are compared: a bundle exported after the last one imported for that
//   project updates it; an older or the same export only adds, and lists what it would have changed.
// - What never changes (a take's file, prompt, provider; a job; a charge) is never overwritten;
//   a bundle that disagrees is listed as a conflict and the local row kept.
import type { Db } from '../catalogue/open.js';
import { ENDED_STATES, logJobEvent } from '../catalogue/jobs.js';
import type { JobState } from '../../shared/domain.js';
import { promptHash } from '../catalogue/prompts.js';
import { BundleError } from './errors.js';
import type { Manifest } from './manifest.js';

export type MergeEntity = 'projects' | 'shots' | 'prompts' | 'assets' | 'references' | 'jobs' | 'renders' | 'lineage' | 'charges' | 'ratings' | 'tags';

export interface EntityCounts {
  added: number;
  updated: number;
  unchanged: number;
  conflicts: number;
}

export interface MergeConflict {
  entity: MergeEntity;
  /** The row's travelling identity (uid, hash). */
  id: string;
  /** A name a person recognises (project name, take title). */
  label: string;
  detail: string;
}

export interface MergeChange {
  entity: MergeEntity;
  id: string;
  label: string;
  detail: string;
}

export interface MergePlan {
  counts: Record<MergeEntity, EntityCounts>;
  conflicts: MergeConflict[];
  /** Existing rows the import changes (new rows are only counted). */
  updates: MergeChange[];
  /** Assets (by sha256) that are new to this library: their files must be moved into the store. */
  newAssets: string[];
  /** Render ids added (for events and sprites). */
  addedRenderIds: number[];
  projectIds: number[];
  /** Whether this export is newer than the last one imported for each project. */
  newerExport: boolean;
}

export function notResumedReason(state: JobState): string {
  return `Imported from a bundle while ${state} in the source library — not resumed here. That library follows the task; `
    + 'nothing is sent or checked from this one. Provider ids and charges are kept as the bundle had them.';
}

const ENTITIES: MergeEntity[] = ['projects', 'shots', 'prompts', 'assets', 'references', 'jobs', 'renders', 'lineage', 'charges', 'ratings', 'tags'];
const LAST_IMPORT_KEY = 'bundles.lastImport:';
const NO_PROJECT = '-';

class Rollback extends Error {}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const jsonText = (v: Record<string, unknown>) => JSON.stringify(v);

/** Checks that every row names rows the manifest (or, for nothing else, nothing) holds. */
function checkReferences(m: Manifest): void {
  const bad = (what: string, id: string, missing: string) => {
    throw new BundleError('bad_manifest', `The bundle's manifest is inconsistent: ${what} ${id} names ${missing}, which the bundle does not hold.`, 'manifest.json');
  };
  const projects = new Set(m.projects.map((p) => p.uid));
  const shots = new Set(m.shots.map((s) => s.uid));
  const prompts = new Set(m.prompts.map((p) => p.hash));
  const assets = new Set(m.assets.map((a) => a.sha256));
  const files = new Set(m.files.map((f) => f.sha256));
  const refs = new Set(m.references.map((r) => r.uid));
  const jobs = new Set(m.jobs.map((j) => j.uid));
  const renders = new Set(m.renders.map((r) => r.uid));
  for (const a of m.assets) if (!files.has(a.sha256)) bad('asset', a.sha256, 'a file');
  for (const p of m.prompts) {
    if (promptHash({ text: p.text, negative: p.negative, fields: p.fields }) !== p.hash) {
      throw new BundleError('bad_manifest', `The bundle's manifest is inconsistent: prompt ${p.hash} does not match its own text.`, 'manifest.json');
    }
  }
  for (const s of m.shots) if (!projects.has(s.projectUid)) bad('shot', s.uid, `project ${s.projectUid}`);
  for (const r of m.references) {
    if (!assets.has(r.assetSha256)) bad('reference', r.uid, `asset ${r.assetSha256}`);
    if (r.projectUid && !projects.has(r.projectUid)) bad('reference', r.uid, `project ${r.projectUid}`);
  }
  for (const j of m.jobs) {
    if (j.projectUid && !projects.has(j.projectUid)) bad('job', j.uid, `project ${j.projectUid}`);
    if (j.shotUid && !shots.has(j.shotUid)) bad('job', j.uid, `shot ${j.shotUid}`);
    if (j.promptHash && !prompts.has(j.promptHash)) bad('job', j.uid, `prompt ${j.promptHash}`);
    if (j.parentRenderUid && !renders.has(j.parentRenderUid)) bad('job', j.uid, `render ${j.parentRenderUid}`);
    for (const l of j.refs) if (!refs.has(l.refUid)) bad('job', j.uid, `reference ${l.refUid}`);
  }
  for (const r of m.renders) {
    if (!assets.has(r.assetSha256)) bad('render', r.uid, `asset ${r.assetSha256}`);
    if (r.projectUid && !projects.has(r.projectUid)) bad('render', r.uid, `project ${r.projectUid}`);
    if (r.shotUid && !shots.has(r.shotUid)) bad('render', r.uid, `shot ${r.shotUid}`);
    if (r.promptHash && !prompts.has(r.promptHash)) bad('render', r.uid, `prompt ${r.promptHash}`);
    if (r.jobUid && !jobs.has(r.jobUid)) bad('render', r.uid, `job ${r.jobUid}`);
    for (const l of r.refs) if (!refs.has(l.refUid)) bad('render', r.uid, `reference ${l.refUid}`);
  }
  for (const l of m.lineage) {
    if (!renders.has(l.childUid)) bad('lineage of', l.childUid, 'that render');
    if (!renders.has(l.parentUid)) bad('lineage of', l.childUid, `render ${l.parentUid}`);
  }
  for (const c of m.charges) if (!jobs.has(c.jobUid)) bad('charge', c.jobUid, `job ${c.jobUid}`);
  for (const r of m.ratings) if (!renders.has(r.renderUid)) bad('rating', r.renderUid, 'that render');
  for (const t of m.tags) if (!renders.has(t.renderUid)) bad('tag', t.renderUid, 'that render');
}

export function validateManifestReferences(m: Manifest): void {
  checkReferences(m);
}

/** Applies the manifest to the catalogue; with `dryRun`, only reports and changes nothing. */
export function mergeManifest(db: Db, m: Manifest, opts: { dryRun: boolean }): MergePlan {
  checkReferences(m);
  let plan!: MergePlan;
  try {
    db.transaction(() => {
      plan = applyManifest(db, m);
      if (opts.dryRun) throw new Rollback();
    })();
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return plan;
}

function applyManifest(db: Db, m: Manifest): MergePlan {
  const counts = Object.fromEntries(ENTITIES.map((e) => [e, { added: 0, updated: 0, unchanged: 0, conflicts: 0 }])) as Record<MergeEntity, EntityCounts>;
  const conflicts: MergeConflict[] = [];
  const updates: MergeChange[] = [];
  const conflict = (entity: MergeEntity, id: string, label: string, detail: string) => {
    counts[entity].conflicts++;
    conflicts.push({ entity, id, label, detail });
  };
  const updated = (entity: MergeEntity, id: string, label: string, detail: string) => {
    counts[entity].updated++;
    updates.push({ entity, id, label, detail });
  };
  const now = Date.now();

  // Whether this is a later export than the last one imported, per project.
  const lastImport = (projectUid: string | null) =>
    (db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(LAST_IMPORT_KEY + (projectUid ?? NO_PROJECT)) as string | undefined);
  const newer = new Map<string, boolean>();
  const isNewer = (projectUid: string | null) => {
    const key = projectUid ?? NO_PROJECT;
    if (!newer.has(key)) {
      const last = lastImport(projectUid);
      newer.set(key, last === undefined || m.exportedAt > (JSON.parse(last) as { exportedAt: number }).exportedAt);
    }
    return newer.get(key)!;
  };

  // Projects.
  const projectId = new Map<string, number>();
  for (const p of m.projects) {
    const row = db.prepare('SELECT id, name, style_lock, budget_credits, updated_at FROM projects WHERE uid = ?').get(p.uid) as
      { id: number; name: string; style_lock: string; budget_credits: number | null; updated_at: number } | undefined;
    if (!row) {
      const info = db.prepare('INSERT INTO projects (uid, name, style_lock, budget_credits, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(p.uid, p.name, p.styleLock, p.budgetCredits, p.createdAt, p.updatedAt);
      projectId.set(p.uid, Number(info.lastInsertRowid));
      counts.projects.added++;
      continue;
    }
    projectId.set(p.uid, row.id);
    if (same([row.name, row.style_lock, row.budget_credits], [p.name, p.styleLock, p.budgetCredits])) counts.projects.unchanged++;
    else if (p.updatedAt > row.updated_at) {
      db.prepare('UPDATE projects SET name = ?, style_lock = ?, budget_credits = ?, updated_at = ? WHERE id = ?')
        .run(p.name, p.styleLock, p.budgetCredits, p.updatedAt, row.id);
      updated('projects', p.uid, p.name, row.name !== p.name ? `renamed from "${row.name}"` : 'style lock or budget changed');
    } else conflict('projects', p.uid, row.name, `edited here after the bundle's copy; kept this library's (bundle: "${p.name}")`);
  }
  const projectOf = (uid: string | null) => (uid === null ? null : projectId.get(uid)!);

  // Shots.
  const shotId = new Map<string, number>();
  const shotFields = ['name', 'subject', 'action', 'framing', 'camera', 'lighting', 'style'] as const;
  for (const s of m.shots) {
    const row = db.prepare(`SELECT id, project_id, position, ${shotFields.join(', ')}, updated_at FROM shots WHERE uid = ?`).get(s.uid) as
      (Record<(typeof shotFields)[number], string> & { id: number; project_id: number; position: number; updated_at: number }) | undefined;
    const values = [s.position, ...shotFields.map((f) => s[f])];
    if (!row) {
      const info = db.prepare(`INSERT INTO shots (uid, project_id, position, ${shotFields.join(', ')}, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(s.uid, projectOf(s.projectUid), ...values, s.createdAt, s.updatedAt);
      shotId.set(s.uid, Number(info.lastInsertRowid));
      counts.shots.added++;
      continue;
    }
    shotId.set(s.uid, row.id);
    if (same([row.position, ...shotFields.map((f) => row[f])], values)) counts.shots.unchanged++;
    else if (s.updatedAt > row.updated_at) {
      db.prepare(`UPDATE shots SET position = ?, ${shotFields.map((f) => `${f} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...values, s.updatedAt, row.id);
      updated('shots', s.uid, s.name, 'shot list fields or order changed');
    } else conflict('shots', s.uid, row.name, "edited here after the bundle's copy; kept this library's");
  }
  const shotOf = (uid: string | null) => (uid === null ? null : shotId.get(uid)!);

  // Prompts: immutable, identified by their hash.
  const promptId = new Map<string, number>();
  for (const p of m.prompts) {
    const id = db.prepare('SELECT id FROM prompts WHERE hash = ?').pluck().get(p.hash) as number | undefined;
    if (id !== undefined) {
      promptId.set(p.hash, id);
      counts.prompts.unchanged++;
    } else {
      const info = db.prepare('INSERT INTO prompts (hash, text, negative, fields, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(p.hash, p.text, p.negative, jsonText(p.fields), p.createdAt);
      promptId.set(p.hash, Number(info.lastInsertRowid));
      counts.prompts.added++;
    }
  }
  const promptOf = (hash: string | null) => (hash === null ? null : promptId.get(hash)!);

  // Assets: content is its own identity.
  const assetId = new Map<string, number>();
  const newAssets: string[] = [];
  for (const a of m.assets) {
    const id = db.prepare('SELECT id FROM assets WHERE sha256 = ?').pluck().get(a.sha256) as number | undefined;
    if (id !== undefined) {
      assetId.set(a.sha256, id);
      counts.assets.unchanged++;
      continue;
    }
    const info = db.prepare(
      `INSERT INTO assets (sha256, kind, ext, size, container, duration_ms, width, height, fps, video_codec, audio_codec,
         has_poster, storage, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'store', ?)`,
    ).run(a.sha256, a.kind, a.ext, a.size, a.container, a.durationMs, a.width, a.height, a.fps, a.videoCodec, a.audioCodec,
      a.kind === 'audio' ? 0 : 1, now);
    assetId.set(a.sha256, Number(info.lastInsertRowid));
    newAssets.push(a.sha256);
    counts.assets.added++;
  }

  // References.
  const refId = new Map<string, number>();
  for (const r of m.references) {
    const row = db.prepare('SELECT f.id, f.title, a.sha256 FROM refs f JOIN assets a ON a.id = f.asset_id WHERE f.uid = ?').get(r.uid) as
      { id: number; title: string; sha256: string } | undefined;
    if (row) {
      refId.set(r.uid, row.id);
      if (row.sha256 !== r.assetSha256) conflict('references', r.uid, row.title, 'the bundle has other content under this reference; kept this library\'s');
      else counts.references.unchanged++;
      continue;
    }
    const info = db.prepare('INSERT INTO refs (uid, asset_id, project_id, role, title, origin, provider_ids, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(r.uid, assetId.get(r.assetSha256)!, projectOf(r.projectUid), r.role, r.title, r.origin, jsonText(r.providerIds), r.createdAt);
    refId.set(r.uid, Number(info.lastInsertRowid));
    counts.references.added++;
  }

  // Jobs (only finished ones are exported; they never change once finished). Parent renders are linked
  // after the renders exist.
  const jobId = new Map<string, number>();
  const newJobs: typeof m.jobs = [];
  for (const j of m.jobs) {
    const row = db.prepare('SELECT id, state FROM jobs WHERE uid = ?').get(j.uid) as { id: number; state: string } | undefined;
    if (row) {
      jobId.set(j.uid, row.id);
      if (row.state !== j.state) conflict('jobs', j.uid, `${j.provider} ${j.model}`, `is ${row.state} here and ${j.state} in the bundle; kept this library's`);
      else counts.jobs.unchanged++;
      continue;
    }
    const clash = db.prepare('SELECT uid FROM jobs WHERE idempotency_key = ?').pluck().get(j.idempotencyKey) as string | undefined;
    if (clash) {
      conflict('jobs', j.uid, `${j.provider} ${j.model}`, `its provider key is already used by job ${clash}; not imported`);
      continue;
    }
    // A job still waiting or at work in the source library belongs to that library: its engine
    // (with the account's keys) follows the task. Here it becomes ended history, so this
    // library's engine never sends it again nor polls a task it has no keys for.
    const waiting = !ENDED_STATES.includes(j.state);
    const reason = waiting ? notResumedReason(j.state) : null;
    const info = db.prepare(
      `INSERT INTO jobs (uid, idempotency_key, provider, model, task_type, state, project_id, shot_id, prompt_id, params,
         provider_task_id, attempts, error_class, last_error, estimate_credits, result_video_id, created_at, updated_at, imported_from)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(j.uid, j.idempotencyKey, j.provider, j.model, j.taskType, waiting ? 'cancelled' : j.state, projectOf(j.projectUid), shotOf(j.shotUid),
      promptOf(j.promptHash), jsonText(j.params), j.providerTaskId, j.attempts, waiting ? 'cancelled' : j.errorClass, reason ?? j.lastError,
      j.estimateCredits, j.resultVideoId, j.createdAt, waiting ? now : j.updatedAt, m.exportId);
    const id = Number(info.lastInsertRowid);
    if (reason) {
      logJobEvent(db, id, j.state, 'cancelled', reason);
      conflict('jobs', j.uid, `${j.provider} ${j.model}`, `was ${j.state} in the source library; imported as ended history (cancelled), not resumed here`);
    }
    jobId.set(j.uid, id);
    newJobs.push(j);
    for (const l of j.refs) {
      db.prepare('INSERT OR IGNORE INTO job_refs (job_id, ref_id, role, position) VALUES (?, ?, ?, ?)').run(id, refId.get(l.refUid)!, l.role, l.position);
    }
    counts.jobs.added++;
  }

  // Renders: the take itself never changes.
  const renderId = new Map<string, number>();
  const durationOf = new Map(m.assets.map((a) => [a.sha256, a.durationMs]));
  const addedRenderIds: number[] = [];
  for (const r of m.renders) {
    const row = db.prepare(
      `SELECT r.id, r.title, a.sha256, p.hash AS prompt_hash, r.provider, r.model FROM renders r JOIN assets a ON a.id = r.asset_id
       LEFT JOIN prompts p ON p.id = r.prompt_id WHERE r.uid = ?`,
    ).get(r.uid) as { id: number; title: string; sha256: string; prompt_hash: string | null; provider: string | null; model: string | null } | undefined;
    if (row) {
      renderId.set(r.uid, row.id);
      if (!same([row.sha256, row.prompt_hash, row.provider, row.model], [r.assetSha256, r.promptHash, r.provider, r.model])) {
        conflict('renders', r.uid, row.title, "the bundle's take differs (file, prompt or provider); kept this library's");
      } else counts.renders.unchanged++;
      continue;
    }
    const jid = r.jobUid === null ? null : (jobId.get(r.jobUid) ?? null);
    const taken = jid !== null && db.prepare('SELECT 1 FROM renders WHERE job_id = ?').get(jid);
    const info = db.prepare(
      `INSERT INTO renders (uid, asset_id, project_id, shot_id, prompt_id, job_id, title, source, origin, provider, model, task_type,
         params, duration_ms, created_at, imported_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(r.uid, assetId.get(r.assetSha256)!, projectOf(r.projectUid), shotOf(r.shotUid), promptOf(r.promptHash), taken ? null : jid,
      r.title, r.source, r.origin, r.provider, r.model, r.taskType, jsonText(r.params),
      durationOf.get(r.assetSha256) ?? null, r.createdAt, m.exportId);
    const id = Number(info.lastInsertRowid);
    renderId.set(r.uid, id);
    addedRenderIds.push(id);
    for (const l of r.refs) {
      db.prepare('INSERT OR IGNORE INTO render_refs (render_id, ref_id, role, position) VALUES (?, ?, ?, ?)').run(id, refId.get(l.refUid)!, l.role, l.position);
    }
    counts.renders.added++;
  }
  for (const j of newJobs) {
    if (j.parentRenderUid) db.prepare('UPDATE jobs SET parent_render_id = ? WHERE id = ?').run(renderId.get(j.parentRenderUid)!, jobId.get(j.uid)!);
  }

  // Lineage.
  for (const l of m.lineage) {
    const child = renderId.get(l.childUid)!;
    const row = db.prepare('SELECT parent_id FROM lineage WHERE child_id = ?').get(child) as { parent_id: number } | undefined;
    if (!row) {
      db.prepare('INSERT INTO lineage (child_id, parent_id, operation, params) VALUES (?, ?, ?, ?)').run(child, renderId.get(l.parentUid)!, l.operation, jsonText(l.params));
      counts.lineage.added++;
    } else if (row.parent_id !== renderId.get(l.parentUid)) conflict('lineage', l.childUid, l.childUid, 'has another parent here; kept this library\'s');
    else counts.lineage.unchanged++;
  }

  // Charges: an append-only ledger; a row is the same row when every field is.
  for (const c of m.charges) {
    const jid = jobId.get(c.jobUid);
    if (jid === undefined) continue;
    const exists = db.prepare('SELECT 1 FROM charges WHERE job_id = ? AND kind = ? AND credits = ? AND provider = ? AND note = ? AND created_at = ?')
      .get(jid, c.kind, c.credits, c.provider, c.note, c.createdAt);
    if (exists) counts.charges.unchanged++;
    else {
      db.prepare('INSERT INTO charges (job_id, kind, credits, provider, note, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(jid, c.kind, c.credits, c.provider, c.note, c.createdAt);
      counts.charges.added++;
    }
  }
  // A take added for a job whose charges were already here gets its cost from them.
  for (const id of addedRenderIds) {
    db.prepare(
      `UPDATE renders SET cost_credits = coalesce((SELECT sum(CASE kind WHEN 'actual' THEN credits ELSE -credits END) FROM charges
         WHERE job_id = renders.job_id AND kind IN ('actual', 'refund')), 0) WHERE id = ? AND job_id IS NOT NULL`,
    ).run(id);
  }

  // Review state: ratings, flags, notes, the shot a take is filed under, tags.
  const added = new Set(addedRenderIds);
  const renderByUid = new Map(m.renders.map((r) => [r.uid, r]));
  // Picks are set after every other flag has been applied, so a pick moving between two takes of
  // one shot never meets the one-pick-per-shot rule half-way.
  const picks: { id: number; uid: string; title: string }[] = [];
  for (const rt of m.ratings) {
    const id = renderId.get(rt.renderUid)!;
    const r = renderByUid.get(rt.renderUid)!;
    const row = db.prepare('SELECT title, rating, flag, notes, shot_id FROM renders WHERE id = ?').get(id) as
      { title: string; rating: number; flag: string | null; notes: string; shot_id: number | null };
    const wantShot = shotOf(r.shotUid);
    if (same([row.rating, row.flag, row.notes, row.shot_id], [rt.rating, rt.flag, rt.notes, wantShot]) && !added.has(id)) {
      counts.ratings.unchanged++;
      continue;
    }
    if (!added.has(id) && !isNewer(r.projectUid)) {
      conflict('ratings', rt.renderUid, row.title, 'rated, flagged or filed differently here; this bundle is not a newer export, so this library\'s is kept');
      continue;
    }
    db.prepare('UPDATE renders SET rating = ?, flag = NULL, notes = ?, shot_id = ? WHERE id = ?').run(rt.rating, rt.notes, wantShot, id);
    if (rt.flag === 'reject') db.prepare("UPDATE renders SET flag = 'reject' WHERE id = ?").run(id);
    if (rt.flag === 'pick') picks.push({ id, uid: rt.renderUid, title: row.title });
    if (added.has(id)) counts.ratings.added++;
    else updated('ratings', rt.renderUid, row.title, describeReview(row, rt));
  }
  for (const p of picks) {
    const shot = db.prepare('SELECT shot_id FROM renders WHERE id = ?').pluck().get(p.id) as number | null;
    const other = shot === null ? undefined : (db.prepare("SELECT id, title FROM renders WHERE shot_id = ? AND flag = 'pick' AND id <> ?").get(shot, p.id) as { id: number; title: string } | undefined);
    if (other) {
      const uid = db.prepare('SELECT uid FROM renders WHERE id = ?').pluck().get(other.id) as string;
      const otherInBundle = renderByUid.get(uid);
      if (!otherInBundle && !isNewer(renderByUid.get(p.uid)!.projectUid)) {
        conflict('ratings', p.uid, p.title, `the shot's pick here is "${other.title}"; kept it`);
        continue;
      }
      db.prepare('UPDATE renders SET flag = NULL WHERE id = ?').run(other.id);
      updated('ratings', uid, other.title, `no longer the shot's pick ("${p.title}" is)`);
    }
    db.prepare("UPDATE renders SET flag = 'pick' WHERE id = ?").run(p.id);
  }

  // Tags: a newer export sets each take's tags to the bundle's; otherwise they are only added.
  const bundleTags = new Map<string, string[]>();
  for (const t of m.tags) bundleTags.set(t.renderUid, [...(bundleTags.get(t.renderUid) ?? []), t.name]);
  for (const r of m.renders) {
    const id = renderId.get(r.uid)!;
    const want = bundleTags.get(r.uid) ?? [];
    const have = db.prepare('SELECT t.name FROM render_tags rt JOIN tags t ON t.id = rt.tag_id WHERE rt.render_id = ?').pluck().all(id) as string[];
    const haveLower = new Set(have.map((n) => n.toLowerCase()));
    const wantLower = new Set(want.map((n) => n.toLowerCase()));
    const toAdd = want.filter((n) => !haveLower.has(n.toLowerCase()));
    const extra = have.filter((n) => !wantLower.has(n.toLowerCase()));
    const replace = extra.length > 0 && (added.has(id) || isNewer(r.projectUid));
    if (!toAdd.length && (!extra.length || !replace)) {
      if (want.length || have.length) counts.tags.unchanged++;
      continue;
    }
    for (const name of toAdd) {
      db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(name);
      const tagId = db.prepare('SELECT id FROM tags WHERE name = ?').pluck().get(name) as number;
      db.prepare('INSERT OR IGNORE INTO render_tags (render_id, tag_id) VALUES (?, ?)').run(id, tagId);
    }
    if (replace) {
      for (const name of extra) {
        db.prepare('DELETE FROM render_tags WHERE render_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)').run(id, name);
      }
    }
    if (added.has(id) && !have.length) counts.tags.added++;
    else updated('tags', r.uid, r.title, [toAdd.length ? `+${toAdd.join(', +')}` : '', replace ? `-${extra.join(', -')}` : ''].filter(Boolean).join(' '));
  }

  // Remember which export of each project this library has seen last.
  for (const key of new Set([...m.projects.map((p) => p.uid), ...(m.renders.some((r) => r.projectUid === null) ? [NO_PROJECT] : [])])) {
    const last = lastImport(key === NO_PROJECT ? null : key);
    if (last === undefined || m.exportedAt > (JSON.parse(last) as { exportedAt: number }).exportedAt) {
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
        .run(LAST_IMPORT_KEY + key, JSON.stringify({ exportedAt: m.exportedAt, exportId: m.exportId }));
    }
  }

  return {
    counts, conflicts, updates, newAssets, addedRenderIds,
    projectIds: [...projectId.values()],
    newerExport: m.projects.every((p) => isNewer(p.uid)),
  };
}

function describeReview(
  row: { rating: number; flag: string | null; notes: string; shot_id: number | null },
  rt: { rating: number; flag: string | null; notes: string },
): string {
  const parts: string[] = [];
  if (row.rating !== rt.rating) parts.push(`rating ${row.rating} → ${rt.rating}`);
  if (row.flag !== rt.flag) parts.push(`flag ${row.flag ?? 'none'} → ${rt.flag ?? 'none'}`);
  if (row.notes !== rt.notes) parts.push('notes changed');
  return parts.join(', ') || 'filed under another shot';
}
