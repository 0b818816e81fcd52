import { useState } from 'react';
import { GenerationForm } from './GenerationForm.js';
import { useModalDialog } from '../app/use-modal-dialog.js';

interface Props {
  open: boolean;
  onClose(): void;
  onSubmitted(jobId: number): void;
}

/** "New generation" as a native modal <dialog>: Escape closes it, the page behind is inert. */
export function GenerateDialog({ open, onClose, onSubmitted }: Props) {
  const ref = useModalDialog(open);
  return (
    <dialog ref={ref} className="dialog gen-dialog" aria-labelledby="gen-title" onClose={onClose}>
      {open && (
        <>
          <h2 id="gen-title" className="dialog-title">
            New generation
          </h2>
          <GenerationForm onSubmitted={onSubmitted} onCancel={onClose} />
        </>
      )}
    </dialog>
  );
}

/** The toolbar button; the dialog's state lives here, next to it. */
export function NewGenerationButton({ onSubmitted }: { onSubmitted(jobId: number): void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-primary" onClick={() => setOpen(true)}>
        New generation
      </button>
      <GenerateDialog
        open={open}
        onClose={() => setOpen(false)}
        onSubmitted={(jobId) => {
          setOpen(false);
          onSubmitted(jobId);
        }}
      />
    </>
  );
}
