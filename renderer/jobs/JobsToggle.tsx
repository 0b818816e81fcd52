import type { JobState } from '../../shared/domain.js';
import { ACTIVE_STATES } from './job-words.js';
import { JOBS_PANEL_ID } from './JobsPanel.js';
import { useJobs } from './use-jobs.js';

const WAITING: JobState[] = ['unconfirmed'];

/**
 * "Jobs" in the toolbar: shows and hides the panel, with the number of jobs still running and,
 * apart, those waiting for the user's decision (an answer lost: Send again or Drop), which would
 * otherwise sit unseen in a closed panel.
 */
export function JobsToggle({ open, onToggle }: { open: boolean; onToggle(): void }) {
  const active = useJobs(ACTIVE_STATES).jobs.length;
  const waiting = useJobs(WAITING).jobs.length;
  const name = [active > 0 && `${active} active`, waiting > 0 && `${waiting} waiting for you`].filter(Boolean).join(', ');
  return (
    <button
      type="button"
      className="button"
      aria-pressed={open}
      aria-controls={open ? JOBS_PANEL_ID : undefined}
      aria-label={name ? `Jobs, ${name}` : 'Jobs'}
      onClick={onToggle}
    >
      Jobs
      {active > 0 && (
        <span className="jobs-count" aria-hidden="true">
          {active}
        </span>
      )}
      {waiting > 0 && (
        <span className="jobs-count jobs-count-waiting" aria-hidden="true" title="Waiting for your decision">
          {waiting}
        </span>
      )}
    </button>
  );
}
