// A name and a button that adds something by it: "Add shot" at the end of the shot list, and
// "Create project" (a storyboard starts from a project). Keeps the name and says why on a refusal.
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../client/client.js';

export interface NameFormProps {
  /** The form's accessible name ("Add a shot"). */
  label: string;
  /** The text box's accessible name ("New shot name"). */
  inputLabel: string;
  placeholder: string;
  submit: string;
  /** What to say when the name is empty ("Give the shot a name."). */
  empty: string;
  onAdd(name: string): Promise<void>;
  autoFocus?: boolean;
  /** Shown after the button (Cancel, for a form opened on demand). */
  children?: ReactNode;
}

export function NameForm({ label, inputLabel, placeholder, submit, empty, onAdd, autoFocus, children }: NameFormProps) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="add-shot"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) {
          setError(empty);
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
        aria-label={inputLabel}
        placeholder={placeholder}
        value={name}
        maxLength={200}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <button type="submit" className="button" disabled={busy}>{submit}</button>
      {children}
      {error && <span className="error-text" role="alert">{error}</span>}
    </form>
  );
}

/** "Add shot": a name, added at the end of the shot list. */
export function AddShotForm({ onAdd }: { onAdd(name: string): Promise<void> }) {
  return (
    <NameForm
      label="Add a shot"
      inputLabel="New shot name"
      placeholder="New shot, e.g. “Close-up: the cook’s hands”"
      submit="Add shot"
      empty="Give the shot a name."
      onAdd={onAdd}
    />
  );
}
