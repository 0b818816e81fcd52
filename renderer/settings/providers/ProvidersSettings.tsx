import { useCallback, useState } from 'react';
import { useClient } from '../../client/client-context.js';
import { useLiveCall } from '../../client/use-live-call.js';
import { AccountRow } from './AccountRow.js';
import { AddKlingAccountForm } from './AddKlingAccountForm.js';

/** Settings → Providers: the accounts jobs run on, their credits, and adding a Kling account. */
export function ProvidersSettings() {
  const client = useClient();
  // Bumped after a save or remove: the list has no event of its own.
  const [version, setVersion] = useState(0);
  const fetchAccounts = useCallback(() => {
    void version;
    return client.call('providers.list', {});
  }, [client, version]);
  const accounts = useLiveCall(fetchAccounts, () => false);
  const [adding, setAdding] = useState(false);
  const changed = () => setVersion((v) => v + 1);

  return (
    <div className="providers">
      <h3 className="settings-heading">Provider accounts</h3>
      <p className="muted settings-note">
        Keys are write-only: once saved they are never shown again, and this window only learns whether an account is
        configured. In the desktop app they are kept in the operating system’s keychain (Electron safeStorage); when
        Dailies runs as a server for a browser they come from environment variables or a secrets file readable only by
        its owner (mode 0600) — see the README.
      </p>
      {accounts.error && (
        <p role="alert" className="error-text">
          Could not load accounts: {accounts.error}
        </p>
      )}
      <ul className="accounts" aria-label="Provider accounts">
        {(accounts.value ?? []).map((account) => (
          <AccountRow key={account.id} account={account} onRemoved={changed} />
        ))}
      </ul>
      {adding ? (
        <AddKlingAccountForm
          takenIds={(accounts.value ?? []).map((a) => a.id)}
          onSaved={() => {
            setAdding(false);
            changed();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Add a Kling account…
        </button>
      )}
    </div>
  );
}
