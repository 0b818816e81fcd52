import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../client/client.js';
import { useClient } from '../../client/client-context.js';

export const KLING_DEFAULT_BASE_URL = 'https://api-singapore.klingai.com';
const ID_PATTERN = '[a-z0-9][a-z0-9_\\-]{0,63}';

interface Props {
  takenIds: string[];
  onSaved(): void;
  onCancel(): void;
}

/** Adds a Kling account. The keys are sent once and then dropped from this form's state. */
export function AddKlingAccountForm({ takenIds, onSaved, onCancel }: Props) {
  const client = useClient();
  const [id, setId] = useState('');
  const [label, setLabel] = useState('');
  const [baseUrl, setBaseUrl] = useState(KLING_DEFAULT_BASE_URL);
  const [accessKey, setAccessKey] = useState('');
  const [secretKey, setSecretKey] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const idHint = useId();
  const errorId = useId();
  const taken = takenIds.includes(id);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (taken) return;
    setSaving(true);
    setError(null);
    try {
      await client.call('providers.save', {
        id,
        provider: 'kling',
        label: label.trim(),
        baseUrl: baseUrl.trim(),
        credentials: { accessKey: accessKey.trim(), secretKey: secretKey.trim() },
      });
      setAccessKey('');
      setSecretKey('');
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
      setSaving(false);
    }
  };

  return (
    <form className="account-form" aria-label="Add a Kling account" onSubmit={(e) => void submit(e)}>
      <h4 className="settings-heading">Add a Kling account</h4>
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
        <input className="input" value={label} required maxLength={100} placeholder="Kling (studio)" onChange={(e) => setLabel(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Base URL</span>
        <input className="input mono" type="url" value={baseUrl} required spellCheck={false} onChange={(e) => setBaseUrl(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Access key</span>
        <input className="input mono" type="password" value={accessKey} required autoComplete="new-password" spellCheck={false} onChange={(e) => setAccessKey(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Secret key</span>
        <input className="input mono" type="password" value={secretKey} required autoComplete="new-password" spellCheck={false} onChange={(e) => setSecretKey(e.target.value)} />
      </label>
      {error && (
        <p id={errorId} role="alert" className="error-text">
          Not saved: {error}
        </p>
      )}
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
