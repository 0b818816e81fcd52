import { useCallback, useState, type FormEvent } from 'react';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { ExportBundleDialog } from '../bundles/ExportBundleDialog.js';
import { HandoffDialog } from '../bundles/HandoffDialog.js';

export interface BatchEdit {
  rating?: number;
  flag?: 'pick' | 'reject' | null;
  addTags?: string[];
  removeTags?: string[];
  shotId?: number | null;
}

interface Props {
  /** The selected takes, in the order they were chosen. */
  ids: readonly number[];
  /** Set while an edit runs over several calls: how many takes are done. */
  progress: { done: number; total: number } | null;
  error: string | null;
  onEdit(edit: BatchEdit): void;
  onClear(): void;
  /** C: opens Compare on the selection. */
  onCompare(): void;
  /** Why Compare is off (more than four selected), or null. */
  compareRefusal: string | null;
}

/**
 * The shots to move takes to, grouped by project; kept live (a shot added or renamed on the
 * storyboard, here or in another window, is offered without reselecting).
 */
function useShotChoices() {
  const client = useClient();
  const fetchGroups = useCallback(async () => {
    const projects = await client.call('projects.list', {});
    const out = await Promise.all(projects.map(async (p) => ({ project: p.name, shots: await client.call('shots.list', { projectId: p.id }) })));
    return out.filter((g) => g.shots.length > 0);
  }, [client]);
  // On error there are no shots to offer; the rest of the bar still works.
  return useLiveCall(fetchGroups, (e) => e.type === 'catalogue.changed' && e.entity === 'projects').value ?? [];
}

/** What to do with the selected takes: stars, pick/reject, tags, shot. Keys 0–5, P, X, U do the same. */
export function BatchBar({ ids, progress, error, onEdit, onClear, onCompare, compareRefusal }: Props) {
  const count = ids.length;
  const [tag, setTag] = useState('');
  const [dialog, setDialog] = useState<'export' | 'handoff' | null>(null);
  const shots = useShotChoices();
  const busy = progress !== null;
  const tags = () => tag.split(',').map((t) => t.trim()).filter(Boolean);
  const addTag = (e: FormEvent) => {
    e.preventDefault();
    if (!tags().length) return;
    onEdit({ addTags: tags() });
    setTag('');
  };

  return (
    <div className="batch-bar" role="toolbar" aria-label="Selected takes">
      <strong className="batch-count">{count} selected</strong>
      <span className="batch-group" role="group" aria-label="Rating">
        {[1, 2, 3, 4, 5].map((n) => (
          <button key={n} type="button" className="button button-small" disabled={busy} aria-label={`Rate ${n}`} onClick={() => onEdit({ rating: n })}>
            {n}★
          </button>
        ))}
        <button type="button" className="button button-small" disabled={busy} aria-label="Clear rating" onClick={() => onEdit({ rating: 0 })}>
          0
        </button>
      </span>
      <span className="batch-group" role="group" aria-label="Flag">
        <button type="button" className="button button-small" disabled={busy} onClick={() => onEdit({ flag: 'pick' })}>
          Pick
        </button>
        <button type="button" className="button button-small" disabled={busy} onClick={() => onEdit({ flag: 'reject' })}>
          Reject
        </button>
        <button type="button" className="button button-small" disabled={busy} onClick={() => onEdit({ flag: null })}>
          Unflag
        </button>
      </span>
      <form className="batch-group" onSubmit={addTag}>
        <input className="input input-small" aria-label="Tags for the selected takes" placeholder="tag, tag…" value={tag} onChange={(e) => setTag(e.target.value)} disabled={busy} />
        <button type="submit" className="button button-small" disabled={busy || !tag.trim()}>
          Add tag
        </button>
        <button type="button" className="button button-small" disabled={busy || !tag.trim()} onClick={() => onEdit({ removeTags: tags() })}>
          Remove tag
        </button>
      </form>
      <label className="batch-group">
        <span className="muted">Move to</span>
        <select
          className="input input-small"
          aria-label="Move to shot"
          value=""
          disabled={busy}
          onChange={(e) => e.target.value && onEdit({ shotId: e.target.value === 'none' ? null : Number(e.target.value) })}
        >
          <option value="">Shot…</option>
          <option value="none">No shot</option>
          {shots.map((g) => (
            <optgroup key={g.project} label={g.project}>
              {g.shots.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <button type="button" className="button button-small" title={compareRefusal ?? 'Compare side by side (C)'} disabled={compareRefusal !== null} onClick={onCompare}>
        Compare
      </button>
      <button type="button" className="button button-small" onClick={() => setDialog('export')}>
        Export selection…
      </button>
      <button type="button" className="button button-small" onClick={() => setDialog('handoff')}>
        Hand off selection…
      </button>
      <button type="button" className="button button-small" onClick={onClear}>
        Clear selection
      </button>
      <ExportBundleDialog open={dialog === 'export'} onClose={() => setDialog(null)} renderIds={[...ids]} />
      <HandoffDialog open={dialog === 'handoff'} onClose={() => setDialog(null)} renderIds={[...ids]} />
      {progress && (
        <span className="batch-progress">
          <progress aria-label="Applying to the selected takes" max={progress.total} value={progress.done} /> {progress.done} of {progress.total}
        </span>
      )}
      {compareRefusal && !error && (
        <p className="muted batch-note" role="note">
          {compareRefusal}
        </p>
      )}
      {error && (
        <p role="alert" className="error-text batch-error">
          {error}
        </p>
      )}
    </div>
  );
}
