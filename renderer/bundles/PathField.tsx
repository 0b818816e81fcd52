// A file path to write or read. In the desktop app "Choose…" opens the native save or open
// dialog; a browser cannot hand a page a filesystem path, so in serve mode the path is typed (the
// core checks it and says what is wrong, e.g. no such folder).
import { useId } from 'react';
import type { PathRequest } from '../../shared/path-request.js';
import { useClient } from '../client/client-context.js';

interface Props {
  label: string;
  value: string;
  onChange(path: string): void;
  request: PathRequest;
  placeholder?: string;
}

export function PathField({ label, value, onChange, request, placeholder }: Props) {
  const client = useClient();
  const hint = useId();
  const choose = () => {
    void client.pickPath(request)?.then((picked) => picked && onChange(picked));
  };
  return (
    <div className="path-field">
      <label className="field">
        <span className="field-label">{label}</span>
        <input className="input mono" required value={value} placeholder={placeholder} aria-describedby={hint} onChange={(e) => onChange(e.target.value)} />
      </label>
      {client.canPickPath ? (
        <button type="button" className="button" onClick={choose}>Choose…</button>
      ) : (
        <span id={hint} className="field-hint">A full path on this computer (a browser cannot open a file dialog for Dailies).</span>
      )}
    </div>
  );
}
