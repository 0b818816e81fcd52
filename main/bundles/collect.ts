// What goes into a bundle: reads the catalogue for a project (all takes or picks only) or a
// selection of renders and builds the manifest. Everything is sorted by its travelling identity,
// so exporting the same content twice gives the same manifest (the round-trip test relies on it).
import { randomUUID } from 'node:crypto';
import type { Db } from '../catalogue/open.js';
import { ENDED_STATES } from '../catalogue/jobs.js';
import { BundleError } from './errors.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Manifest } from './manifest.js';
import { APP_VERSION } from './app-version.js';

export interface ExportScope {
  /** Export these projects (their shots, and their takes as `renders` says). */
  projectIds?: number[] | undefined;
  /** Or exactly these renders (with the projects and shots they belong to). */
  renderIds?: number[] | undefined;
  /** For projects: every take, or only each shot's pick. */
  renders?: 'all' | 'picks' | undefined;
  /** Include references (the inputs of the takes, and the project's reference library). */
  references?: boolean | undefined;
}

/** Local ids of what the manifest names, for the writer to find the files. */
export interface CollectedMedia {
  sha256: string;
  ext: string;
  size: number;
  /** Where the bytes are: the store, or a file catalogued in place. */
  storage: 'store' | 'external';
  externalPath: string | null;
  missing: boolean;
}

const FINISHED_JOB_STATES = `(${ENDED_STATES.map((s) => `'${s}'`).join(', ')})`;

const json = (text: string): Record<string, unknown> => {
  const v = JSON.parse(text) as unknown;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
};
const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(',');

/** Runs a query with an IN list, in chunks under SQLite's variable limit. */
function inChunks<T>(ids: readonly number[], run: (chunk: number[], marks: string) => T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    out.push(...run(chunk, placeholders(chunk.length)));
  }
  return out;
}

