import { useCallback } from 'react';
import type { RenderSort } from '../../shared/contract.js';
import type { RenderCard } from '../../shared/domain.js';
import { useClient, useCoreEvents } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { plural } from './format.js';
import { useKeysetPages } from './keyset-pages.js';
import { RenderGrid } from './RenderGrid.js';
import { useThumbnailUpdates } from './use-thumbnail-updates.js';
import { LoadError } from './LoadError.js';

interface Props {
  text: string;
  sort: RenderSort;
  selectedId: number | null;
  onSelect(card: RenderCard): void;
}

/** The renders matching the search, with their count, kept current as the catalogue changes. */
export function RendersPane({ text, sort, selectedId, onSelect }: Props) {
  const client = useClient();
  const fetchPage = useCallback(
    (cursor: string | null, limit: number) => client.call('renders.page', { filter: { text }, sort, cursor, limit }),
    [client, text, sort],
  );
  const pages = useKeysetPages<RenderCard>(fetchPage);
  const thumbs = useThumbnailUpdates();
  useCoreEvents(
    (e) => e.type === 'catalogue.changed' && e.entity === 'renders' && pages.refresh(),
    pages.refresh,
  );

  const fetchCount = useCallback(() => client.call('renders.count', { filter: { text } }), [client, text]);
  const count = useLiveCall(fetchCount, (e) => e.type === 'catalogue.changed' && e.entity === 'renders').value?.count;

  return (
    <div className="renders-pane">
      <p className="pane-status" role="status">
        {count === undefined ? 'Counting…' : text ? `${plural(count, 'render')} matching “${text}”` : plural(count, 'render')}
      </p>
      {pages.error && <LoadError message={pages.error} onRetry={pages.refresh} />}
      {!pages.loading && !pages.error && pages.items.length === 0 && text && (
        <p className="muted pane-note">Nothing matches “{text}”. Search looks at file names and prompts; words match from their start.</p>
      )}
      <RenderGrid key={`${sort}\u0000${text}`} pages={pages} total={count} thumbs={thumbs} selectedId={selectedId} onSelect={onSelect} />
    </div>
  );
}
