// The job that made the take: its log (every state change and provider answer) and its charges.
import type { ReviewDetail } from '../../shared/review.js';
import { formatCredits } from '../library/format.js';
import { Section } from './Section.js';

const clock = (at: number) => new Date(at).toLocaleString();

export function JobSection({ detail }: { detail: ReviewDetail }) {
  const { job } = detail;
  if (!job) return null;
  const net = job.charges.reduce((s, c) => s + (c.kind === 'actual' ? c.credits : c.kind === 'refund' ? -c.credits : 0), 0);
  return (
    <>
      <Section title="Charges">
        <ul className="charge-list" aria-label="Charges">
          {job.charges.map((c, i) => (
            <li key={i} className={`charge charge-${c.kind}`}>
              <span className="charge-kind">{c.kind === 'estimate' ? 'Estimate' : c.kind === 'actual' ? 'Charged' : 'Refund'}</span>
              <span className="charge-credits mono">{c.kind === 'refund' ? '−' : ''}{formatCredits(c.credits)}</span>
              <span className="muted charge-note">{c.note || clock(c.at)}</span>
            </li>
          ))}
        </ul>
        <p className="charge-net">Spent: <strong>{formatCredits(net)}</strong> credits</p>
      </Section>
      <Section title="Job log">
        <details className="job-log">
          <summary>
            Job {job.id} · {job.provider} {job.model} · {job.state} · {job.events.length} entries
          </summary>
          <ol className="job-log-list" aria-label="Job log entries">
            {job.events.map((e, i) => (
              <li key={i}>
                <time className="muted mono" dateTime={new Date(e.at).toISOString()}>{new Date(e.at).toLocaleTimeString()}</time>{' '}
                {e.toState && <span className="job-log-state">{e.fromState ? `${e.fromState} → ` : ''}{e.toState}</span>} {e.message}
              </li>
            ))}
          </ol>
        </details>
      </Section>
    </>
  );
}
