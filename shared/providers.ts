// What the renderer learns about the providers Dailies speaks (every registered adapter, with or
// without an account): enough to draw Settings → Providers and to explain the form's options.
import type { ModelCapabilities, ProviderNotice } from './jobs.js';

export interface ProviderCatalogEntry {
  id: string;
  label: string;
  /** The key fields Settings asks for; secret ones are password fields and never echoed. */
  credentialFields: { name: string; label: string; secret: boolean }[];
  defaultBaseUrl: string;
  models: ModelCapabilities[];
  /** A warning shown wherever the provider is offered (Sora 2's announced shutdown). */
  notice: ProviderNotice | null;
  /** True when the API reports the account's remaining credits. */
  reportsCredits: boolean;
  /** True when a task can be cancelled at the provider (not only here). */
  cancels: boolean;
}

/** The answer to "Test connection", phrased for the person who typed the keys. */
export interface ConnectionTest {
  ok: boolean;
  verdict: 'connected' | 'keys_missing' | 'keys_rejected' | 'unreachable' | 'provider_error';
  message: string;
  remainingCredits: number | null;
}

/** What "Try this shot on…" started, and what it had to change to fit the other provider. */
export interface TryOnResult {
  jobId: number;
  model: string;
  changes: string[];
}
