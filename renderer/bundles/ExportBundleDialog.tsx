// Export a project as a bundle: which project, all takes or picks only, with or without
// references, one .dailies file or a folder, where to write it; then progress with Cancel.
import { useEffect, useState, type FormEvent } from 'react';
import type { Project } from '../../shared/domain.js';
import { ContractError } from '../../shared/errors.js';
import { useClient } from '../client/client-context.js';
import { useModalDialog } from '../app/use-modal-dialog.js';
import { BundleProgressBar } from './BundleProgressBar.js';
import { formatBytes, useBundleTask } from './use-bundle-task.js';

export function ExportBundleDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const client = useClient();
  const ref = useModalDialog(open);
  const task = useBundleTask();
  const [projects, setProjects] = useState<Project[]>([]);
  const [projectId, setProjectId] = useState<number | null>(null);
  const [renders, setRenders] = useState<'all' | 'picks'>('all');
  const [references, setReferences] = useState(true);
  const [layout, setLayout] = useState<'zip' | 'folder'>('zip');
  const [destination, setDestination] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    void client.call('projects.list', {}).then((list) => {
      setProjects(list);
      setProjectId((id) => id ?? list[0]?.id ?? null);
    });
  }, [client, open]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (projectId === null) return setError('Choose a project to export.');
    try {
      const { taskId } = await client.call('bundles.export', { projectId, renders, references, layout, destination: destination.trim() });
      task.follow(taskId);
    } catch (err) {
      setError(err instanceof ContractError ? err.message : String(err));
    }
  };
  const close = () => {
    if (!task.running) task.reset();
    onClose();
  };
  const done = task.finished;

  return (
    <dialog ref={ref} className="dialog" aria-label="Export a bundle" onClose={close}>
      {open && (
        <>
          <h2 className="dialog-title">{task.running ? 'Exporting…' : done ? (done.state === 'done' ? 'Export finished' : done.state === 'cancelled' ? 'Export cancelled' : 'Export failed') : 'Export a bundle'}</h2>
          {!task.taskId && (
            <form className="bundle-form" onSubmit={(e) => void submit(e)}>
              <label className="field">
                <span className="field-label">Project</span>
                <select className="input" value={projectId ?? ''} onChange={(e) => setProjectId(Number(e.target.value))}>
                  {projects.map((p) => (
                    <option key={p.id} value={p.id}>{p.name}</option>
                  ))}
                </select>
              </label>
              <fieldset className="bundle-choices">
                <legend className="field-label">Takes</legend>
                <label><input type="radio" name="renders" checked={renders === 'all'} onChange={() => setRenders('all')} /> All takes</label>
                <label><input type="radio" name="renders" checked={renders === 'picks'} onChange={() => setRenders('picks')} /> Picks only</label>
              </fieldset>
              <label className="bundle-check"><input type="checkbox" checked={references} onChange={(e) => setReferences(e.target.checked)} /> Include references</label>
              <fieldset className="bundle-choices">
                <legend className="field-label">Write as</legend>
                <label><input type="radio" name="layout" checked={layout === 'zip'} onChange={() => setLayout('zip')} /> One .dailies file</label>
                <label><input type="radio" name="layout" checked={layout === 'folder'} onChange={() => setLayout('folder')} /> A folder</label>
              </fieldset>
              <label className="field">
                <span className="field-label">Save to (full path)</span>
                <input className="input mono" required value={destination} placeholder={layout === 'zip' ? '/path/to/project.dailies' : '/path/to/project-bundle'}
                  onChange={(e) => setDestination(e.target.value)} />
              </label>
              {error && <p className="form-error" role="alert">{error}</p>}
              <div className="dialog-actions">
                <button type="button" className="button" onClick={close}>Cancel</button>
                <button type="submit" className="button button-primary" disabled={projectId === null}>Export</button>
              </div>
            </form>
          )}
          {task.running && (
            <>
              <BundleProgressBar progress={task.progress} label="Export progress" />
              <div className="dialog-actions">
                <button type="button" className="button" onClick={task.cancel}>Cancel export</button>
              </div>
            </>
          )}
          {done && (
            <>
              {done.state === 'done' && done.result ? (
                <p role="status">Exported {done.result.renders} takes ({done.result.files} files, {formatBytes(done.result.bytes)}) to <span className="mono">{done.result.destination}</span>.</p>
              ) : (
                <p role="alert">{done.error?.message}</p>
              )}
              <div className="dialog-actions">
                <button type="button" className="button" onClick={task.reset}>Export another…</button>
                <button type="button" className="button button-primary" onClick={close}>Done</button>
              </div>
            </>
          )}
        </>
      )}
    </dialog>
  );
}
