// "Add shot": a name, added at the end of the shot list.
import { useState } from 'react';
import { errorMessage } from '../client/client.js';

export function AddShotForm({ onAdd }: { onAdd(name: string): Promise<void> }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="add-shot"
      aria-label="Add a shot"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) {
          setError('Give the shot a name.');
          return;
        }
        setBusy(true);
        onAdd(name.trim()).then(
          () => {
            setName('');
            setError(null);
            setBusy(false);
          },
          (err: unknown) => {
            setError(errorMessage(err));
            setBusy(false);
          },
        );
      }}
    >
      <input
        className="input"
        aria-label="New shot name"
        placeholder="New shot, e.g. “Close-up: the cook’s hands”"
        value={name}
        maxLength={200}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <button type="submit" className="button" disabled={busy}>Add shot</button>
      {error && <span className="error-text" role="alert">{error}</span>}
    </form>
  );
}
