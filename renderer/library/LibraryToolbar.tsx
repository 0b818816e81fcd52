import type { ReactNode, Ref } from 'react';
import type { RenderSort } from '../../shared/contract.js';
import { ImportButton } from '../import/ImportButton.js';
import { BundleButtons } from '../bundles/BundleButtons.js';

// Every RENDER_SORTS entry, in menu order; the Record type makes a new sort a compile error here
// until it has a label. (Reading RENDER_SORTS itself would pull zod into the renderer bundle.)
const SORT_LABELS: Record<RenderSort, string> = {
  newest: 'Recently added',
  oldest: 'Oldest first',
  title: 'Name (A–Z)',
  rating: 'Highest rated',
  cost: 'Most credits',
  duration: 'Longest',
};
const SORTS = Object.keys(SORT_LABELS) as RenderSort[];

interface Props {
  search: string;
  onSearch(text: string): void;
  /** The search box, for the `/` key. */
  searchRef?: Ref<HTMLInputElement>;
  sort: RenderSort;
  onSort(sort: RenderSort): void;
  /** Studio actions shown after Import (New generation, Jobs, Settings). */
  actions?: ReactNode;
}

export function LibraryToolbar({ search, onSearch, searchRef, sort, onSort, actions }: Props) {
  return (
    <header className="toolbar">
      <h1 className="brand">Dailies</h1>
      <div className="toolbar-controls" role="search">
        <input
          ref={searchRef}
          type="search"
          className="input search"
          aria-label="Search renders"
          placeholder="Search prompts and names — provider:kling rating:>=4 …"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            document.querySelector<HTMLElement>('[role="listbox"][aria-label="Renders"]')?.focus();
          }}
        />
        <label className="sort">
          <span>Sort</span>
          <select className="input" value={sort} onChange={(e) => onSort(e.target.value as RenderSort)}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {/* One group: in a narrower window it moves to a second row whole, and the search box keeps its room. */}
      <div className="toolbar-actions">
        <ImportButton />
        <BundleButtons />
        {actions}
      </div>
    </header>
  );
}
