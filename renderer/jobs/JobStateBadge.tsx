import type { JobState } from '../../shared/domain.js';
import { STATE_LABELS } from './job-words.js';

/** The job's state as a coloured badge; the colour repeats the word, it never replaces it. */
export function JobStateBadge({ state }: { state: JobState }) {
  return <span className={`job-badge job-badge-${state}`}>{STATE_LABELS[state]}</span>;
}
