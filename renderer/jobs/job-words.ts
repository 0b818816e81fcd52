// How job states and failures read in the UI: words a user can act on, never a code.
import type { JobState } from '../../shared/domain.js';
import type { JobErrorClass, JobSummary } from '../../shared/jobs.js';

export const STATE_LABELS: Record<JobState, string> = {
  queued: 'Queued',
  submitting: 'Submitting',
  unconfirmed: 'Answer lost',
  submitted: 'Submitted',
  running: 'Rendering',
  downloading: 'Downloading',
  done: 'Done',
  failed: 'Failed',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
};

export const ACTIVE_STATES: JobState[] = ['queued', 'submitting', 'submitted', 'running', 'downloading'];
export const RETRYABLE_STATES: JobState[] = ['failed', 'rejected', 'cancelled'];

export function isActive(state: JobState): boolean {
  return ACTIVE_STATES.includes(state);
}

export const ERROR_WORDS: Record<JobErrorClass, string> = {
  money: 'Account can’t pay — top up, then Retry',
  offline: 'Offline — will resume by itself',
  policy: 'Rejected by the provider’s content policy — rewrite the prompt',
  load: 'The provider is busy — retrying with backoff',
  auth: 'The provider refused the account’s keys — check them in Settings → Providers',
  invalid: 'The provider refused the request',
  not_found: 'The provider no longer knows this task or one of its inputs',
  server: 'The provider had a server error — retrying with backoff',
  download: 'The download failed — retrying',
  cancelled: 'Cancelled',
  unconfirmed: 'Sent, but the answer was lost — it may be running and charged at the provider',
};

/** The last error in words; the provider's own message follows where it adds something. */
export function describeError(job: Pick<JobSummary, 'errorClass' | 'lastError'>): string | null {
  if (!job.errorClass) return job.lastError;
  const words = ERROR_WORDS[job.errorClass];
  // A lost answer's message names the provider; a cancel's reason (a download cancelled after
  // the provider charged) is shown with it.
  return job.lastError && job.errorClass === 'unconfirmed' ? job.lastError
    : job.lastError && (job.errorClass === 'invalid' || job.errorClass === 'not_found' || job.errorClass === 'cancelled') ? `${words}: ${job.lastError}` : words;
}

export function taskLabel(taskType: string): string {
  return taskType.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
