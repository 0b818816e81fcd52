import { useState } from 'react';
import { JobDetailDrawer } from './JobDetailDrawer.js';
import { JobRow } from './JobRow.js';
import { useJobs } from './use-jobs.js';

export const JOBS_PANEL_ID = 'jobs-panel';

interface Props {
  onShowRender(renderId: number): void;
  onClose(): void;
}

/** The newest jobs, live; a done job's title opens its render, Details opens the job's log. */
export function JobsPanel({ onShowRender, onClose }: Props) {
  const { jobs, loaded, error } = useJobs();
  const [detailId, setDetailId] = useState<number | null>(null);

  return (
    <aside id={JOBS_PANEL_ID} className="jobs-panel" aria-label="Jobs" onKeyDown={(e) => e.key === 'Escape' && detailId === null && onClose()}>
      <div className="detail-header">
        <h2 className="detail-title">Jobs</h2>
        <button type="button" className="button button-icon" aria-label="Close jobs" onClick={onClose}>
          ×
        </button>
      </div>
      {error && (
        <p role="alert" className="error-text">
          Could not load jobs: {error}
        </p>
      )}
      {loaded && !error && jobs.length === 0 && <p className="muted">No jobs yet. “New generation” starts one.</p>}
      <ul className="jobs-list" aria-label="Job list">
        {jobs.map((job) => (
          <JobRow key={job.id} job={job} onShowRender={onShowRender} onShowDetails={setDetailId} />
        ))}
      </ul>
      {detailId !== null && <JobDetailDrawer key={detailId} jobId={detailId} onClose={() => setDetailId(null)} />}
    </aside>
  );
}
