// Hand off takes to an editor: a project's picks in shot order, or the selected takes in the
// order they were selected, as OpenTimelineIO (.otio, or .otioz with the media inside), a CMX 3600
// EDL, FCPXML, or a CSV cost report. The core writes the file (main/handoff); this says where,
// can cancel a long write (an .otioz copies every take's media) and reports what was written.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { HANDOFF_FORMATS, type BundleProgressInfo, type HandoffFormatName, type HandoffWritten } from '../../shared/channels/bundles.js';
import type { Project } from '../../shared/domain.js';
import { ContractError } from '../../shared/errors.js';
import { useClient, useCoreEvents } from '../client/client-context.js';
import { useModalDialog } from '../app/use-modal-dialog.js';
import { BundleProgressBar } from './BundleProgressBar.js';
import { PathField } from './PathField.js';
import { ProjectSelect } from './ProjectSelect.js';

const FORMATS: Record<HandoffFormatName, { label: string; extension: string }> = {
  otio: { label: 'OpenTimelineIO (.otio)', extension: 'otio' },
  otioz: { label: 'OpenTimelineIO with the media (.otioz)', extension: 'otioz' },
  edl: { label: 'CMX 3600 EDL (.edl)', extension: 'edl' },
  fcpxml: { label: 'Final Cut Pro XML (.fcpxml)', extension: 'fcpxml' },
  csv: { label: 'Cost report (.csv)', extension: 'csv' },
};


interface Props {
  open: boolean;
  onClose(): void;
  /** Hand off these takes, in this order; otherwise a project's picks (chosen in the dialog). */
  renderIds?: number[];
  /** The project to preselect. */
  projectId?: number | null;
}

export function HandoffDialog({ open, onClose, renderIds, projectId: initialProject }: Props) {
  const client = useClient();
  const ref = useModalDialog(open);
  const [projects, setProjects] = useState<Project[]>([]);
  const [projectId, setProjectId] = useState<number | null>(initialProject ?? null);
  const [format, setFormat] = useState<HandoffFormatName>('otio');
  const [destination, setDestination] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [written, setWritten] = useState<HandoffWritten | null>(null);
  /** The running write's id, for handoff.cancel. */
  const writeId = useRef<string | null>(null);
  /** How far an .otioz's media copy is (handoff.progress for this write). */
  const [progress, setProgress] = useState<BundleProgressInfo | null>(null);
  useCoreEvents((e) => {
    if (e.type === 'handoff.progress' && e.writeId === writeId.current) setProgress(e.progress);
  });

  useEffect(() => {
    if (!open || renderIds) return;
    void client.call('projects.list', {}).then((list) => {
      setProjects(list);
      setProjectId((id) => id ?? initialProject ?? list[0]?.id ?? null);
    });
  }, [client, open, renderIds, initialProject]);

  // A destination typed for one format follows a change of format.
  const chooseFormat = (next: HandoffFormatName) => {
    setFormat(next);
    setDestination((d) => d.replace(/\.(otioz?|edl|fcpxml|csv)$/i, `.${FORMATS[next].extension}`));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const scope = renderIds ? { renderIds } : projectId !== null ? { projectId } : null;
    if (!scope) return setError('Choose a project.');
    setBusy(true);
    setProgress(null);
    const id = `handoff-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    writeId.current = id;
    try {
      setWritten(await client.call('handoff.write', { format, destination: destination.trim(), writeId: id, ...scope }));
    } catch (err) {
      // A cancel is what the user asked for, not a failure: say so plainly.
      setError(err instanceof ContractError ? (err.code === 'cancelled' ? 'Cancelled; nothing was written.' : err.message) : String(err));
    } finally {
      writeId.current = null;
      setBusy(false);
    }
  };
  const cancelWrite = () => {
    if (writeId.current) void client.call('handoff.cancel', { writeId: writeId.current });
  };
  const close = () => {
    if (busy) return;
    setWritten(null);
    setError(null);
    onClose();
  };
  const project = projects.find((p) => p.id === projectId);
  const suggested = `${(project?.name ?? 'selection').replace(/[^\w.-]+/g, '-')}.${FORMATS[format].extension}`;

  return (
    <dialog ref={ref} className="dialog" aria-label="Hand off to an editor" onClose={close}>
      {open && (
        <>
          <h2 className="dialog-title">{written ? 'Hand-off written' : 'Hand off to an editor'}</h2>
          {!written && (
            <form className="bundle-form" onSubmit={(e) => void submit(e)}>
              {renderIds ? (
                <p>The {renderIds.length} selected takes, in the order they were selected.</p>
              ) : (
                <ProjectSelect label="Picks of project" projects={projects} value={projectId} onChange={setProjectId} />
              )}
              <fieldset className="bundle-choices handoff-formats">
                <legend className="field-label">Format</legend>
                {HANDOFF_FORMATS.map((f) => (
                  <label key={f}>
                    <input type="radio" name="handoff-format" checked={format === f} onChange={() => chooseFormat(f)} /> {FORMATS[f].label}
                  </label>
                ))}
              </fieldset>
              <p className="field-hint">Each clip keeps its own frame rate; the timeline (and an EDL's record timecodes) runs at the first clip's.</p>
              <PathField
                label="Save to (full path)"
                value={destination}
                onChange={setDestination}
                placeholder={`/path/to/${suggested}`}
                request={{ mode: 'save', title: 'Save the hand-off', defaultName: suggested, extensions: [FORMATS[format].extension] }}
              />
              {busy &&
                (progress ? (
                  <BundleProgressBar progress={progress} label="Writing the hand-off" />
                ) : (
                  <progress className="bundle-progress" aria-label="Writing the hand-off" />
                ))}
              {error && <p className="form-error" role="alert">{error}</p>}
              <div className="dialog-actions">
                <button type="button" className="button" onClick={busy ? cancelWrite : close}>Cancel</button>
                <button type="submit" className="button button-primary" disabled={busy || (!renderIds && projectId === null)}>Write</button>
              </div>
            </form>
          )}
          {written && (
            <>
              <p role="status">
                Wrote {written.clips} {written.clips === 1 ? 'clip' : 'clips'} ({written.totalCostCredits.toLocaleString('en-US')} credits) to{' '}
                <span className="mono breakable">{written.destination}</span>; timeline at {written.fps} fps
                {written.clipRates.length > 1 && <>, clips at {written.clipRates.join(', ')} fps keep their own rate</>}.
              </p>
              <div className="dialog-actions">
                <button type="button" className="button" onClick={() => setWritten(null)}>Write another…</button>
                <button type="button" className="button button-primary" onClick={close}>Done</button>
              </div>
            </>
          )}
        </>
      )}
    </dialog>
  );
}
