import { useCallback, useId, useState } from 'react';
import type { JobSummary } from '../../shared/jobs.js';
import type { TryOnResult } from '../../shared/providers.js';
import { errorMessage } from '../client/client.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { useModelCapabilities } from '../generate/use-model-capabilities.js';
import { JobStateBadge } from '../jobs/JobStateBadge.js';
import { useNavigation } from '../app/navigation.js';

interface Props {
  renderId: number;
  /** The render's own provider account is still offered: a reroll on another model is a fair test too. */
  taskType: string | null;
  costCredits: number;
  /** Shows another render (the new sibling) in the library. */
  onShow?(renderId: number): void;
}

type Phase = { kind: 'closed' } | { kind: 'choosing' } | { kind: 'sending' } | { kind: 'sent'; result: TryOnResult; account: string } | { kind: 'error'; message: string };

/**
 * "Try this shot on…": the render's prompt and references run again on another provider account,
 * as a sibling take in the same shot. What had to change to fit the other model is listed, both
 * takes' costs are shown side by side, and once the new one is in, Compare opens with both.
 */
export function TryOnPanel({ renderId, taskType, costCredits, onShow }: Props) {
  const client = useClient();
  const [phase, setPhase] = useState<Phase>({ kind: 'closed' });
  const fetchAccounts = useCallback(() => client.call('providers.list', {}), [client]);
  const accounts = useLiveCall(fetchAccounts, () => false);
  const [accountId, setAccountId] = useState('');
  const [model, setModel] = useState('');
  const accountField = useId();
  const modelField = useId();
  const usable = (accounts.value ?? []).filter((a) => a.configured);

  const send = () => {
    const account = usable.find((a) => a.id === accountId);
    if (!account) return;
    setPhase({ kind: 'sending' });
    client.call('renders.tryOn', { renderId, accountId, ...(model ? { model } : {}) }).then(
      (result) => setPhase({ kind: 'sent', result, account: account.label }),
      (err: unknown) => setPhase({ kind: 'error', message: errorMessage(err) }),
    );
  };

  if (phase.kind === 'closed') {
    return (
      <div className="try-on">
        <button type="button" className="button button-small" onClick={() => setPhase({ kind: 'choosing' })}>
          Try this shot on…
        </button>
      </div>
    );
  }
  if (phase.kind === 'sent') return <TryOnSent renderId={renderId} result={phase.result} account={phase.account} costCredits={costCredits} onShow={onShow} onAgain={() => setPhase({ kind: 'choosing' })} />;

  return (
    <form className="try-on try-on-form" aria-label="Try this shot on another provider" onSubmit={(e) => { e.preventDefault(); send(); }}>
      <p className="muted try-on-note">Runs this take’s prompt and references again on another account, as a new take in the same shot.</p>
      <label className="field" htmlFor={accountField}>
        <span className="field-label">Account</span>
      </label>
      <select id={accountField} className="input" value={accountId} required onChange={(e) => { setAccountId(e.target.value); setModel(''); }}>
        <option value="">Choose an account…</option>
        {usable.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label} ({a.provider})
          </option>
        ))}
      </select>
      {accountId && <ModelChoice key={accountId} id={modelField} accountId={accountId} taskType={taskType} value={model} onChange={setModel} />}
      {phase.kind === 'error' && (
        <p role="alert" className="error-text">
          Not started: {phase.message}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-small" onClick={() => setPhase({ kind: 'closed' })}>
          Cancel
        </button>
        <button type="submit" className="button button-small button-primary" disabled={!accountId || phase.kind === 'sending'}>
          {phase.kind === 'sending' ? 'Starting…' : 'Run it there'}
        </button>
      </div>
    </form>
  );
}

/** The other account's models; those that cannot do this task type are disabled with the reason. */
function ModelChoice({ id, accountId, taskType, value, onChange }: { id: string; accountId: string; taskType: string | null; value: string; onChange(m: string): void }) {
  const caps = useModelCapabilities(accountId);
  if (caps.error) return <p className="error-text">Could not load this account’s models: {caps.error}</p>;
  const models = caps.value?.models ?? [];
  return (
    <>
      <label className="field-label" htmlFor={id}>
        Model
      </label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">The first that fits</option>
        {models.map((m) => {
          const lacks = taskType !== null && !m.taskTypes.includes(taskType);
          return (
            <option key={m.model} value={m.model} disabled={lacks} title={lacks ? `${m.label} cannot do ${taskType.replace(/_/g, ' ')}` : undefined}>
              {m.label}
              {lacks ? ` (cannot do ${taskType.replace(/_/g, ' ')})` : ''}
            </option>
          );
        })}
      </select>
    </>
  );
}

function TryOnSent({ renderId, result, account, costCredits, onShow, onAgain }: { renderId: number; result: TryOnResult; account: string; costCredits: number; onShow?: ((id: number) => void) | undefined; onAgain(): void }) {
  const client = useClient();
  const nav = useNavigation();
  const fetchJob = useCallback(() => client.call('jobs.get', { id: result.jobId }), [client, result.jobId]);
  const job = useLiveCall<JobSummary>(fetchJob, (e) => e.type === 'job.updated' && e.job.id === result.jobId);
  const j = job.value;
  return (
    <div className="try-on" role="status" aria-label="Try this shot on: started">
      <p>
        Started job {result.jobId} on {account} ({result.model}). {j && <JobStateBadge state={j.state} />}
      </p>
      {result.changes.length > 0 && <p className="muted">To fit that model: {result.changes.join('; ')}.</p>}
      {j?.lastError && j.state !== 'done' && <p className="error-text">{j.lastError}</p>}
      <table className="try-on-costs" aria-label="Costs side by side">
        <thead>
          <tr>
            <th scope="col">This take</th>
            <th scope="col">On {account}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{costCredits.toLocaleString('en-US', { maximumFractionDigits: 2 })} credits</td>
            <td>
              {j ? `${(j.actualCredits ?? j.estimateCredits).toLocaleString('en-US', { maximumFractionDigits: 2 })} credits${j.actualCredits === null ? ' (estimate)' : ''}` : '…'}
            </td>
          </tr>
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="button button-small" onClick={onAgain}>
          Try on another…
        </button>
        {j?.renderId && (
          <button type="button" className="button button-small button-primary" onClick={() => nav.openCompare([renderId, j.renderId!])}>
            Compare both
          </button>
        )}
        {j?.renderId && onShow && (
          <button type="button" className="button button-small" onClick={() => onShow(j.renderId!)}>
            Show the new take
          </button>
        )}
      </div>
    </div>
  );
}
