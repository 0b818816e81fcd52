import { useState } from 'react';
import type { WatchFolder } from '../../../shared/channels/watch.js';
import { errorMessage } from '../../client/client.js';
import { useClient } from '../../client/client-context.js';
import { Fact, FactTable } from '../../library/Fact.js';
import { WatchFolderForm } from './WatchFolderForm.js';
import { MODE_LABELS, STATUS_LABELS, patternsSummary } from './watch-words.js';

interface Props {
  folder: WatchFolder;
  projectName: string | null;
  onChanged(folder: WatchFolder): void;
  onRemoved(id: number): void;
}

/** One watched folder: what it does, how it is doing, and its actions. */
export function WatchFolderItem({ folder, projectName, onChanged, onRemoved }: Props) {
  const client = useClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    call().then(
      () => setBusy(false),
      (err: unknown) => {
        setBusy(false);
        setConfirming(false);
        setError(errorMessage(err));
      },
    );
  };
  const togglePause = () => run(() => client.call('watch.update', { id: folder.id, paused: !folder.paused }).then(onChanged));
  const rescan = () => run(() => client.call('watch.rescan', { id: folder.id }).then(onChanged));
  const remove = () => run(() => client.call('watch.remove', { id: folder.id }).then(() => onRemoved(folder.id)));

  return (
    <li className="watch-folder" aria-label={folder.path}>
      <div className="watch-folder-head">
        <strong className="mono breakable">{folder.path}</strong>
        <span className={`watch-status watch-status-${folder.status}`}>{STATUS_LABELS[folder.status]}</span>
      </div>
      {folder.scan && <ScanProgress scan={folder.scan} />}
      <FactTable label={`Settings of ${folder.path}`}>
        <Fact label="Mode">{MODE_LABELS[folder.mode]}</Fact>
        <Fact label="Project">{projectName ?? 'No project'}</Fact>
        <Fact label="Files">{patternsSummary(folder)}</Fact>
        <Fact label="Subfolders">{folder.recursive ? 'Included' : 'Not included'}</Fact>
        <Fact label="Files seen">{folder.filesSeen.toLocaleString('en-US')}</Fact>
        {folder.lastError && (
          <Fact label="Last error">
            <span className="error-text breakable">{folder.lastError}</span>
          </Fact>
        )}
      </FactTable>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {editing ? (
        <WatchFolderForm
          folder={folder}
          onSaved={(saved) => {
            setEditing(false);
            onChanged(saved);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="watch-folder-actions">
          {confirming ? (
            <>
              <span>Stop watching this folder? Everything already in the library stays.</span>
              <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
                Keep
              </button>
              <button type="button" className="button button-small button-danger" disabled={busy} onClick={remove}>
                Stop watching
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button button-small" disabled={busy} onClick={togglePause}>
                {folder.paused ? 'Resume' : 'Pause'}
              </button>
              <button type="button" className="button button-small" disabled={busy || folder.paused} onClick={rescan}>
                Rescan
              </button>
              <button type="button" className="button button-small" onClick={() => setEditing(true)}>
                Edit options…
              </button>
              <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
                Remove…
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}

function ScanProgress({ scan }: { scan: { total: number; done: number } }) {
  return (
    <div className="watch-scan">
      <progress aria-label="Scan progress" max={scan.total || undefined} value={scan.total ? scan.done : undefined} />
      <span className="muted">
        {scan.total ? `Scanning: ${scan.done.toLocaleString('en-US')} of ${scan.total.toLocaleString('en-US')} files` : 'Listing the folder…'}
      </span>
    </div>
  );
}
