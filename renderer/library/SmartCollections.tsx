import { useCallback, useState, type FormEvent } from 'react';
import type { SavedFilter, SavedSearch } from '../../shared/channels/grid.js';
import type { RenderSort } from '../../shared/contract.js';
import { errorMessage } from '../client/client.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';

export interface SearchState {
  query: string;
  filter: SavedFilter;
  sort: RenderSort;
}

interface Props {
  current: SearchState;
  onOpen(search: SavedSearch): void;
}

/** Saved searches (smart collections): re-run when opened, so they always show today's renders. */
export function SmartCollections({ current, onOpen }: Props) {
  const client = useClient();
  const [version, setVersion] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version forces a reload after an edit
  const fetchList = useCallback(() => client.call('searches.list', {}), [client, version]);
  const list = useLiveCall(fetchList, () => false);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nothingToSave = !current.query.trim() && Object.keys(current.filter).length === 0;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await client.call('searches.save', { name, query: current.query, filter: current.filter, sort: current.sort });
      setNaming(false);
      setName('');
      setVersion((v) => v + 1);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const remove = async (s: SavedSearch) => {
    try {
      await client.call('searches.delete', { id: s.id });
      setVersion((v) => v + 1);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const items = list.value ?? [];
  const replacing = naming && items.some((s) => s.name === name.trim());
  return (
    <section className="collections" aria-label="Smart collections">
      <div className="facets-head">
        <h2>Smart collections</h2>
        {!naming && (
          <button
            type="button" className="link-button" disabled={nothingToSave}
            title={nothingToSave ? 'Search or choose filters first, then save them here' : undefined}
            onClick={() => setNaming(true)}
          >
            Save search…
          </button>
        )}
      </div>
      {naming && (
        <form className="collection-form" onSubmit={save}>
          <input className="input input-small" aria-label="Name of the saved search" placeholder="Name" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          <button type="submit" className="button button-small" disabled={!name.trim()}>
            {replacing ? 'Replace' : 'Save'}
          </button>
          <button type="button" className="button button-small" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </form>
      )}
      {replacing && <p className="muted collections-empty" role="note">“{name.trim()}” is saved already: saving replaces it with what is on screen.</p>}
      {error && <p role="alert" className="error-text">{error}</p>}
      {items.length === 0 && !naming && (
        <p className="muted collections-empty">Search or pick filters, then “Save search…” to keep them here as a collection that stays up to date.</p>
      )}
      <ul>
        {items.map((s) => (
          <Collection key={s.id} search={s} open={sameSearch(s, current)} onOpen={() => onOpen(s)} onDelete={() => void remove(s)} />
        ))}
      </ul>
    </section>
  );
}

/** Key order does not make two filters differ ({ tag, flag } and { flag, tag } are one search). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** Whether the grid shows exactly this saved search now (same words, filters and sort). */
function sameSearch(s: SavedSearch, current: SearchState): boolean {
  return s.query.trim() === current.query.trim() && s.sort === current.sort && JSON.stringify(canonical(s.filter)) === JSON.stringify(canonical(current.filter));
}

/**
 * One saved search with how many takes it holds today, kept live as takes arrive or change
 * (the count is the core's, on its reader thread, as the grid's own count is).
 */
function Collection({ search, open, onOpen, onDelete }: { search: SavedSearch; open: boolean; onOpen(): void; onDelete(): void }) {
  const client = useClient();
  // × asks first: one stray click next to the name must not lose a collection.
  const [confirming, setConfirming] = useState(false);
  const key = JSON.stringify(search.filter) + search.query;
  const fetchCount = useCallback(
    () => client.call('renders.count', { filter: { ...search.filter, text: search.query } }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the search's content
    [client, key],
  );
  const count = useLiveCall(fetchCount, (e) => e.type === 'catalogue.changed' && e.entity === 'renders');
  return (
    <li className="collection">
      <button type="button" className="facet-value" aria-pressed={open} title={search.query || undefined} onClick={onOpen}>
        <span className="facet-label">{search.name}</span>
        <span className="facet-count">{count.value ? count.value.count.toLocaleString() : count.error ? '?' : ''}</span>
      </button>
      {!confirming && (
        <button type="button" className="button-icon collection-delete" aria-label={`Delete saved search ${search.name}`} onClick={() => setConfirming(true)}>
          ×
        </button>
      )}
      {confirming && (
        <span className="collection-confirm" role="group" aria-label={`Delete ${search.name}?`}>
          <button type="button" className="button button-small" onClick={onDelete}>Delete</button>
          <button type="button" className="button button-small" autoFocus onClick={() => setConfirming(false)}>Keep</button>
        </span>
      )}
    </li>
  );
}
