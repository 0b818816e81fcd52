import { ACTIVE_STATES } from './job-words.js';
import { JOBS_PANEL_ID } from './JobsPanel.js';
import { useJobs } from './use-jobs.js';

/** "Jobs" in the toolbar: shows and hides the panel, with the number of jobs still running. */
export function JobsToggle({ open, onToggle }: { open: boolean; onToggle(): void }) {
  const { jobs } = useJobs(ACTIVE_STATES);
  const active = jobs.length;
  return (
    <button
      type="button"
      className="button"
      aria-pressed={open}
      aria-controls={open ? JOBS_PANEL_ID : undefined}
      aria-label={active > 0 ? `Jobs, ${active} active` : 'Jobs'}
      onClick={onToggle}
    >
      Jobs
      {active > 0 && (
        <span className="jobs-count" aria-hidden="true">
          {active}
        </span>
      )}
    </button>
  );
}
