import { useId, useState, type FormEvent } from 'react';

interface Props {
  initialPath: string;
  error: string | null;
  nativePicker: boolean;
  onSubmit(path: string): void;
  onBrowse(): void;
  onCancel(): void;
}

/** The folder to import, typed as a full path (a browser cannot browse the core's disk). */
export function FolderPathForm({ initialPath, error, nativePicker, onSubmit, onBrowse, onCancel }: Props) {
  const [path, setPath] = useState(initialPath);
  const hintId = useId();
  const errorId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (path.trim()) onSubmit(path.trim());
  };
  return (
    <form className="folder-form" onSubmit={submit}>
      <label className="field">
        <span className="field-label">Folder path</span>
        <input
          className="input mono"
          type="text"
          name="folder"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder="/home/you/Downloads/kling"
          autoFocus
          spellCheck={false}
          autoComplete="off"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        />
      </label>
      <p id={hintId} className="muted field-hint">
        {nativePicker
          ? 'Choose the folder, or type its full path.'
          : 'Type the full path of the folder on the computer running Dailies (this page cannot browse that computer’s disk). Videos and images in it and in its subfolders are copied into the library; the originals stay where they are.'}
      </p>
      {error && (
        <p id={errorId} role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {nativePicker && (
          <button type="button" className="button" onClick={onBrowse}>
            Choose folder…
          </button>
        )}
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={!path.trim()}>
          Import
        </button>
      </div>
    </form>
  );
}
