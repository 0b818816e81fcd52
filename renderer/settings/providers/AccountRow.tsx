import { useState } from 'react';
import type { ProviderAccountInfo } from '../../../shared/jobs.js';
import { errorMessage } from '../../client/client.js';
import { useClient } from '../../client/client-context.js';
import { formatCredits } from '../../generate/EstimateSummary.js';
import { ConnectionTestButton } from './ConnectionTestButton.js';

type Credits = { kind: 'idle' } | { kind: 'loading' } | { kind: 'known'; remaining: number | null } | { kind: 'error'; message: string };

interface Props {
  account: ProviderAccountInfo;
  /** False when the provider's API has no balance call: then there is nothing to refresh. */
  reportsCredits: boolean;
  providerLabel: string;
  onRemoved(): void;
}

/** One account: what it is, whether its keys are there, a connection test, remaining credits, and Remove. */
export function AccountRow({ account, reportsCredits, providerLabel, onRemoved }: Props) {
  const client = useClient();
  const [credits, setCredits] = useState<Credits>({ kind: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);

  const refreshCredits = () => {
    setCredits({ kind: 'loading' });
    client.call('providers.credits', { id: account.id }).then(
      ({ remainingCredits }) => setCredits({ kind: 'known', remaining: remainingCredits }),
      (err: unknown) => setCredits({ kind: 'error', message: errorMessage(err) }),
    );
  };
  const remove = () => {
    setRemoveError(null);
    client.call('providers.remove', { id: account.id }).then(onRemoved, (err: unknown) => {
      setRemoveError(errorMessage(err));
      setConfirming(false);
    });
  };

  return (
    <li className="account" aria-label={account.label}>
      <div className="account-head">
        <strong>{account.label}</strong>
        {account.demo && <span className="account-tag">Demo</span>}
        <span className={account.configured ? 'account-status account-ok' : 'account-status account-missing'}>
          {account.configured ? 'Configured' : 'Keys missing'}
        </span>
      </div>
      <p className="muted account-meta">
        <span className="mono">{account.id}</span> · {account.provider} · <span className="mono breakable">{account.baseUrl}</span>
      </p>
      <ConnectionTestButton accountId={account.id} label={account.label} />
      {reportsCredits ? (
        <p className="account-credits" aria-live="polite">
          Remaining credits:{' '}
          {credits.kind === 'idle' && <span className="muted">not checked</span>}
          {credits.kind === 'loading' && <span className="muted">checking…</span>}
          {credits.kind === 'known' && (credits.remaining === null ? <span className="muted">the provider does not say</span> : <strong>{formatCredits(credits.remaining)}</strong>)}
          {credits.kind === 'error' && <span className="error-text">{credits.message}</span>}{' '}
          <button
            type="button"
            className="button button-small"
            disabled={credits.kind === 'loading' || !account.configured}
            aria-label={`Refresh credits of ${account.label}`}
            onClick={refreshCredits}
          >
            Refresh
          </button>
        </p>
      ) : (
        <p className="account-credits muted">Remaining credits: {providerLabel}’s API does not report them.</p>
      )}
      {removeError && (
        <p role="alert" className="error-text">
          {removeError}
        </p>
      )}
      {!account.demo && (
        <div className="account-actions">
          {confirming ? (
            <>
              <span>Remove this account and its keys?</span>
              <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
                Keep
              </button>
              <button type="button" className="button button-small button-danger" onClick={remove}>
                Remove {account.label}
              </button>
            </>
          ) : (
            <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
              Remove…
            </button>
          )}
        </div>
      )}
    </li>
  );
}
