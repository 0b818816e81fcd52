import { useState } from 'react';
import { errorMessage } from '../../client/client.js';

/**
 * The save pattern of the Settings → Providers forms: one save at a time, the button says
 * "Saving…", and a refusal is kept and shown in words ("Not saved: …") until the next try.
 */
export function useSave(): { saving: boolean; error: string | null; save: (action: () => Promise<void>) => Promise<void> } {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (action: () => Promise<void>) => {
    setSaving(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, save };
}

/** Why the last save was refused, announced to screen readers. */
export function SaveError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="error-text">
      Not saved: {error}
    </p>
  );
}
