import { memo, useCallback, useState, type ReactNode } from 'react';
import type { FacetValue, RenderFacets, SavedFilter } from '../../shared/channels/grid.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { useDebouncedValue } from './use-debounced-value.js';

/** Facet counts wait for typing to pause: they are many queries, and the grid comes first. */
const FACETS_DEBOUNCE_MS = 350;

interface Props {
  text: string;
  filter: SavedFilter;
  onChange(filter: SavedFilter): void;
  children?: ReactNode;
}

type Key = keyof SavedFilter;

function FacetList<V extends string | number | boolean>({
  title, values, selected, onPick, limit = 8,
}: { title: string; values: FacetValue<V>[]; selected: V | undefined; onPick(value: V | undefined): void; limit?: number }) {
  const [all, setAll] = useState(false);
  if (!values.length) return null;
  const shown = all ? values : values.slice(0, limit);
  return (
    <section className="facet" aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {shown.map((v) => {
          const on = selected === v.value;
          return (
            <li key={String(v.value)}>
              <button type="button" className="facet-value" aria-pressed={on} onClick={() => onPick(on ? undefined : v.value)}>
                <span className="facet-label">{v.label}</span>
                <span className="facet-count">{v.count.toLocaleString()}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {values.length > limit && (
        <button type="button" className="link-button" onClick={() => setAll((a) => !a)}>
          {all ? 'Fewer' : `All ${values.length}`}
        </button>
      )}
    </section>
  );
}

const dayInput = (ms: number | undefined) => {
  if (ms === undefined) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const dayStart = (value: string) => {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y!, m! - 1, d!).getTime();
};
const nextDay = (value: string) => {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y!, m! - 1, d! + 1).getTime();
};

/**
 * The filters down the left of the grid, each value with how many renders choosing it would
 * show (the core counts each facet with the other filters applied, see main/catalogue/facets.ts).
 */
export function FacetPanel({ text, filter, onChange, children }: Props) {
  const client = useClient();
  const settled = useDebouncedValue(JSON.stringify({ text, filter }), FACETS_DEBOUNCE_MS);
  const fetchFacets = useCallback(() => {
    const q = JSON.parse(settled) as { text: string; filter: SavedFilter };
    return client.call('renders.facets', { filter: { ...q.filter, text: q.text } });
  }, [client, settled]);
  const facets = useLiveCall<RenderFacets>(fetchFacets, (e) => e.type === 'catalogue.changed', { oneAtATime: true });
  const f = facets.value;
  const active = Object.keys(filter).length > 0;

  return (
    <aside className="facets" aria-label="Filters">
      {children}
      <div className="facets-head">
        <h2>Filters</h2>
        {active && (
          <button type="button" className="link-button" onClick={() => onChange({})}>
            Clear filters
          </button>
        )}
      </div>
      {facets.error && !/^Search: /.test(facets.error) && <p className="error-text">{facets.error}</p>}
      {f && <FacetLists f={f} filter={filter} onChange={onChange} />}
    </aside>
  );
}

/**
 * The facet values themselves: the same counts and choices until the counts or the filters
 * change, so typing in the search box (which re-renders the panel) does not re-render them.
 */
const FacetLists = memo(function FacetLists({ f, filter, onChange }: { f: RenderFacets; filter: SavedFilter; onChange(filter: SavedFilter): void }) {
  const set = <K extends Key>(key: K, value: SavedFilter[K] | undefined) => {
    const next = { ...filter };
    if (value === undefined) delete next[key];
    else next[key] = value;
    // A shot belongs to its project: changing project drops the shot.
    if (key === 'projectId') delete next.shotId;
    onChange(next);
  };
  return (
    <>
      <FacetList title="Project" values={f.projects} selected={filter.projectId} onPick={(v) => set('projectId', v)} />
      {filter.projectId === undefined && f.projects.length > 0 ? (
        // Shots are a project's: their names only mean something (and only stay few) within one.
        <section className="facet" aria-label="Shot">
          <h3>Shot</h3>
          <p className="muted facet-hint">Choose a project above to filter by its shots.</p>
        </section>
      ) : (
        <FacetList title="Shot" values={f.shots} selected={filter.shotId} onPick={(v) => set('shotId', v)} />
      )}
      <FacetList
        title="Rating"
        values={f.ratings}
        selected={filter.ratingMin !== undefined && filter.ratingMin === filter.ratingMax ? filter.ratingMin : filter.ratingMax === 0 ? 0 : undefined}
        onPick={(v) => onChange(withRating(filter, v))}
      />
      <FacetList title="Pick / reject" values={f.flags} selected={filter.flag} onPick={(v) => set('flag', v)} />
      <FacetList title="Provider" values={f.providers} selected={filter.provider} onPick={(v) => set('provider', v)} />
      <FacetList title="Model" values={f.models} selected={filter.model} onPick={(v) => set('model', v)} />
      <FacetList title="Task type" values={f.taskTypes} selected={filter.taskType} onPick={(v) => set('taskType', v)} />
      <FacetList title="Kind" values={f.kinds as FacetValue<'video' | 'image' | 'audio'>[]} selected={filter.kind} onPick={(v) => set('kind', v)} />
      <FacetList title="Tag" values={f.tags} selected={filter.tag} onPick={(v) => set('tag', v)} />
      <FacetList title="Versions" values={f.hasChildren} selected={filter.hasChildren} onPick={(v) => set('hasChildren', v)} />
      <section className="facet" aria-label="Cost">
        <h3>Cost (credits)</h3>
        <div className="facet-range">
          <input
            className="input input-small" type="number" min={0} step="any" aria-label="Cost from"
            placeholder={f.costRange ? String(f.costRange.min) : 'from'}
            value={filter.cost?.gte ?? ''}
            onChange={(e) => set('cost', range(filter.cost, 'gte', e.target.value === '' ? undefined : Number(e.target.value)))}
          />
          <span>–</span>
          <input
            className="input input-small" type="number" min={0} step="any" aria-label="Cost to"
            placeholder={f.costRange ? String(f.costRange.max) : 'to'}
            value={filter.cost?.lte ?? ''}
            onChange={(e) => set('cost', range(filter.cost, 'lte', e.target.value === '' ? undefined : Number(e.target.value)))}
          />
        </div>
      </section>
      <section className="facet" aria-label="Date added">
        <h3>Date added</h3>
        <div className="facet-range">
          <input
            className="input input-small" type="date" aria-label="Added from"
            value={dayInput(filter.created?.gte)}
            onChange={(e) => set('created', range(filter.created, 'gte', e.target.value ? dayStart(e.target.value) : undefined))}
          />
          <span>–</span>
          <input
            className="input input-small" type="date" aria-label="Added until"
            value={filter.created?.lt !== undefined ? dayInput(filter.created.lt - 1) : ''}
            onChange={(e) => set('created', range(filter.created, 'lt', e.target.value ? nextDay(e.target.value) : undefined))}
          />
        </div>
      </section>
    </>
  );
});

type Range = NonNullable<SavedFilter['cost']>;

function range(current: Range | undefined, bound: keyof Range, value: number | undefined): Range | undefined {
  const next: Range = { ...current };
  if (value === undefined || !Number.isFinite(value)) delete next[bound];
  else next[bound] = value;
  return Object.keys(next).length ? next : undefined;
}

/** A rating facet value: exactly that many stars (0 = unrated). */
function withRating(filter: SavedFilter, v: number | undefined): SavedFilter {
  const next = { ...filter };
  delete next.ratingMin;
  delete next.ratingMax;
  if (v !== undefined) {
    if (v > 0) next.ratingMin = v;
    next.ratingMax = v;
  }
  return next;
}
