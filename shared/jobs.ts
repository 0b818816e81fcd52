// Job and provider-account shapes the renderer sees. Secrets never appear here: an account only
// says whether it is configured.
import type { JobState } from './domain.js';
import type { GenerationSpecParsed } from './generation.js';
import type { PriceUsed } from './pricing/table.js';

/** Why a job is waiting or how it ended, in words a user can act on. */
export type JobErrorClass =
  | 'money' | 'load' | 'policy' | 'auth' | 'invalid' | 'not_found' | 'server' | 'offline' | 'download' | 'cancelled'
  /** The create's answer was lost and the provider cannot be asked: the outcome is unknown. */
  | 'unconfirmed';

export interface JobSummary {
  id: number;
  accountId: string | null;
  provider: string;
  model: string;
  taskType: string;
  state: JobState;
  /** 0..1 while the provider renders or while downloading; null when unknown. */
  progress: number | null;
  attempts: number;
  nextAttemptAt: number | null;
  errorClass: JobErrorClass | null;
  lastError: string | null;
  promptText: string;
  estimateCredits: number;
  actualCredits: number | null;
  renderId: number | null;
  parentRenderId: number | null;
  projectId: number | null;
  shotId: number | null;
  createdAt: number;
  updatedAt: number;
  /** It came in a bundle: history from another library, never sent again from this one. */
  imported: boolean;
}

export interface JobEventLine {
  at: number;
  fromState: JobState | null;
  toState: JobState | null;
  message: string;
}

export interface JobDetail extends JobSummary {
  spec: GenerationSpecParsed;
  providerTaskId: string | null;
  idempotencyKey: string;
  events: JobEventLine[];
  charges: { kind: 'estimate' | 'actual' | 'refund'; credits: number; at: number; note: string }[];
}

export interface ProviderAccountInfo {
  id: string;
  provider: string;
  label: string;
  baseUrl: string;
  /** True when keys are stored (or, for the demo, always). */
  configured: boolean;
  demo: boolean;
}

export interface EstimateResult {
  credits: number;
  /** The prices the estimate read (built-in or the user's own, Settings → Providers → Prices). */
  prices: PriceUsed[];
  problems: { field: string; message: string }[];
  budget: { projectBudget: number | null; spent: number; wouldExceed: boolean } | null;
}

/**
 * Something a user must know about a provider or model before choosing it, shown in Settings →
 * Providers and the New generation form (Sora 2: OpenAI shuts its video API down 2026-09-24).
 */
export interface ProviderNotice {
  kind: 'shutdown' | 'deprecated' | 'info';
  message: string;
  /** For a shutdown: the day the service stops (YYYY-MM-DD). */
  date?: string;
}

/** What one model of a provider can do; the New generation form enables fields from this. */
export interface ModelCapabilities {
  model: string;
  label: string;
  taskTypes: readonly string[];
  durationsS: readonly number[];
  aspectRatios: readonly string[];
  modes: readonly string[];
  sound: boolean;
  /** Camera control types supported, per mode; empty when the model has none. */
  camera: Readonly<Record<string, readonly string[]>>;
  promptMax: number;
  /** Output resolutions the model renders (MiniMax "768P"/"1080P"); absent when not chosen. */
  resolutions?: readonly string[];
  /** Shown with the model wherever it can be chosen (a shutdown, a deprecation). */
  notice?: ProviderNotice;
  /** Durations per task type, where a task narrows them (Kling's camera control is 5 s only). */
  durationsByTask?: Readonly<Partial<Record<string, readonly number[]>>>;
  /** Durations per resolution, where a resolution narrows them (MiniMax renders 1080P in 6 s only). */
  durationsByResolution?: Readonly<Record<string, readonly number[]>>;
}
