// Turning a finished download into a render: verify it is a playable video, make its poster,
// move it to its content address, then add asset, render, lineage, references and the job's
// "done" in ONE transaction. Until that commits the job stays "downloading", so a crash at any
// point repeats this step and never leaves a render without its job or a job without its render.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { LimitFunction } from 'p-limit';
import type { Db } from '../catalogue/open.js';
import type { GenerationSpecParsed } from '../../shared/generation.js';
import { findAssetBySha, insertAsset, recordLocation } from '../catalogue/assets.js';
import { insertRender } from '../catalogue/renders.js';
import { lineageOperation, logJobEvent, type JobRow } from '../catalogue/jobs.js';
import { commitStaged } from '../store/ingest.js';
import { thumbPath, type LibraryLayout } from '../store/layout.js';
import { probe } from '../store/probe.js';
import { makePoster } from '../store/thumbnails.js';
import type { MediaTools } from '../store/tools.js';

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface FinishContext {
  db: Db;
  layout: LibraryLayout;
  tools: MediaTools;
  pool: LimitFunction;
}

function isDownloading(ctx: FinishContext, jobId: number): boolean {
  return (ctx.db.prepare('SELECT state FROM jobs WHERE id = ?').get(jobId) as { state: string }).state === 'downloading';
}

/** Returns the new render's id, or null when the job left "downloading" meanwhile (cancelled). */
export async function finishJob(ctx: FinishContext, job: JobRow, file: string, size: number): Promise<{ renderId: number; sha256: string; durationMs: number | null } | null> {
  const spec = JSON.parse(job.params) as GenerationSpecParsed;
  const sha256 = await sha256Of(file);
  const probed = await ctx.pool(() => probe(ctx.tools.ffprobe, file, 'video'));
  await ctx.pool(() => makePoster(ctx.tools.ffmpeg, file, thumbPath(ctx.layout, sha256, 'poster'), ctx.layout.tmp, probed.durationMs));
  // Cancelled while it was being checked: the file never enters the store (the engine removes it).
  if (!isDownloading(ctx, job.id)) return null;
  await commitStaged(ctx.layout, { tmpPath: file, sha256, size }, 'mp4');

  const origin = `${job.provider} task ${job.provider_task_id ?? '?'}`;
  const renderId = ctx.db.transaction((): number | null => {
    if (!isDownloading(ctx, job.id)) return null;
    const known = findAssetBySha(ctx.db, sha256);
    const assetId = known?.id ?? insertAsset(ctx.db, { sha256, ext: 'mp4', size, probe: probed, hasPoster: true });
    recordLocation(ctx.db, assetId, origin);
    const title = `${spec.taskType.replace(/_/g, ' ')} · ${spec.prompt.slice(0, 60) || job.model}`.trim();
    const id = insertRender(ctx.db, {
      assetId, title, source: 'job', origin, projectId: job.project_id, shotId: job.shot_id, promptId: job.prompt_id,
      jobId: job.id, provider: job.provider, model: job.model, taskType: job.task_type, params: spec as unknown as Record<string, unknown>,
      durationMs: probed.durationMs,
    });
    // The actual charge was booked when the task succeeded, before this render existed.
    ctx.db.prepare(
      `UPDATE renders SET cost_credits = (SELECT coalesce(sum(CASE kind WHEN 'actual' THEN credits ELSE -credits END), 0)
         FROM charges WHERE job_id = ? AND kind IN ('actual', 'refund')) WHERE id = ?`,
    ).run(job.id, id);
    if (job.parent_render_id) {
      ctx.db.prepare('INSERT INTO lineage (child_id, parent_id, operation, params) VALUES (?, ?, ?, ?)').run(
        id, job.parent_render_id, lineageOperation(spec), JSON.stringify({ jobId: job.id }),
      );
    }
    // Every library file the take was made from, so the render shows it: the references, then
    // the motion-brush masks and the lip-sync audio, which the spec keeps in their own fields.
    const used = [
      ...spec.references,
      ...(spec.motion ?? []).map((m) => ({ refId: m.maskRefId, role: 'mask' })),
      ...(spec.staticMaskRefId ? [{ refId: spec.staticMaskRefId, role: 'mask' }] : []),
      ...(spec.lipSync ? [{ refId: spec.lipSync.audioRefId, role: 'audio' }] : []),
    ];
    used.forEach((r, position) => {
      ctx.db.prepare('INSERT OR IGNORE INTO render_refs (render_id, ref_id, role, position) VALUES (?, ?, ?, ?)').run(id, r.refId, r.role, position);
    });
    ctx.db.prepare(`UPDATE jobs SET state = 'done', progress = 1, error_class = NULL, last_error = NULL, next_attempt_at = NULL, updated_at = ? WHERE id = ?`).run(Date.now(), job.id);
    logJobEvent(ctx.db, job.id, 'downloading', 'done', `Downloaded, verified (sha256 ${sha256.slice(0, 12)}…) and added to the library`, { renderId: id, size });
    return id;
  })();
  return renderId === null ? null : { renderId, sha256, durationMs: probed.durationMs };
}
