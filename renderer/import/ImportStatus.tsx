import { useImportActivity } from './import-context.js';

/**
 * In the views bar: "Importing 37 of 130" for each folder import running (started in this
 * window or another, or before this one opened), unless the import dialog already shows it.
 * "Show" brings its progress (and then its summary) back in the dialog.
 */
export function ImportStatus() {
  const { active, shownId, show } = useImportActivity();
  const listed = active.filter((p) => p.importId !== shownId);
  if (listed.length === 0) return null;
  return (
    <>
      {listed.map((p) => {
        const known = p.total > 0;
        const name = folderName(p.folder);
        return (
          <div key={p.importId} className="status-item" title={`Importing from ${p.folder}`}>
            <span className="status-item-label">Importing</span>
            <progress aria-label={`Importing from ${name}`} max={known ? p.total : undefined} value={known ? p.done : undefined} />
            <span className="status-item-count">{known ? `${p.done} of ${p.total}` : '…'}</span>
            <button type="button" className="status-item-action" aria-label={`Show the import from ${name}`} onClick={() => show(p)}>
              Show
            </button>
          </div>
        );
      })}
    </>
  );
}

function folderName(folder: string): string {
  const trimmed = folder.replace(/[\\/]+$/, '');
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1) || folder;
}
