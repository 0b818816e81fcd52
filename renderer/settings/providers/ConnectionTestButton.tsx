import { useState } from 'react';
import type { ConnectionTest } from '../../../shared/providers.js';
import { errorMessage } from '../../client/client.js';
import { useClient } from '../../client/client-context.js';
import { formatCredits } from '../../generate/EstimateSummary.js';

type State = { kind: 'idle' } | { kind: 'testing' } | { kind: 'done'; result: ConnectionTest } | { kind: 'error'; message: string };

/** "Test connection": one cheap authenticated request, answered in a sentence. */
export function ConnectionTestButton({ accountId, label }: { accountId: string; label: string }) {
  const client = useClient();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const test = () => {
    setState({ kind: 'testing' });
    client.call('providers.test', { id: accountId }).then(
      (result) => setState({ kind: 'done', result }),
      (err: unknown) => setState({ kind: 'error', message: errorMessage(err) }),
    );
  };
  return (
    <p className="account-test" aria-live="polite">
      <button type="button" className="button button-small" disabled={state.kind === 'testing'} aria-label={`Test connection of ${label}`} onClick={test}>
        Test connection
      </button>{' '}
      {state.kind === 'testing' && <span className="muted">testing…</span>}
      {state.kind === 'done' && (
        <span className={state.result.ok ? 'account-test-ok' : 'error-text'} data-verdict={state.result.verdict}>
          {state.result.ok ? '✓ ' : '✗ '}
          {state.result.message}
          {state.result.remainingCredits !== null && !state.result.message.includes('Remaining') ? ` (${formatCredits(state.result.remainingCredits)})` : ''}
        </span>
      )}
      {state.kind === 'error' && <span className="error-text">✗ {state.message}</span>}
    </p>
  );
}
