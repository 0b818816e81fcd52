import type { ImportFileOutcome, ImportSummary } from '../../shared/domain.js';
import { Fact, FactTable } from '../library/Fact.js';
import { plural } from '../../shared/format.js';
import { ImportProgressBar, relativeTo } from './ImportProgressView.js';

function FileList({ title, files, folder }: { title: string; files: ImportFileOutcome[]; folder: string }) {
  if (!files.length) return null;
  return (
    <section className="import-files">
      <h3>
        {title} ({files.length})
      </h3>
      <ul aria-label={`${title} files`}>
        {files.map((f) => (
          <li key={f.path}>
            <span className="mono breakable" title={f.path}>
              {relativeTo(folder, f.path)}
            </span>
            {f.reason && <span className="import-reason"> — {f.reason}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What an import did: counts first, then each file that needs a look, with its reason. */
export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const by = (status: ImportFileOutcome['status']) => summary.files.filter((f) => f.status === status);
  const imported = by('imported');
  const ofKind = (kind: string) => imported.filter((f) => f.kind === kind).length;
  const asReferences = [
    ofKind('image') && plural(ofKind('image'), 'image'),
    ofKind('audio') && plural(ofKind('audio'), 'audio file'),
  ].filter(Boolean);
  const referenceCount = ofKind('image') + ofKind('audio');
  const done = summary.imported + summary.duplicates + summary.failed + summary.ignored;

  return (
    <div className="import-summary">
      {summary.error ? (
        <p role="alert" className="import-error">
          The folder could not be imported: {summary.error}
          <span className="mono breakable import-error-path">{summary.folder}</span>
        </p>
      ) : (
        <>
          <p>
            From <span className="mono breakable">{summary.folder}</span>
          </p>
          <ImportProgressBar progress={{ done, total: summary.total }} />
        </>
      )}
      <FactTable label="Import counts" className="import-counts">
        <Fact label="Imported">{summary.imported}</Fact>
        <Fact label="Duplicates">{summary.duplicates}</Fact>
        <Fact label="Failed">{summary.failed}</Fact>
        <Fact label="Ignored">{summary.ignored}</Fact>
      </FactTable>
      {imported.length > 0 && (
        <p className="muted">
          {plural(ofKind('video'), 'clip')} added as renders
          {asReferences.length > 0 && `; ${asReferences.join(' and ')} added as ${referenceCount === 1 ? 'a reference' : 'references'}`}.
        </p>
      )}
      <FileList title="Failed" files={by('failed')} folder={summary.folder} />
      <FileList title="Duplicates" files={by('duplicate')} folder={summary.folder} />
      <FileList title="Ignored" files={by('ignored')} folder={summary.folder} />
      {imported.length > 0 && (
        <details className="import-files">
          <summary>Imported files ({imported.length})</summary>
          <ul aria-label="Imported files">
            {imported.map((f) => (
              <li key={f.path} className="mono breakable">
                {relativeTo(summary.folder, f.path)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
