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
            Save
          </button>
          <button type="button" className="button button-small" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </form>
      )}
      {error && <p role="alert" className="error-text">{error}</p>}
      {items.length === 0 && !naming && (
        <p className="muted collections-empty">Search or pick filters, then “Save search…” to keep them here as a collection that stays up to date.</p>
      )}
      <ul>
        {items.map((s) => (
          <li key={s.id} className="collection">
            <button type="button" className="facet-value" title={s.query || undefined} onClick={() => onOpen(s)}>
              <span className="facet-label">{s.name}</span>
            </button>
            <button type="button" className="button-icon collection-delete" aria-label={`Delete saved search ${s.name}`} onClick={() => void remove(s)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
