import { useId, useState } from 'react';
import type { ProviderAccountInfo } from '../../../shared/jobs.js';
import type { ProviderCatalogEntry } from '../../../shared/providers.js';
import { AccountRow } from './AccountRow.js';
import { AddAccountForm } from './AddAccountForm.js';
import { ProviderNoticeLine } from './ProviderNoticeLine.js';
import { PriceTable } from './PriceTable.js';
import { isPricedProvider } from '../../../shared/pricing/index.js';

interface Props {
  provider: ProviderCatalogEntry;
  accounts: ProviderAccountInfo[];
  takenIds: string[];
  onChanged(): void;
}

/** One provider: what it offers, its notice, its prices, its accounts, and adding one. */
export function ProviderSection({ provider, accounts, takenIds, onChanged }: Props) {
  const [adding, setAdding] = useState(false);
  const headingId = useId();
  const tasks = [...new Set(provider.models.flatMap((m) => m.taskTypes))].map((t) => t.replace(/_/g, ' '));
  return (
    <section className="provider" aria-labelledby={headingId}>
      <h4 id={headingId} className="settings-heading">
        {provider.label}
      </h4>
      <ProviderNoticeLine notice={provider.notice} label={provider.label} />
      <p className="muted provider-summary">
        Models: {provider.models.map((m) => m.label).join(', ')}. Does: {tasks.join(', ')}.{' '}
        {provider.reportsCredits ? 'Reports remaining credits.' : 'Its API does not report remaining credits.'}
      </p>
      {isPricedProvider(provider.id) && <PriceTable provider={provider.id} label={provider.label} />}
      {accounts.length > 0 ? (
        <ul className="accounts" aria-label={`${provider.label} accounts`}>
          {accounts.map((account) => (
            <AccountRow key={account.id} account={account} reportsCredits={provider.reportsCredits} providerLabel={provider.label} onRemoved={onChanged} />
          ))}
        </ul>
      ) : (
        <p className="muted">No {provider.label} account yet.</p>
      )}
      {adding ? (
        <AddAccountForm
          provider={provider}
          takenIds={takenIds}
          onSaved={() => {
            setAdding(false);
            onChanged();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button type="button" className="button button-small" onClick={() => setAdding(true)}>
          Add a {provider.label} account…
        </button>
      )}
    </section>
  );
}
