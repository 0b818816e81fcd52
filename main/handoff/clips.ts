// The clips a hand-off carries: a project's picks in storyboard (shot) order, or an ordered list
// of takes, with what an editor needs (file, frame rate, length, reel) and what made them
// (prompt, provider, model, cost).
import { existsSync } from 'node:fs';
import type { Db } from '../catalogue/open.js';
import { mediaPath, type LibraryLayout } from '../store/layout.js';
import { BundleError } from '../bundles/errors.js';
import { reelNames } from './reels.js';

export type HandoffSelection = { projectId: number } | { renderIds: number[] };

export interface HandoffClip {
  renderId: number;
  uid: string;
  name: string;
  reel: string;
  sha256: string;
  ext: string;
  /** Absolute path of the media file. */
  file: string;
  /** Frames per second as probed (defaulting to 24 for a file that does not say). */
  fps: number;
  /** Length in frames at `fps`. */
  frames: number;
  durationMs: number;
  width: number | null;
  height: number | null;
  hasAudio: boolean;
  shot: string | null;
  prompt: string | null;
  negative: string | null;
  provider: string | null;
  model: string | null;
  taskType: string | null;
  costCredits: number;
  rating: number;
}

export interface HandoffTimeline {
  name: string;
  clips: HandoffClip[];
}

const DEFAULT_FPS = 24;

interface Row {
  id: number; uid: string; title: string; sha256: string; ext: string; kind: string; storage: string; external_path: string | null;
  fps: number | null; duration_ms: number | null; width: number | null; height: number | null; audio_codec: string | null;
  shot: string | null; prompt: string | null; negative: string | null; provider: string | null; model: string | null;
  task_type: string | null; cost_credits: number; rating: number;
}

const SELECT = `SELECT r.id, r.uid, r.title, a.sha256, a.ext, a.kind, a.storage, a.external_path, a.fps, a.duration_ms, a.width, a.height,
  a.audio_codec, s.name AS shot, p.text AS prompt, p.negative, r.provider, r.model, r.task_type, r.cost_credits, r.rating
  FROM renders r JOIN assets a ON a.id = r.asset_id LEFT JOIN shots s ON s.id = r.shot_id LEFT JOIN prompts p ON p.id = r.prompt_id`;

export function handoffTimeline(db: Db, layout: LibraryLayout, sel: HandoffSelection): HandoffTimeline {
  let rows: Row[];
  let name: string;
  if ('projectId' in sel) {
    const project = db.prepare('SELECT name FROM projects WHERE id = ?').pluck().get(sel.projectId) as string | undefined;
    if (project === undefined) throw new BundleError('not_found', `There is no project ${sel.projectId} in this library.`);
    name = project;
    rows = db.prepare(`${SELECT} WHERE s.project_id = ? AND r.flag = 'pick' ORDER BY s.position, s.id`).all(sel.projectId) as Row[];
    if (!rows.length) throw new BundleError('nothing_to_export', `"${project}" has no picks yet: pick a take for at least one shot first.`);
  } else {
    if (!sel.renderIds.length) throw new BundleError('nothing_to_export', 'Choose at least one take.');
    const byId = new Map((db.prepare(`${SELECT} WHERE r.id IN (${sel.renderIds.map(() => '?').join(',')})`).all(...sel.renderIds) as Row[]).map((r) => [r.id, r]));
    rows = sel.renderIds.map((id) => {
      const r = byId.get(id);
      if (!r) throw new BundleError('not_found', `There is no render ${id} in this library.`);
      return r;
    });
    name = 'Dailies selection';
  }
  const stills = rows.filter((r) => r.kind !== 'video');
  if (stills.length) throw new BundleError('nothing_to_export', `"${stills[0]!.title}" is not a video; hand-offs carry video takes only.`);
  const reels = reelNames(rows.map((r) => r.title));
  const clips = rows.map((r, i): HandoffClip => {
    const file = r.storage === 'store' ? mediaPath(layout, r.sha256, r.ext) : r.external_path!;
    if (!existsSync(file)) throw new BundleError('missing_media', `The file of "${r.title}" is missing (${file}); Locate… it first.`);
    const fps = r.fps && r.fps > 0 ? r.fps : DEFAULT_FPS;
    const durationMs = r.duration_ms ?? 0;
    return {
      renderId: r.id, uid: r.uid, name: r.title, reel: reels[i]!, sha256: r.sha256, ext: r.ext, file, fps,
      frames: Math.max(1, Math.round((durationMs / 1000) * fps)), durationMs, width: r.width, height: r.height,
      hasAudio: r.audio_codec !== null, shot: r.shot, prompt: r.prompt, negative: r.negative, provider: r.provider,
      model: r.model, taskType: r.task_type, costCredits: r.cost_credits, rating: r.rating,
    };
  });
  return { name, clips };
}
