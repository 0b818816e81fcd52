// Review notes on the take, saved when the field loses focus (or with Save).
import { useRef, useState } from 'react';
import { errorMessage } from '../client/client.js';
import { useClient } from '../client/client-context.js';
import { Section } from './Section.js';

export function NotesSection({ renderId, notes }: { renderId: number; notes: string }) {
  const client = useClient();
  const [draft, setDraft] = useState(notes);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | { error: string }>('idle');
  const dirty = draft !== notes;
  // Notes changed elsewhere (another window) replace the draft unless it is being edited.
  const shown = useRef(notes);
  if (shown.current !== notes) {
    if (draft === shown.current) setDraft(notes);
    shown.current = notes;
  }

  const save = () => {
    if (!dirty) return;
    setStatus('saving');
    client.call('review.setNotes', { id: renderId, notes: draft }).then(
      () => setStatus('saved'),
      (err: unknown) => setStatus({ error: errorMessage(err) }),
    );
  };
  return (
    <Section title="Notes">
      <textarea
        className="input notes-field"
        aria-label="Notes"
        placeholder="What works, what to fix in the next take…"
        value={draft}
        maxLength={20_000}
        rows={3}
        onChange={(e) => {
          setDraft(e.currentTarget.value);
          setStatus('idle');
        }}
        onBlur={save}
      />
      <div className="notes-row">
        <button type="button" className="button button-small" disabled={!dirty} onClick={save}>
          Save notes
        </button>
        <span role="status" className="muted">
          {status === 'saving' ? 'Saving…' : status === 'saved' && !dirty ? 'Saved' : ''}
        </span>
        {typeof status === 'object' && <span className="error-text">{status.error}</span>}
      </div>
    </Section>
  );
}
