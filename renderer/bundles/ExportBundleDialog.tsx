// Export a project (all takes or picks only) or the selected takes as a bundle, with or without
// references, as one .dailies file or a folder, where to write it; then progress with Cancel.
import { useEffect, useState, type FormEvent } from 'react';
import type { Project } from '../../shared/domain.js';
import { ContractError } from '../../shared/errors.js';
import { useClient } from '../client/client-context.js';
import { useModalDialog } from '../app/use-modal-dialog.js';
import { BundleProgressBar } from './BundleProgressBar.js';
import { PathField } from './PathField.js';
import { ProjectSelect } from './ProjectSelect.js';
import { formatBytes } from '../../shared/format.js';
import { useBundleTask } from './use-bundle-task.js';

interface Props {
  open: boolean;
  onClose(): void;
  /** Export these takes instead of a project chosen in the dialog. */
  renderIds?: number[];
}

export function ExportBundleDialog({ open, onClose, renderIds }: Props) {
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
    if (!open || renderIds) return;
    void client.call('projects.list', {}).then((list) => {
      setProjects(list);
      setProjectId((id) => id ?? list[0]?.id ?? null);
    });
  }, [client, open, renderIds]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const scope = renderIds ? { renderIds } : projectId !== null ? { projectId, renders } : null;
    if (!scope) return setError('Choose a project to export.');
    try {
      const { taskId } = await client.call('bundles.export', { ...scope, references, layout, destination: destination.trim() });
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
              {renderIds ? (
                <p>The {renderIds.length} selected {renderIds.length === 1 ? 'take' : 'takes'}, with their prompts, lineage and charges.</p>
              ) : (
                <>
                  <ProjectSelect label="Project" projects={projects} value={projectId} onChange={setProjectId} />
                  <fieldset className="bundle-choices">
                    <legend className="field-label">Takes</legend>
                    <label><input type="radio" name="renders" checked={renders === 'all'} onChange={() => setRenders('all')} /> All takes</label>
                    <label><input type="radio" name="renders" checked={renders === 'picks'} onChange={() => setRenders('picks')} /> Picks only</label>
                  </fieldset>
                </>
              )}
              <label className="bundle-check"><input type="checkbox" checked={references} onChange={(e) => setReferences(e.target.checked)} /> Include references</label>
              <fieldset className="bundle-choices">
                <legend className="field-label">Write as</legend>
                <label><input type="radio" name="layout" checked={layout === 'zip'} onChange={() => setLayout('zip')} /> One .dailies file</label>
                <label><input type="radio" name="layout" checked={layout === 'folder'} onChange={() => setLayout('folder')} /> A folder</label>
              </fieldset>
              <PathField
                label="Save to (full path)"
                value={destination}
                onChange={setDestination}
                placeholder={layout === 'zip' ? '/path/to/project.dailies' : '/path/to/project-bundle'}
                request={{ mode: 'save', title: 'Export a bundle', ...(layout === 'zip' ? { defaultName: 'project.dailies', extensions: ['dailies'] } : { defaultName: 'project-bundle' }) }}
              />
              {error && <p className="form-error" role="alert">{error}</p>}
              <div className="dialog-actions">
                <button type="button" className="button" onClick={close}>Cancel</button>
                <button type="submit" className="button button-primary" disabled={!renderIds && projectId === null}>Export</button>
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
