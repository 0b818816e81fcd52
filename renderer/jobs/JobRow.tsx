import { useState } from 'react';
import type { JobSummary } from '../../shared/jobs.js';
import { errorMessage } from '../client/client.js';
import { useClient } from '../client/client-context.js';
import { formatCredits } from '../generate/EstimateSummary.js';
import { describeError, isActive, RETRYABLE_STATES, STATE_LABELS, taskLabel } from './job-words.js';
import { JobStateBadge } from './JobStateBadge.js';

interface Props {
  job: JobSummary;
  onShowRender(renderId: number): void;
  onShowDetails(jobId: number): void;
}

/** One job: what it is, its state and progress, why it stopped, what it cost, and what to do. */
export function JobRow({ job, onShowRender, onShowDetails }: Props) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const active = isActive(job.state);
  const title = job.promptText.trim() || taskLabel(job.taskType);
  const error = describeError(job);

  const act = async (action: 'jobs.retry' | 'jobs.cancel' | 'send_again' | 'drop') => {
    setBusy(true);
    setActionError(null);
    try {
      if (action === 'send_again' || action === 'drop') await client.call('jobs.decide', { id: job.id, decision: action });
      else await client.call(action, { id: job.id });
    } catch (err) {
      setActionError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="job" aria-label={`Job ${job.id}: ${STATE_LABELS[job.state]}`} data-state={job.state}>
      <div className="job-head">
        <JobStateBadge state={job.state} />
        {job.state === 'done' && job.renderId !== null ? (
          <button type="button" className="job-title job-title-link" title="Show the render in the library" onClick={() => onShowRender(job.renderId!)}>
            {title}
          </button>
        ) : (
          <span className="job-title" title={title}>
            {title}
          </span>
        )}
      </div>
      <p className="job-meta muted">
        {taskLabel(job.taskType)} · {job.model} · attempt {job.attempts}
        {job.imported ? ' · from a bundle (history; not sent from here)' : ''}
      </p>
      {active && (
        <progress
          className="job-progress"
          aria-label={`Progress of job ${job.id}`}
          max={1}
          value={job.progress ?? undefined}
        />
      )}
      {error && <p className={job.errorClass === 'offline' || job.errorClass === 'load' ? 'job-error muted' : 'job-error error-text'}>{error}</p>}
      <p className="job-credits muted">
        Estimate {formatCredits(job.estimateCredits)}
        {job.actualCredits !== null ? ` · charged ${formatCredits(job.actualCredits)}` : ''}
      </p>
      {actionError && (
        <p role="alert" className="error-text">
          {actionError}
        </p>
      )}
      {job.state === 'unconfirmed' && (
        <div className="job-decision" role="group" aria-label={`Decide job ${job.id}`}>
          <p className="muted">
            Dailies cannot ask the provider whether the first send arrived, so it will not send again by itself.
            Send again starts a new task (about {formatCredits(job.estimateCredits)}); if the first one did arrive, both run
            and both are charged there. Drop ends the job here; a task that did arrive may still run and be charged.
          </p>
          <div className="job-actions">
            <button type="button" className="button button-small" disabled={busy} onClick={() => void act('send_again')}>
              Send again (≈ {formatCredits(job.estimateCredits)})
            </button>
            <button type="button" className="button button-small" disabled={busy} onClick={() => void act('drop')}>
              Drop
            </button>
          </div>
        </div>
      )}
      <div className="job-actions">
        {RETRYABLE_STATES.includes(job.state) && !job.imported && (
          <button type="button" className="button button-small" disabled={busy} onClick={() => void act('jobs.retry')}>
            Retry
          </button>
        )}
        {active && (
          <button type="button" className="button button-small" disabled={busy} onClick={() => void act('jobs.cancel')}>
            Cancel
          </button>
        )}
        <button type="button" className="button button-small" onClick={() => onShowDetails(job.id)}>
          Details
        </button>
      </div>
    </li>
  );
}
