import { useEffect, useRef } from 'react';
import type { ImportStep } from './import-context.js';
import type { ImportRun } from './import-runs.js';
import { FolderPathForm } from './FolderPathForm.js';
import { ImportProgressView } from './ImportProgressView.js';
import { ImportSummaryView } from './ImportSummaryView.js';
import { useModalDialog } from '../app/use-modal-dialog.js';

interface Props {
  open: boolean;
  step: ImportStep;
  run: ImportRun | undefined;
  nativePicker: boolean;
  /** The import goes to the reference library (started from References). */
  asReferences: boolean;
  onSubmitPath(path: string): void;
  onChooseAnother(): void;
  onClose(): void;
}

/**
 * A native modal <dialog>: the page behind it is inert (so focus stays inside), Escape closes it,
 * and focus returns to the button that opened it. Closing never stops a running import.
 */
export function ImportDialog({ open, step, run, nativePicker, asReferences, onSubmitPath, onChooseAnother, onClose }: Props) {
  const ref = useModalDialog(open);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const summary = run?.summary;
  const phase = step.kind === 'choose' ? 'choose' : summary ? 'finished' : 'running';
  const heading =
    phase === 'choose' ? 'Import a folder' : phase === 'running' ? 'Importing…' : summary?.error ? 'Import failed' : 'Import finished';

  // When the content changes under the focused control, focus the heading so the change is
  // announced and Tab starts from the top of the new content. The choose step focuses its field.
  useEffect(() => {
    if (open && phase !== 'choose') headingRef.current?.focus();
  }, [open, phase]);

  const folder = step.kind === 'choose' ? '' : step.folder;
  return (
    <dialog ref={ref} className="dialog" aria-label="Import a folder" onClose={onClose}>
      {open && (
        <>
          {/* Focusable only after the choose step, so opening the dialog lands in the path field. */}
          <h2 ref={headingRef} tabIndex={phase === 'choose' ? undefined : -1} className="dialog-title">
            {heading}
          </h2>
          {asReferences && <p className="muted">Into the reference library: images, audio, and videos as source videos.</p>}
          {phase === 'choose' && step.kind === 'choose' && (
            <FolderPathForm
              key={`${step.path}\u0000${step.error ?? ''}`}
              initialPath={step.path}
              error={step.error}
              nativePicker={nativePicker}
              onSubmit={onSubmitPath}
              onBrowse={onChooseAnother}
              onCancel={onClose}
            />
          )}
          {phase === 'running' && <ImportProgressView folder={folder} progress={run?.progress} />}
          {phase === 'finished' && summary && <ImportSummaryView summary={summary} />}
          {phase !== 'choose' && (
            <div className="dialog-actions">
              {phase === 'finished' && (
                <button type="button" className="button" onClick={onChooseAnother}>
                  Import another folder…
                </button>
              )}
              <button type="button" className="button button-primary" onClick={onClose}>
                {phase === 'finished' ? 'Done' : 'Hide'}
              </button>
            </div>
          )}
        </>
      )}
    </dialog>
  );
}
