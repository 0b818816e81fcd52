import type { ProgressEvent } from './import-runs.js';

/**
 * The bar stays on the summary too (full), so the outcome reads as the end of the same bar.
 * Without a total yet (the folder is still being listed) the bar is indeterminate.
 */
export function ImportProgressBar({ progress }: { progress: Pick<ProgressEvent, 'done' | 'total'> | undefined }) {
  const known = progress !== undefined && progress.total > 0;
  return (
    <div className="import-progress">
      <progress aria-label="Import progress" max={known ? progress.total : undefined} value={known ? progress.done : undefined} />
      <p className="import-progress-text">
        {progress === undefined
          ? 'Looking through the folder…'
          : progress.total === 0
            ? 'The folder has no files.'
            : `${progress.done} of ${progress.total} files`}
      </p>
    </div>
  );
}

export function ImportProgressView({ folder, progress }: { folder: string; progress: ProgressEvent | undefined }) {
  return (
    <div className="import-running" aria-live="polite">
      <p>
        Importing from <span className="mono breakable">{folder}</span>
      </p>
      <ImportProgressBar progress={progress} />
      <p className="muted import-current mono breakable">{progress?.current ? relativeTo(folder, progress.current) : '\u00a0'}</p>
      <p className="muted">You can hide this window: the import carries on, and the library shows the new takes when it finishes.</p>
    </div>
  );
}

/** A path shown relative to the imported folder when it lies inside it (display only). */
export function relativeTo(folder: string, file: string): string {
  const base = folder.replace(/[\\/]+$/, '');
  if (file.startsWith(`${base}/`) || file.startsWith(`${base}\\`)) return file.slice(base.length + 1);
  return file;
}