export function collectBundle(db: Db, scope: ExportScope, now = Date.now()): { manifest: Manifest; media: CollectedMedia[] } {
  const withRefs = scope.references ?? true;
  const projectIds = new Set<number>(scope.projectIds ?? []);
  let renderIds: number[];
  if (scope.renderIds?.length) {
    renderIds = [...new Set(scope.renderIds)];
    const found = inChunks(renderIds, (c, m) => db.prepare(`SELECT id, project_id FROM renders WHERE id IN (${m})`).all(...c) as { id: number; project_id: number | null }[]);
    const missing = renderIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw new BundleError('not_found', `There is no render ${missing[0]} in this library.`);
    for (const f of found) if (f.project_id !== null) projectIds.add(f.project_id);
  } else {
    if (!projectIds.size) throw new BundleError('nothing_to_export', 'Choose a project or some takes to export.');
    for (const id of projectIds) {
      if (!db.prepare('SELECT 1 FROM projects WHERE id = ?').get(id)) throw new BundleError('not_found', `There is no project ${id} in this library.`);
    }
    const picks = scope.renders === 'picks' ? "AND flag = 'pick'" : '';
    renderIds = inChunks([...projectIds], (c, m) => db.prepare(`SELECT id FROM renders WHERE project_id IN (${m}) ${picks}`).pluck().all(...c) as number[]);
  }
  const pIds = [...projectIds];

  const projects = inChunks(pIds, (c, m) => db.prepare(
    `SELECT id, uid, name, style_lock, budget_credits, created_at, updated_at FROM projects WHERE id IN (${m})`,
  ).all(...c) as { id: number; uid: string; name: string; style_lock: string; budget_credits: number | null; created_at: number; updated_at: number }[]);
  const projectUid = new Map(projects.map((p) => [p.id, p.uid]));

  const shots = inChunks(pIds, (c, m) => db.prepare(
    `SELECT id, uid, project_id, position, name, subject, action, framing, camera, lighting, style, created_at, updated_at
     FROM shots WHERE project_id IN (${m})`,
  ).all(...c) as {
    id: number; uid: string; project_id: number; position: number; name: string; subject: string; action: string;
    framing: string; camera: string; lighting: string; style: string; created_at: number; updated_at: number;
  }[]);
  const shotUid = new Map(shots.map((s) => [s.id, s.uid]));

  type RenderRow = {
    id: number; uid: string; asset_id: number; project_id: number | null; shot_id: number | null; prompt_id: number | null;
    job_id: number | null; title: string; source: Manifest['renders'][number]['source']; origin: string | null;
    provider: string | null; model: string | null; task_type: string | null; params: string; rating: number;
    flag: 'pick' | 'reject' | null; notes: string; created_at: number;
  };
  const renders = inChunks(renderIds, (c, m) => db.prepare(`SELECT * FROM renders WHERE id IN (${m})`).all(...c) as RenderRow[]);
  const renderUid = new Map(renders.map((r) => [r.id, r.uid]));

  // Jobs: those that made the exported takes, and (for a whole-project export) the project's
  // finished jobs that made nothing (failed, rejected), which still carry its cost history.
  // Jobs still running stay behind: their outcome belongs to the library that runs them.
  const jobIdSet = new Set<number>(renders.flatMap((r) => (r.job_id !== null ? [r.job_id] : [])));
  if (!scope.renderIds?.length && scope.renders !== 'picks') {
    for (const id of inChunks(pIds, (c, m) => db.prepare(
      `SELECT id FROM jobs WHERE project_id IN (${m}) AND state IN ${FINISHED_JOB_STATES}
       AND id NOT IN (SELECT job_id FROM renders WHERE job_id IS NOT NULL)`,
    ).pluck().all(...c) as number[])) jobIdSet.add(id);
  }
  type JobRow = {
    id: number; uid: string; idempotency_key: string; provider: string; model: string; task_type: string;
    state: Manifest['jobs'][number]['state']; project_id: number | null; shot_id: number | null; prompt_id: number | null;
    parent_render_id: number | null; params: string; provider_task_id: string | null; attempts: number;
    error_class: string | null; last_error: string | null; estimate_credits: number; result_video_id: string | null;
    created_at: number; updated_at: number;
  };
  const jobs = inChunks([...jobIdSet], (c, m) => db.prepare(
    `SELECT * FROM jobs WHERE id IN (${m}) AND state IN ${FINISHED_JOB_STATES}`,
  ).all(...c) as JobRow[]);
  const jobUid = new Map(jobs.map((j) => [j.id, j.uid]));
  const jobIds = jobs.map((j) => j.id);

  const renderRefs = inChunks(renderIds, (c, m) => db.prepare(
    `SELECT render_id AS ownerId, ref_id AS refId, role, position FROM render_refs WHERE render_id IN (${m})`,
  ).all(...c) as { ownerId: number; refId: number; role: string; position: number }[]);
  const jobRefs = inChunks(jobIds, (c, m) => db.prepare(
    `SELECT job_id AS ownerId, ref_id AS refId, role, position FROM job_refs WHERE job_id IN (${m})`,
  ).all(...c) as { ownerId: number; refId: number; role: string; position: number }[]);

  type RefRow = {
    id: number; uid: string; asset_id: number; project_id: number | null; role: Manifest['references'][number]['role'];
    title: string; origin: string | null; provider_ids: string; created_at: number;
  };
  let refs: RefRow[] = [];
  if (withRefs) {
    const refIds = new Set<number>([...renderRefs, ...jobRefs].map((l) => l.refId));
    for (const id of inChunks(pIds, (c, m) => db.prepare(`SELECT id FROM refs WHERE project_id IN (${m})`).pluck().all(...c) as number[])) refIds.add(id);
    refs = inChunks([...refIds], (c, m) => db.prepare(`SELECT * FROM refs WHERE id IN (${m})`).all(...c) as RefRow[]);
  }
  const refUid = new Map(refs.map((r) => [r.id, r.uid]));
  const links = (rows: typeof renderRefs, owner: number) =>
    rows
      .filter((l) => l.ownerId === owner && refUid.has(l.refId))
      .map((l) => ({ refUid: refUid.get(l.refId)!, role: l.role, position: l.position }))
      .sort(byKey((l) => `${l.role}\u0000${String(l.position).padStart(12, '0')}\u0000${l.refUid}`));

  const promptIds = new Set<number>([...renders, ...jobs].flatMap((r) => (r.prompt_id !== null ? [r.prompt_id] : [])));
  const prompts = inChunks([...promptIds], (c, m) => db.prepare(
    `SELECT id, hash, text, negative, fields, created_at FROM prompts WHERE id IN (${m})`,
  ).all(...c) as { id: number; hash: string; text: string; negative: string; fields: string; created_at: number }[]);
  const promptHash = new Map(prompts.map((p) => [p.id, p.hash]));

  const assetIds = new Set<number>([...renders.map((r) => r.asset_id), ...refs.map((r) => r.asset_id)]);
  const assets = inChunks([...assetIds], (c, m) => db.prepare(`SELECT * FROM assets WHERE id IN (${m})`).all(...c) as {
    id: number; sha256: string; kind: 'video' | 'image' | 'audio'; ext: string; size: number; container: string;
    duration_ms: number | null; width: number | null; height: number | null; fps: number | null; video_codec: string | null;
    audio_codec: string | null; storage: 'store' | 'external'; external_path: string | null; missing: number;
  }[]);
  const assetSha = new Map(assets.map((a) => [a.id, a.sha256]));

  const lineage = inChunks(renderIds, (c, m) => db.prepare(
    `SELECT child_id, parent_id, operation, params FROM lineage WHERE child_id IN (${m})`,
  ).all(...c) as { child_id: number; parent_id: number; operation: string; params: string }[]).filter((l) => renderUid.has(l.parent_id));

  const charges = inChunks(jobIds, (c, m) => db.prepare(
    `SELECT job_id, kind, credits, provider, note, created_at FROM charges WHERE job_id IN (${m})`,
  ).all(...c) as { job_id: number; kind: 'estimate' | 'actual' | 'refund'; credits: number; provider: string; note: string; created_at: number }[]);

  const tags = inChunks(renderIds, (c, m) => db.prepare(
    `SELECT rt.render_id, t.name FROM render_tags rt JOIN tags t ON t.id = rt.tag_id WHERE rt.render_id IN (${m})`,
  ).all(...c) as { render_id: number; name: string }[]);

  const orNull = <K>(map: Map<K, string>, key: K | null) => (key === null ? null : (map.get(key) ?? null));
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: now,
    exportId: randomUUID(),
    app: { name: 'Dailies', version: APP_VERSION },
    scope: { renders: scope.renderIds?.length ? 'selection' : (scope.renders ?? 'all'), references: withRefs },
    projects: projects.map((p) => ({
      uid: p.uid, name: p.name, styleLock: p.style_lock, budgetCredits: p.budget_credits, createdAt: p.created_at, updatedAt: p.updated_at,
    })).sort(byKey((p) => p.uid)),
    shots: shots.map((s) => ({
      uid: s.uid, projectUid: projectUid.get(s.project_id)!, position: s.position, name: s.name, subject: s.subject,
      action: s.action, framing: s.framing, camera: s.camera, lighting: s.lighting, style: s.style,
      createdAt: s.created_at, updatedAt: s.updated_at,
    })).sort(byKey((s) => s.uid)),
    prompts: prompts.map((p) => ({ hash: p.hash, text: p.text, negative: p.negative, fields: json(p.fields), createdAt: p.created_at }))
      .sort(byKey((p) => p.hash)),
    assets: assets.map((a) => ({
      sha256: a.sha256, kind: a.kind, ext: a.ext, size: a.size, container: a.container, durationMs: a.duration_ms,
      width: a.width, height: a.height, fps: a.fps, videoCodec: a.video_codec, audioCodec: a.audio_codec,
    })).sort(byKey((a) => a.sha256)),
    references: refs.map((r) => ({
      uid: r.uid, assetSha256: assetSha.get(r.asset_id)!, projectUid: orNull(projectUid, r.project_id), role: r.role,
      title: r.title, origin: r.origin, providerIds: json(r.provider_ids), createdAt: r.created_at,
    })).sort(byKey((r) => r.uid)),
    jobs: jobs.map((j) => ({
      uid: j.uid, idempotencyKey: j.idempotency_key, provider: j.provider, model: j.model, taskType: j.task_type, state: j.state,
      projectUid: orNull(projectUid, j.project_id), shotUid: orNull(shotUid, j.shot_id), promptHash: orNull(promptHash, j.prompt_id),
      parentRenderUid: orNull(renderUid, j.parent_render_id), params: json(j.params), providerTaskId: j.provider_task_id,
      attempts: j.attempts, errorClass: j.error_class, lastError: j.last_error, estimateCredits: j.estimate_credits,
      resultVideoId: j.result_video_id, refs: links(jobRefs, j.id), createdAt: j.created_at, updatedAt: j.updated_at,
    })).sort(byKey((j) => j.uid)),
    renders: renders.map((r) => ({
      uid: r.uid, assetSha256: assetSha.get(r.asset_id)!, projectUid: orNull(projectUid, r.project_id), shotUid: orNull(shotUid, r.shot_id),
      promptHash: orNull(promptHash, r.prompt_id), jobUid: orNull(jobUid, r.job_id), title: r.title, source: r.source, origin: r.origin,
      provider: r.provider, model: r.model, taskType: r.task_type, params: json(r.params), refs: links(renderRefs, r.id), createdAt: r.created_at,
    })).sort(byKey((r) => r.uid)),
    lineage: lineage.map((l) => ({ childUid: renderUid.get(l.child_id)!, parentUid: renderUid.get(l.parent_id)!, operation: l.operation, params: json(l.params) }))
      .sort(byKey((l) => l.childUid)),
    charges: charges.map((c) => ({ jobUid: jobUid.get(c.job_id)!, kind: c.kind, credits: c.credits, provider: c.provider, note: c.note, createdAt: c.created_at }))
      .sort(byKey((c) => `${c.jobUid}\u0000${String(c.createdAt).padStart(16, '0')}\u0000${c.kind}\u0000${c.credits}\u0000${c.note}`)),
    ratings: renders.map((r) => ({ renderUid: r.uid, rating: r.rating, flag: r.flag, notes: r.notes })).sort(byKey((r) => r.renderUid)),
    tags: tags.map((t) => ({ renderUid: renderUid.get(t.render_id)!, name: t.name })).sort(byKey((t) => `${t.renderUid}\u0000${t.name}`)),
    files: assets.map((a) => ({ path: `media/${a.sha256}.${a.ext}`, sha256: a.sha256, size: a.size })).sort(byKey((f) => f.path)),
  };
  const media: CollectedMedia[] = assets.map((a) => ({
    sha256: a.sha256, ext: a.ext, size: a.size, storage: a.storage, externalPath: a.external_path, missing: a.missing === 1,
  })).sort(byKey((m) => m.sha256));
  return { manifest, media };
}
