// Shapes the review views (detail, compare, storyboard, costs) get from the core. Pure types.
import type { ReferenceRole, RenderCard, RenderDetail, Shot } from './domain.js';
import type { JobEventLine } from './jobs.js';
import type { JobState } from './domain.js';

export interface ReviewReference {
  id: number;
  title: string;
  sha256: string;
  ext: string;
  kind: string;
  role: string;
  hasPoster: boolean;
}

/** The detail panel's take: everything renders.get says, plus how it was made. */
export interface ReviewDetail extends RenderDetail {
  /** The structured fields the prompt was composed from ({} when it was typed as one text). */
  promptFields: Record<string, unknown>;
  /** Free-form generation parameters as stored on the render. */
  params: Record<string, unknown>;
  references: ReviewReference[];
  job: {
    id: number;
    state: JobState;
    provider: string;
    model: string;
    taskType: string;
    events: JobEventLine[];
    charges: { kind: 'estimate' | 'actual' | 'refund'; credits: number; at: number; note: string }[];
  } | null;
  /** The take's pick in its shot, if another take holds it (so P can say what it replaces). */
  shotPickId: number | null;
}

export type { ReferenceRole };

export interface LineageNode {
  id: number;
  title: string;
  sha256: string;
  hasPoster: boolean;
  /** The edit that made this take from its parent; null for a root. */
  operation: string | null;
  flag: RenderCard['flag'];
  children: LineageNode[];
}

export interface LineageTree {
  /** Oldest first, ending with the take's parent. */
  ancestors: LineageNode[];
  /** The take itself, with its descendants below it. */
  self: LineageNode;
  /** True when the tree was cut short (a very large family). */
  truncated: boolean;
}

/** Where a take's file is, and whether the host showed it in the system's file manager. */
export interface RevealResult {
  path: string;
  revealed: boolean;
}

export interface StoryboardShot extends Shot {
  pickId: number | null;
  takeCount: number;
  /** The newest takes of the shot (at most the strip's length), the pick always among them. */
  takes: RenderCard[];
}

export interface Storyboard {
  project: { id: number; name: string };
  shots: StoryboardShot[];
  /** Takes of the project that are not filed under any shot. */
  unfiledCount: number;
}

export interface CostBucket {
  key: string;
  label: string;
  credits: number;
}

export interface CostSummary {
  /** Credits spent (actual charges net of refunds, plus imported takes' stated costs). */
  total: number;
  byDay: CostBucket[];
  byProvider: CostBucket[];
  byModel: CostBucket[];
  byProject: CostBucket[];
  rerollsPerShot: { shotId: number; shot: string; projectId: number; project: string; takes: number; rerolls: number; credits: number; picked: boolean }[];
  /** Credits over the seconds of picked takes; null when nothing is picked yet. */
  costPerPickedSecond: number | null;
  pickedSeconds: number;
  /** Takes added in the period that cost credits (net of refunds), however many prompts they share. */
  paidTakes: number;
  roiPerPrompt: { promptId: number; text: string; credits: number; takes: number; picks: number; creditsPerPick: number | null }[];
}
