import { useId, useState } from 'react';
import type { PreviewFailure } from '../../shared/channels/media.js';
import { errorMessage } from '../client/client.js';
import { useClient } from '../client/client-context.js';
import { usePreviewProgress } from './use-preview-progress.js';

const KIND_WORDS: Record<PreviewFailure['kind'], string> = { poster: 'poster', sprite: 'hover-scrub strip' };

/**
 * In the views bar: "Making previews 37 of 130" with a bar while posters and hover-scrub strips
 * are made in the background (after an import, a bundle import, a finished job), gone when they
 * are. Previews that could not be made stay as a button that lists which files and why, until
 * dismissed.
 */
export function PreviewStatus() {
  const progress = usePreviewProgress();
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (!progress) return null;
  const { pending, done, failed, current, failures, failuresTotal } = progress;
  const working = pending > 0;
  if (!working && failures.length === 0) return null;

  const total = pending + done + failed;
  const made = done + failed;
  return (
    <div className="preview-status">
      {working && (
        <div className="status-item" title={current ? `Now: ${current}` : undefined}>
          <span className="status-item-label">Making previews</span>
          <progress
            aria-label="Making previews"
            aria-valuetext={`${made} of ${total}${failed ? `, ${failed} failed` : ''}`}
            max={total}
            value={made}
          />
          <span className="status-item-count" data-testid="preview-count">
            {made} of {total}
          </span>
        </div>
      )}
      {failures.length > 0 && (
        <button
          type="button"
          className="preview-failed"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          onClick={() => setOpen((o) => !o)}
        >
          {failuresTotal === 1 ? '1 preview failed' : `${failuresTotal} previews failed`}
        </button>
      )}
      {open && failures.length > 0 && <FailureList id={listId} failures={failures} total={failuresTotal} onClose={() => setOpen(false)} />}
    </div>
  );
}

function FailureList({ id, failures, total, onClose }: { id: string; failures: PreviewFailure[]; total: number; onClose(): void }) {
  const client = useClient();
  const [error, setError] = useState<string | null>(null);
  const dismiss = () =>
    client.call('media.dismissFailures', {}).then(onClose, (err: unknown) => setError(`Not dismissed: ${errorMessage(err)}`));
  return (
    <section id={id} className="preview-failures" aria-label="Previews that could not be made" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <p className="muted">
        Each take stays in the library unless its line says it was taken out. Without a strip its tile does not scrub; without a poster it shows a placeholder.
        {total > failures.length && ` The newest ${failures.length} of ${total} are listed.`}
      </p>
      <ul>
        {failures.map((f) => (
          <li key={`${f.at}\u0000${f.kind}\u0000${f.path ?? f.name}`}>
            <strong>{f.name}</strong> <span className="muted">({KIND_WORDS[f.kind]})</span>
            {f.path && <div className="mono breakable muted">{f.path}</div>}
            <div className="preview-failure-reason">{f.reason}</div>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="preview-failures-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="button button-primary" onClick={() => void dismiss()}>
          Dismiss
        </button>
      </div>
    </section>
  );
}
