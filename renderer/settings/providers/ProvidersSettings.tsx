import { useCallback, useState } from 'react';
import { useClient } from '../../client/client-context.js';
import { useLiveCall } from '../../client/use-live-call.js';
import { ProviderSection } from './ProviderSection.js';
import { CallbackSettings } from './CallbackSettings.js';

/** Settings → Providers: every provider Dailies speaks, with its accounts, tests and credits. */
export function ProvidersSettings() {
  const client = useClient();
  // Bumped after a save or remove: the list has no event of its own.
  const [version, setVersion] = useState(0);
  const fetchAccounts = useCallback(() => {
    void version;
    return client.call('providers.list', {});
  }, [client, version]);
  const fetchCatalog = useCallback(() => client.call('providers.catalog', {}), [client]);
  const accounts = useLiveCall(fetchAccounts, () => false);
  const catalog = useLiveCall(fetchCatalog, () => false);
  const changed = () => setVersion((v) => v + 1);
  const all = accounts.value ?? [];

  return (
    <div className="providers">
      <h3 className="settings-heading">Providers</h3>
      <p className="muted settings-note">
        Keys are write-only: once saved they are never shown again, and this window only learns whether an account is
        configured. In the desktop app they are kept in the operating system’s keychain (Electron safeStorage); when
        Dailies runs as a server for a browser they come from environment variables or a secrets file readable only by
        its owner (mode 0600) — see the README.
      </p>
      {(accounts.error || catalog.error) && (
        <p role="alert" className="error-text">
          Could not load providers: {accounts.error ?? catalog.error}
        </p>
      )}
      {(catalog.value ?? []).map((provider) => (
        <ProviderSection
          key={provider.id}
          provider={provider}
          accounts={all.filter((a) => a.provider === provider.id)}
          takenIds={all.map((a) => a.id)}
          onChanged={changed}
        />
      ))}
      <CallbackSettings />
    </div>
  );
}
