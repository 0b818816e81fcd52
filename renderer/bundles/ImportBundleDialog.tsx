// Import a bundle: type its path, see what it holds and what will merge (new, updated, conflicts),
// then import with progress and Cancel. The import fully succeeds or changes nothing.
import { useState, type FormEvent } from 'react';
import type { BundlePreviewInfo } from '../../shared/channels/bundles.js';
import { ContractError } from '../../shared/errors.js';
import { useClient } from '../client/client-context.js';
import { useModalDialog } from '../app/use-modal-dialog.js';
import { BundleProgressBar } from './BundleProgressBar.js';
import { PathField } from './PathField.js';
import { formatBytes } from '../../shared/format.js';
import { useBundleTask } from './use-bundle-task.js';

const ENTITY_LABELS: Record<string, string> = {
  projects: 'Projects', shots: 'Shots', renders: 'Takes', references: 'References', jobs: 'Jobs', charges: 'Charges',
  ratings: 'Ratings and picks', tags: 'Tags', lineage: 'Lineage', prompts: 'Prompts', assets: 'Files',
};

function PreviewView({ preview }: { preview: BundlePreviewInfo }) {
  return (
    <div className="bundle-preview">
      <p>
        {preview.projects.map((p) => p.name).join(', ') || 'Takes without a project'} · exported {new Date(preview.exportedAt).toLocaleString()} ·{' '}
        {preview.files} files, {formatBytes(preview.bytes)}
      </p>
      <table className="bundle-counts" aria-label="What will merge">
        <thead>
          <tr><th scope="col">What</th><th scope="col">New</th><th scope="col">Updated</th><th scope="col">Already here</th><th scope="col">Conflicts</th></tr>
        </thead>
        <tbody>
          {Object.entries(ENTITY_LABELS).map(([key, label]) => {
            const c = preview.counts[key];
            if (!c || c.added + c.updated + c.unchanged + c.conflicts === 0) return null;
            return (
              <tr key={key}>
                <th scope="row">{label}</th><td>{c.added}</td><td>{c.updated}</td><td>{c.unchanged}</td><td>{c.conflicts}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {preview.updates.length > 0 && (
        <ul className="bundle-lines" aria-label="Updates">
          {preview.updates.map((u) => <li key={`${u.entity}:${u.id}`}>{u.label}: {u.detail}</li>)}
        </ul>
      )}
      {preview.conflicts.length > 0 && (
        <ul className="bundle-lines bundle-conflicts" aria-label="Conflicts">
          {preview.conflicts.map((u) => <li key={`${u.entity}:${u.id}`}>{u.label}: {u.detail}</li>)}
        </ul>
      )}
    </div>
  );
}

export function ImportBundleDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const client = useClient();
  const ref = useModalDialog(open);
  const task = useBundleTask();
  const [path, setPath] = useState('');
  const [preview, setPreview] = useState<BundlePreviewInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const look = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      setPreview(await client.call('bundles.preview', { path: path.trim() }));
    } catch (err) {
      setError(err instanceof ContractError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const start = async () => {
    try {
      const { taskId } = await client.call('bundles.import', { path: path.trim() });
      task.follow(taskId);
    } catch (err) {
      setError(err instanceof ContractError ? err.message : String(err));
    }
  };
  const reset = () => {
    task.reset();
    setPreview(null);
    setError(null);
  };
  const close = () => {
    if (!task.running) reset();
    onClose();
  };
  const done = task.finished;
  const heading = task.running ? 'Importing…' : done ? (done.state === 'done' ? 'Import finished' : done.state === 'cancelled' ? 'Import cancelled' : 'Import failed') : preview ? 'Import this bundle?' : 'Import a bundle';

  return (
    <dialog ref={ref} className="dialog" aria-label="Import a bundle" onClose={close}>
      {open && (
        <>
          <h2 className="dialog-title">{heading}</h2>
          {!task.taskId && !preview && (
            <form onSubmit={(e) => void look(e)}>
              <PathField
                label="Bundle (a .dailies file or a bundle folder, full path)"
                value={path}
                onChange={setPath}
                placeholder="/path/to/project.dailies"
                request={{ mode: 'open', title: 'Import a bundle', extensions: ['dailies'] }}
              />
              {error && <p className="form-error" role="alert">{error}</p>}
              <div className="dialog-actions">
                <button type="button" className="button" onClick={close}>Cancel</button>
                <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Reading…' : 'Preview'}</button>
              </div>
            </form>
          )}
          {!task.taskId && preview && (
            <>
              <PreviewView preview={preview} />
              {error && <p className="form-error" role="alert">{error}</p>}
              <div className="dialog-actions">
                <button type="button" className="button" onClick={reset}>Choose another…</button>
                <button type="button" className="button button-primary" onClick={() => void start()}>Import</button>
              </div>
            </>
          )}
          {task.running && (
            <>
              <BundleProgressBar progress={task.progress} label="Import progress" />
              <div className="dialog-actions">
                <button type="button" className="button" onClick={task.cancel}>Cancel import</button>
              </div>
            </>
          )}
          {done && (
            <>
              {done.state === 'done' && done.result?.preview ? (
                <>
                  <p role="status">Imported {done.result.renders} new takes.</p>
                  <PreviewView preview={done.result.preview} />
                </>
              ) : (
                <p role="alert">{done.error?.message}</p>
              )}
              <div className="dialog-actions">
                <button type="button" className="button" onClick={reset}>Import another…</button>
                <button type="button" className="button button-primary" onClick={close}>Done</button>
              </div>
            </>
          )}
        </>
      )}
    </dialog>
  );
}
