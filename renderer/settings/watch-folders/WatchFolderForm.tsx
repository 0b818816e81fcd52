import { useId, useState, type FormEvent } from 'react';
import type { WatchFolder } from '../../../shared/channels/watch.js';
import { ContractError } from '../../../shared/errors.js';
import { errorMessage } from '../../client/client.js';
import { useClient } from '../../client/client-context.js';
import { WatchFolderOptions, type OptionsDraft } from './WatchFolderOptions.js';
import { parsePatterns, patternsText } from './watch-words.js';

type FieldErrors = Partial<Record<keyof OptionsDraft | 'path', string>>;

const NEW_FOLDER: OptionsDraft = { mode: 'copy', projectId: null, include: '', exclude: '', recursive: true, imagesAs: 'reference' };

function draftOf(folder: WatchFolder): OptionsDraft {
  return {
    mode: folder.mode,
    projectId: folder.projectId,
    include: patternsText(folder.include),
    exclude: patternsText(folder.exclude),
    recursive: folder.recursive,
    imagesAs: folder.imagesAs,
  };
}

/** "include.3" → include: the core names the field; the form shows it beside the field. */
function fieldErrors(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (err instanceof ContractError) {
    for (const issue of err.issues ?? []) {
      const field = issue.field.split('.')[0] as keyof FieldErrors;
      out[field] ??= issue.message;
    }
  }
  return out;
}

interface Props {
  /** The folder being edited; absent when adding one. */
  folder?: WatchFolder;
  onSaved(folder: WatchFolder): void;
  onCancel(): void;
}

/** Adding a watched folder (its path and options) or editing an existing one's options. */
export function WatchFolderForm({ folder, onSaved, onCancel }: Props) {
  const client = useClient();
  const [path, setPath] = useState('');
  const [draft, setDraft] = useState<OptionsDraft>(folder ? draftOf(folder) : NEW_FOLDER);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pathErrorId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const options = { ...draft, include: parsePatterns(draft.include), exclude: parsePatterns(draft.exclude) };
    setBusy(true);
    const saving = folder
      ? client.call('watch.update', { id: folder.id, ...options })
      : client.call('watch.add', { path: path.trim(), ...options });
    saving.then(onSaved, (err: unknown) => {
      setBusy(false);
      setErrors(fieldErrors(err));
      setError(errorMessage(err));
    });
  };

  const browse = () => {
    client.pickFolder()?.then(
      (picked) => picked && setPath(picked),
      (err: unknown) => setError(errorMessage(err)),
    );
  };

  const title = folder ? `Options of ${folder.path}` : 'Watch a folder';
  return (
    <form className="watch-form" aria-label={title} onSubmit={submit}>
      <h4 className="watch-form-title">{title}</h4>
      {!folder && (
        <div className="watch-path">
          <label className="field">
            <span className="field-label">Folder path</span>
            <input
              className="input mono"
              type="text"
              value={path}
              onChange={(e) => setPath(e.target.value)}
              placeholder="/home/you/Downloads"
              autoFocus
              required
              spellCheck={false}
              autoComplete="off"
              aria-invalid={errors.path ? true : undefined}
              aria-describedby={errors.path ? pathErrorId : undefined}
            />
          </label>
          {client.canPickFolder && (
            <button type="button" className="button" onClick={browse}>
              Choose folder…
            </button>
          )}
          {errors.path && (
            <p id={pathErrorId} role="alert" className="error-text">
              {errors.path}
            </p>
          )}
        </div>
      )}
      <WatchFolderOptions draft={draft} onChange={setDraft} errors={errors} />
      {error && Object.keys(errors).length === 0 && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy || (!folder && !path.trim())}>
          {folder ? 'Save' : 'Watch this folder'}
        </button>
      </div>
    </form>
  );
}
