import { useId, useState, type FormEvent } from 'react';
import type { ProviderCatalogEntry } from '../../../shared/providers.js';
import { useClient } from '../../client/client-context.js';
import { SaveError, useSave } from './use-save.js';

const ID_PATTERN = '[a-z0-9][a-z0-9_\\-]{0,63}';

interface Props {
  provider: ProviderCatalogEntry;
  takenIds: string[];
  onSaved(): void;
  onCancel(): void;
}

/**
 * Adds an account for one provider, asking for exactly that provider's key fields. Every key is a
 * password field; the keys are sent once and then dropped from this form's state.
 */
export function AddAccountForm({ provider, takenIds, onSaved, onCancel }: Props) {
  const client = useClient();
  const [id, setId] = useState('');
  const [label, setLabel] = useState('');
  const [baseUrl, setBaseUrl] = useState(provider.defaultBaseUrl);
  const [keys, setKeys] = useState<Record<string, string>>({});
  const { saving, error, save } = useSave();
  const idHint = useId();
  const baseHint = useId();
  const taken = takenIds.includes(id);
  const title = `Add a ${provider.label} account`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (taken) return;
    return save(async () => {
      const credentials = Object.fromEntries(provider.credentialFields.map((f) => [f.name, (keys[f.name] ?? '').trim()]));
      await client.call('providers.save', { id, provider: provider.id, label: label.trim(), baseUrl: baseUrl.trim(), credentials });
      setKeys({});
      onSaved();
    });
  };

  return (
    <form className="account-form" aria-label={title} onSubmit={(e) => void submit(e)}>
      <h5 className="settings-heading">{title}</h5>
      <label className="field">
        <span className="field-label">Account id</span>
        <input
          className="input mono"
          value={id}
          required
          pattern={ID_PATTERN}
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={taken ? true : undefined}
          aria-describedby={idHint}
          onChange={(e) => setId(e.target.value.toLowerCase())}
        />
        <span id={idHint} className={taken ? 'gen-note error-text' : 'gen-note'}>
          {taken ? 'An account with this id exists already.' : 'Lower-case letters, digits, - and _; how jobs refer to the account.'}
        </span>
      </label>
      <label className="field">
        <span className="field-label">Label</span>
        <input className="input" value={label} required maxLength={100} placeholder={`${provider.label} (studio)`} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Base URL</span>
        <input className="input mono" type="url" value={baseUrl} required spellCheck={false} aria-describedby={baseHint} onChange={(e) => setBaseUrl(e.target.value)} />
        <span id={baseHint} className="gen-note">
          {provider.label}’s API: {provider.defaultBaseUrl}. Change it for a regional endpoint or a proxy.
        </span>
      </label>
      {provider.credentialFields.map((f) => (
        <label className="field" key={f.name}>
          <span className="field-label">{f.label}</span>
          <input
            className="input mono"
            type="password"
            value={keys[f.name] ?? ''}
            required
            autoComplete="new-password"
            spellCheck={false}
            onChange={(e) => setKeys((k) => ({ ...k, [f.name]: e.target.value }))}
          />
        </label>
      ))}
      <SaveError error={error} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={saving || taken}>
          {saving ? 'Saving…' : 'Save account'}
        </button>
      </div>
    </form>
  );
}
