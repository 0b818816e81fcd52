import { useId, useState, type FormEvent } from 'react';
import type { LocateResult } from '../../shared/channels/watch.js';
import type { CoreEvent } from '../../shared/events.js';
import { errorMessage } from '../client/client.js';
import { useClient, useCoreEvents } from '../client/client-context.js';
import { plural } from '../../shared/format.js';

type Step =
  | { kind: 'idle' }
  | { kind: 'form'; error: string | null; busy: boolean }
  | { kind: 'offer'; result: LocateResult; busy: boolean; error: string | null }
  | { kind: 'done'; message: string };

interface Props {
  sha256: string;
  missing: boolean;
  /** Where the file was when it was catalogued: the path field starts from it. */
  origin: string | null;
}

/**
 * A take whose file went missing: "Locate…" relinks it to a file with the same content (typed
 * path, or a folder from the native picker plus the old name), then offers to relink the other
 * files missing from its old folder, looked for by content hash beside the new one.
 */
export function LocateFile({ sha256, missing, origin }: Props) {
  const client = useClient();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [path, setPath] = useState(origin ?? '');
  const fieldId = useId();
  const errorId = useId();
  /** How far "Relink the rest" has got (assets.relinkProgress for this take). */
  const [progress, setProgress] = useState<Extract<CoreEvent, { type: 'assets.relinkProgress' }> | null>(null);
  useCoreEvents((e) => {
    if (e.type === 'assets.relinkProgress' && e.sha256 === sha256) setProgress(e);
  });

  const locate = async (relinkFolder: boolean): Promise<LocateResult> =>
    client.call('assets.locate', { sha256, path: path.trim(), relinkFolder });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!path.trim()) return;
    setStep({ kind: 'form', error: null, busy: true });
    locate(false).then(
      (result) =>
        setStep(
          result.othersMissingInFolder > 0
            ? { kind: 'offer', result, busy: false, error: null }
            : { kind: 'done', message: `Relinked to ${result.path}.` },
        ),
      (err: unknown) => setStep({ kind: 'form', error: errorMessage(err), busy: false }),
    );
  };

  const relinkRest = (result: LocateResult) => {
    setProgress(null);
    setStep({ kind: 'offer', result, busy: true, error: null });
    locate(true).then(
      (rest) =>
        setStep({
          kind: 'done',
          message:
            `Relinked ${plural(rest.relinked.length, 'other file')} from the same folder.` +
            (rest.othersMissingInFolder > 0 ? ` ${plural(rest.othersMissingInFolder, 'file')} from it ${rest.othersMissingInFolder === 1 ? 'is' : 'are'} still missing.` : ''),
        }),
      (err: unknown) => setStep({ kind: 'offer', result, busy: false, error: errorMessage(err) }),
    );
  };

  const browse = () => {
    client.pickFolder()?.then(
      (folder) => folder && setPath(joinPath(folder, baseName(path || origin || ''))),
      (err: unknown) => setStep({ kind: 'form', error: errorMessage(err), busy: false }),
    );
  };

  if (!missing && (step.kind === 'idle' || step.kind === 'form')) return null;

  return (
    <div className="locate" role="group" aria-label="Missing file">
      {missing && (
        <p role="alert" className="error-text">
          The media file for this take is missing{origin ? ':' : '.'}{' '}
          {origin && <span className="mono breakable">{origin}</span>}
        </p>
      )}
      {missing && step.kind === 'idle' && (
        <button type="button" className="button" onClick={() => setStep({ kind: 'form', error: null, busy: false })}>
          Locate…
        </button>
      )}
      {step.kind === 'form' && (
        <form className="locate-form" onSubmit={submit}>
          <label className="field" htmlFor={fieldId}>
            <span className="field-label">Full path of the file</span>
          </label>
          <input
            id={fieldId}
            className="input mono"
            type="text"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            autoFocus
            spellCheck={false}
            autoComplete="off"
            required
            aria-invalid={step.error ? true : undefined}
            aria-describedby={step.error ? errorId : undefined}
          />
          <p className="muted field-hint">It must be the same file (same content); a re-encoded copy is refused.</p>
          {step.error && (
            <p id={errorId} role="alert" className="error-text">
              {step.error}
            </p>
          )}
          <div className="locate-actions">
            {client.canPickFolder && (
              <button type="button" className="button" onClick={browse}>
                Choose folder…
              </button>
            )}
            <button type="button" className="button" onClick={() => setStep({ kind: 'idle' })}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={step.busy || !path.trim()}>
              {step.busy ? 'Checking…' : 'Relink'}
            </button>
          </div>
        </form>
      )}
      {step.kind === 'offer' && (
        <div className="locate-offer" role="status">
          <p>
            Relinked to <span className="mono breakable">{step.result.path}</span>.{' '}
            {plural(step.result.othersMissingInFolder, 'other missing file')} lived in the same folder. Look for{' '}
            {step.result.othersMissingInFolder === 1 ? 'it' : 'them'} beside this one and relink what matches?
          </p>
          {step.busy && <RelinkProgressBar progress={progress} />}
          {step.error && (
            <p role="alert" className="error-text">
              {step.error}
            </p>
          )}
          <div className="locate-actions">
            <button type="button" className="button" onClick={() => setStep({ kind: 'done', message: 'Relinked this file only.' })}>
              Not now
            </button>
            <button type="button" className="button button-primary" disabled={step.busy} onClick={() => relinkRest(step.result)}>
              {step.busy ? 'Relinking…' : 'Relink the rest'}
            </button>
          </div>
        </div>
      )}
      {step.kind === 'done' && (
        <p role="status" className="locate-done">
          {step.message}
        </p>
      )}
    </div>
  );
}

/** Checking by name (one per missing file), then, for renamed ones, the new folder's files by content. */
function RelinkProgressBar({ progress }: { progress: Extract<CoreEvent, { type: 'assets.relinkProgress' }> | null }) {
  const text = !progress
    ? 'Looking for the other files…'
    : progress.phase === 'by-name'
      ? `Checking ${progress.done} of ${plural(progress.total, 'missing file')} by name`
      : `Looking through ${progress.done} of ${plural(progress.total, 'file')} in the new folder for renamed ones`;
  return (
    <div className="locate-progress">
      <progress
        aria-label="Relinking"
        aria-valuetext={text}
        max={progress?.total || undefined}
        value={progress?.total ? progress.done : undefined}
      />
      <span className="muted">
        {text}
        {progress && progress.relinked > 0 ? ` · ${plural(progress.relinked, 'file')} relinked` : ''}
      </span>
    </div>
  );
}

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/** The picked folder plus the old file name, with the folder's own separator. */
function joinPath(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return name ? `${folder.replace(/[\\/]+$/, '')}${sep}${name}` : folder;
}
