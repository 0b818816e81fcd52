import { useCallback } from 'react';
import type { CoreEvent } from '../../shared/events.js';
import type { JobDetail } from '../../shared/jobs.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { formatCredits } from '../generate/EstimateSummary.js';
import { Fact, FactTable } from '../library/Fact.js';
import { describeError, formatTime, STATE_LABELS, taskLabel } from './job-words.js';
import { JobStateBadge } from './JobStateBadge.js';

const CHARGE_LABELS = { estimate: 'Estimate', actual: 'Charged', refund: 'Refund' } as const;

/** One job in full: its request, its event log and its ledger rows; follows the job live. */
export function JobDetailDrawer({ jobId, onClose }: { jobId: number; onClose(): void }) {
  const client = useClient();
  const fetchJob = useCallback(() => client.call('jobs.get', { id: jobId }), [client, jobId]);
  const isThisJob = (event: CoreEvent) => event.type === 'job.updated' && event.job.id === jobId;
  const { value, error } = useLiveCall(fetchJob, isThisJob);
  const job = value?.id === jobId ? value : undefined;

  return (
    <section className="job-drawer" aria-label={`Job ${jobId} details`} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="detail-header">
        <h3 className="job-drawer-title">Job {jobId}</h3>
        <button type="button" className="button button-icon" aria-label="Close job details" onClick={onClose}>
          ×
        </button>
      </div>
      {error && !job && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {!job && !error && <p className="muted">Loading…</p>}
      {job && <JobDetailBody job={job} />}
    </section>
  );
}

function JobDetailBody({ job }: { job: JobDetail }) {
  const error = describeError(job);
  return (
    <>
      <FactTable label="Job facts">
        <Fact label="State">
          <JobStateBadge state={job.state} />
        </Fact>
        <Fact label="Task">{taskLabel(job.taskType)}</Fact>
        <Fact label="Model">
          {job.provider} · {job.model}
        </Fact>
        <Fact label="Attempts">{job.attempts}</Fact>
        {job.nextAttemptAt !== null && <Fact label="Next attempt">{formatTime(job.nextAttemptAt)}</Fact>}
        {error && <Fact label="Last error">{error}</Fact>}
        {job.lastError && !error?.includes(job.lastError) && (
          <Fact label="Provider said">
            <span className="breakable">{job.lastError}</span>
          </Fact>
        )}
        <Fact label="Prompt">
          <span className="prompt-text">{job.promptText || '—'}</span>
        </Fact>
        <Fact label="Provider task">
          <span className="mono breakable">{job.providerTaskId ?? '—'}</span>
        </Fact>
        <Fact label="Idempotency key">
          <span className="mono breakable">{job.idempotencyKey}</span>
        </Fact>
      </FactTable>

      <h4 className="job-drawer-subtitle">Charges</h4>
      {job.charges.length === 0 ? (
        <p className="muted">No ledger rows yet.</p>
      ) : (
        <table className="job-table" aria-label="Charges">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Kind</th>
              <th scope="col">Credits</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {job.charges.map((c, i) => (
              <tr key={i}>
                <td>{formatTime(c.at)}</td>
                <td>{CHARGE_LABELS[c.kind]}</td>
                <td>{formatCredits(c.credits)}</td>
                <td>{c.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h4 className="job-drawer-subtitle">Event log</h4>
      <ol className="job-events" aria-label="Event log">
        {job.events.map((e, i) => (
          <li key={i}>
            <time className="mono">{formatTime(e.at)}</time>{' '}
            {e.toState && (
              <span className="job-transition">
                {e.fromState ? `${STATE_LABELS[e.fromState]} → ` : ''}
                {STATE_LABELS[e.toState]}
              </span>
            )}{' '}
            <span className="breakable">{e.message}</span>
          </li>
        ))}
      </ol>
    </>
  );
}
