import { useCallback } from 'react';
import type { ReferenceCard } from '../../shared/domain.js';
import { useClient, useCoreEvents } from '../client/client-context.js';
import { useKeysetPages } from './keyset-pages.js';
import { formatResolution } from './format.js';
import { LoadError } from './LoadError.js';

/** Reference images: a plain paged list (there are far fewer of them than renders). */
export function ReferenceList() {
  const client = useClient();
  const fetchPage = useCallback(
    (cursor: string | null, limit: number) => client.call('references.page', { cursor, limit }),
    [client],
  );
  const pages = useKeysetPages<ReferenceCard>(fetchPage);
  useCoreEvents(
    (e) => e.type === 'catalogue.changed' && e.entity === 'references' && pages.refresh(),
    pages.refresh,
  );

  return (
    <div className="references">
      {pages.error && <LoadError message={pages.error} onRetry={pages.refresh} />}
      {!pages.loading && !pages.error && pages.items.length === 0 && (
        <p className="muted">No reference images yet. Images found by “Import a folder…” land here.</p>
      )}
      <ul className="reference-grid" aria-label="References">
        {pages.items.map((ref) => (
          <li key={ref.id} className="reference" aria-label={ref.title}>
            <div className="reference-thumb">
              {ref.hasPoster ? (
                <img src={client.thumbUrl(ref.sha256, 'poster')} alt={`Preview of ${ref.title}`} loading="lazy" />
              ) : (
                <span className="tile-placeholder">{ref.kind}</span>
              )}
            </div>
            <div className="tile-caption">
              <span className="tile-title" title={ref.title}>
                {ref.title}
              </span>
              <span className="tile-meta">
                {formatResolution(ref.width, ref.height)}
                {ref.role ? ` · ${ref.role.replace(/_/g, ' ')}` : ''}
              </span>
            </div>
          </li>
        ))}
      </ul>
      {pages.hasMore && !pages.error && (
        <button type="button" className="button" disabled={pages.loading} onClick={pages.loadMore}>
          {pages.loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}
