import { useCallback, useEffect, useState } from 'react';
import type { RenderFilter, RenderSort } from '../../shared/contract.js';
import type { RenderCard } from '../../shared/domain.js';
import { useClient, useCoreEvents } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { useKeyBindings } from '../keys/keymap-context.js';
import { COMPARE_MAX, useNavigation } from '../app/navigation.js';
import { BatchBar, type BatchEdit } from './BatchBar.js';
import { plural } from '../../shared/format.js';
import { useGridSelection } from './grid-selection.js';
import { useKeysetPages } from './keyset-pages.js';
import { RenderGrid } from './RenderGrid.js';
import { useBatchEdit } from './use-batch-edit.js';
import { useThumbnailUpdates } from './use-thumbnail-updates.js';
import { LoadError } from './LoadError.js';

interface Props {
  filter: RenderFilter & { text: string };
  sort: RenderSort;
  /** The take in the detail panel: what the keys act on when nothing is selected. */
  openId: number | null;
  onOpen(card: RenderCard): void;
  /** Whether facets narrow the grid (for the "nothing matches" note). */
  filtered: boolean;
  onClearFilters(): void;
  /**
   * Told whether the review keys (P/X/0–5, C) act on the grid's selection rather than the open
   * take: when several takes are selected, or one that is not the open take. Exactly one of the
   * two acts on a key, never both.
   */
  onKeysOnSelection?(onSelection: boolean): void;
}

/** The renders matching the search and facets, with their count, selection and batch edits. */
export function RendersPane({ filter, sort, openId, onOpen, filtered, onClearFilters, onKeysOnSelection }: Props) {
  const client = useClient();
  const key = JSON.stringify(filter);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the filter's content
  const stableFilter = useCallback(() => filter, [key]);
  const fetchPage = useCallback(
    (cursor: string | null, limit: number) => client.call('renders.page', { filter: stableFilter(), sort, cursor, limit }),
    [client, stableFilter, sort],
  );
  const pages = useKeysetPages<RenderCard>(fetchPage);
  const thumbs = useThumbnailUpdates();
  useCoreEvents(
    (e) => e.type === 'catalogue.changed' && e.entity === 'renders' && pages.refresh(),
    pages.refresh,
  );

  const fetchCount = useCallback(() => client.call('renders.count', { filter: stableFilter() }), [client, stableFilter]);
  // One count on its way at a time: typing asks for one per keystroke, and the superseded ones
  // would otherwise queue ahead of the grid's next page (use-live-call.ts).
  const count = useLiveCall(fetchCount, (e) => e.type === 'catalogue.changed' && e.entity === 'renders', { oneAtATime: true });

  const selection = useGridSelection();
  const onSelection = selection.ids.length > 1 || (selection.ids.length === 1 && selection.ids[0] !== openId);
  useEffect(() => onKeysOnSelection?.(onSelection), [onSelection, onKeysOnSelection]);
  // A take opened from elsewhere (a job's link, a lineage thumbnail) becomes the selection, as a
  // file browser's "reveal" does; a take opened by clicking it is already selected.
  useEffect(() => {
    if (openId !== null && !selection.has(openId)) selection.setAll([openId]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when another take is opened
  }, [openId]);
  const { clear } = selection;
  useEffect(() => clear(), [key, sort, clear]);
  const batch = useBatchEdit();
  const targets = selection.ids.length ? selection.ids : openId !== null ? [openId] : [];
  const edit = (e: BatchEdit) => void batch.run(targets, e);
  const some = targets.length > 0;
  const nav = useNavigation();
  const [compareNote, setCompareNote] = useState<string | null>(null);
  useEffect(() => setCompareNote(null), [selection.ids]);
  const compare = () => {
    if (selection.ids.length > COMPARE_MAX) setCompareNote(tooManyToCompare(selection.ids.length));
    else nav.openCompare([...selection.ids]);
  };

  useKeyBindings({
    title: 'Review',
    bindings: [
      { keys: ['1', '2', '3', '4', '5'], label: 'Rate the selected takes 1–5 stars', run: (_e, chord) => edit({ rating: Number(chord) }), enabled: some },
      { keys: ['0'], label: 'Clear their rating', run: () => edit({ rating: 0 }), enabled: some },
      { keys: ['p'], label: 'Pick', run: () => edit({ flag: 'pick' }), enabled: some },
      { keys: ['x'], label: 'Reject', run: () => edit({ flag: 'reject' }), enabled: some },
      { keys: ['u'], label: 'Unflag (neither pick nor reject)', run: () => edit({ flag: null }), enabled: some },
      // One selected take that is not the open one: C adds it to Compare (again takes it out), as
      // C does for the open take — the detail panel has handed the key over (see onKeysOnSelection).
      selection.ids.length === 1
        ? { keys: ['c'], label: 'Add the selected take to Compare (again to take it out)', run: () => nav.toggleCompare(selection.ids[0]!), enabled: onSelection }
        : { keys: ['c'], label: `Compare the selected takes (2 to ${COMPARE_MAX})`, run: compare, enabled: selection.ids.length > 1 },
    ],
  });

  const text = filter.text;
  const n = count.value?.count;
  // A refused search (bad syntax) is the user's to fix, not a load failure to retry.
  const refused = pages.error && /^Search: /.test(pages.error);
  return (
    <div className="renders-pane">
      <p className="pane-status" role="status">
        {n === undefined ? (count.error ? '' : 'Counting…') : text || filtered ? `${plural(n, 'render')} matching${text ? ` “${text}”` : ' the filters'}` : plural(n, 'render')}
      </p>
      {refused ? (
        <p role="alert" className="error-text pane-note search-error">
          {pages.error} <span className="muted">Press ? for the search syntax.</span>
        </p>
      ) : (
        pages.error && <LoadError message={pages.error} onRetry={pages.refresh} />
      )}
      {selection.ids.length > 1 && (
        <BatchBar
          ids={selection.ids}
          progress={batch.progress}
          error={batch.error ?? compareNote}
          onEdit={edit}
          onClear={selection.clear}
          onCompare={compare}
          compareRefusal={selection.ids.length > COMPARE_MAX ? tooManyToCompare(selection.ids.length) : null}
        />
      )}
      {selection.ids.length <= 1 && batch.error && (
        <p role="alert" className="error-text pane-note">
          {batch.error}
        </p>
      )}
      {!pages.loading && !pages.error && pages.items.length === 0 && (text || filtered) && (
        <div className="pane-note no-matches">
          <p>
            Nothing matches{text ? ` “${text}”` : ''}
            {filtered ? ' with the filters chosen on the left' : ''}.
          </p>
          <p className="muted">
            Words match file names and prompts from their start; filters like <code>rating:&gt;=4</code> must all hold.{' '}
            {filtered && (
              <button type="button" className="button button-small" onClick={onClearFilters}>
                Clear filters
              </button>
            )}
          </p>
        </div>
      )}
      <RenderGrid query={`${sort}\u0000${key}`} pages={pages} total={n} thumbs={thumbs} selection={selection} onOpen={onOpen} openId={openId} text={text} />
    </div>
  );
}

function tooManyToCompare(n: number): string {
  return `Compare shows 2 to ${COMPARE_MAX} takes side by side; ${n} are selected. Deselect ${n - COMPARE_MAX} (Ctrl/⌘-click) to compare.`;
}
