import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SavedFilter, SavedSearch } from '../../shared/channels/grid.js';
import type { RenderSort } from '../../shared/contract.js';
import type { RenderCard } from '../../shared/domain.js';
import { useNavigation } from '../app/navigation.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { useKeyBindings } from '../keys/keymap-context.js';
import { NewGenerationButton } from '../generate/GenerateDialog.js';
import { JobsPanel } from '../jobs/JobsPanel.js';
import { JobsToggle } from '../jobs/JobsToggle.js';
import { SettingsButton } from '../settings/SettingsDialog.js';
import { ArrivalsNotices } from '../watch/ArrivalsNotice.js';
import { DetailPanel } from './DetailPanel.js';
import { EmptyState } from './EmptyState.js';
import { LibraryTabs, panelId, tabId, type LibraryTab } from './LibraryTabs.js';
import { LibraryToolbar } from './LibraryToolbar.js';
import { ReferenceList } from './ReferenceList.js';
import { RendersPane } from './RendersPane.js';
import { FacetPanel } from './FacetPanel.js';
import { SmartCollections } from './SmartCollections.js';

/** Toolbar, the renders grid (or references), and the detail panel of the selected take. */
export function LibraryView() {
  const client = useClient();
  const fetchInfo = useCallback(() => client.call('library.info', {}), [client]);
  const info = useLiveCall(fetchInfo, (e) => e.type === 'catalogue.changed');
  const counts = info.value?.counts;

  const [search, setSearch] = useState('');
  // No debounce: each keystroke's page is a few milliseconds in the core, and the newest answer
  // wins (keyset-pages.ts); facet counts, the slower part, wait for typing to pause (FacetPanel).
  const text = search.trim();
  const [facets, setFacets] = useState<SavedFilter>({});
  const filter = useMemo(() => ({ ...facets, text }), [facets, text]);
  const [sort, setSort] = useState<RenderSort>('newest');
  const [tab, setTab] = useState<LibraryTab>('renders');
  const [keysOnSelection, setKeysOnSelection] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const select = useCallback((card: RenderCard) => setSelectedId(card.id), []);
  const [jobsOpen, setJobsOpen] = useState(false);
  // A done job's render: shown in the detail panel, with the grid on the Renders tab.
  const showRender = useCallback((renderId: number) => {
    setSelectedId(renderId);
    setTab('renders');
  }, []);

  // "Show in library" on an arrivals notice: the newest takes first, unfiltered, the newest selected.
  const showArrivals = useCallback(() => {
    setSearch('');
    setFacets({});
    setSort('newest');
    setTab('renders');
    client.call('renders.page', { sort: 'newest', limit: 1 }).then(
      (page) => page.items[0] && setSelectedId(page.items[0].id),
      () => {
        // The grid is shown anyway; only the selection is skipped.
      },
    );
  }, [client]);

  // Search and sort apply to renders: using them from the References tab brings the renders back.
  const searchRenders = (value: string) => {
    setSearch(value);
    setTab('renders');
  };
  const sortRenders = (value: RenderSort) => {
    setSort(value);
    setTab('renders');
  };

  // Another view asked to show some takes here (a storyboard shot's "N takes"): those facets,
  // no words, newest first — as opening a saved search does.
  const { libraryRequest } = useNavigation();
  useEffect(() => {
    if (!libraryRequest) return;
    setSearch('');
    setFacets(libraryRequest.filter);
    setSort('newest');
    setTab('renders');
  }, [libraryRequest]);

  const openSaved = useCallback((s: SavedSearch) => {
    setSearch(s.query);
    setFacets(s.filter);
    setSort(s.sort);
    setTab('renders');
  }, []);
  // Stable, so the facet lists (memoised) are not re-rendered by each keystroke in the search box.
  const chooseFacets = useCallback((f: SavedFilter) => {
    setFacets(f);
    setTab('renders');
  }, []);

  const searchRef = useRef<HTMLInputElement>(null);
  useKeyBindings({
    title: 'Library',
    bindings: [
      { keys: ['/'], label: 'Search', run: () => searchRef.current?.select() },
      { keys: ['Enter'], label: 'In the search box: go to the results' },
    ],
  });

  const empty = counts !== undefined && counts.renders + counts.references === 0;

  return (
    <div className="app">
      <LibraryToolbar
        search={search}
        onSearch={searchRenders}
        searchRef={searchRef}
        sort={sort}
        onSort={sortRenders}
        actions={
          <>
            <NewGenerationButton onSubmitted={() => setJobsOpen(true)} />
            <JobsToggle open={jobsOpen} onToggle={() => setJobsOpen((o) => !o)} />
            <SettingsButton />
          </>
        }
      />
      <div className="workspace">
        {counts !== undefined && !empty && (
          <FacetPanel text={text} filter={facets} onChange={chooseFacets}>
            <SmartCollections current={{ query: search.trim(), filter: facets, sort }} onOpen={openSaved} />
          </FacetPanel>
        )}
        <main className="library">
          {info.error && counts === undefined && (
            <p role="alert" className="error-text pane-note">
              Could not open the library: {info.error}
            </p>
          )}
          {empty && <EmptyState onDemoStarted={() => setJobsOpen(true)} />}
          {counts !== undefined && !empty && (
            <>
              <LibraryTabs tab={tab} onChange={setTab} counts={{ renders: counts.renders, references: counts.references }} />
              <section className="tab-panel" role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)}>
                {tab === 'renders' ? (
                  <RendersPane
                    filter={filter}
                    sort={sort}
                    openId={selectedId}
                    onOpen={select}
                    filtered={Object.keys(facets).length > 0}
                    onClearFilters={() => setFacets({})}
                    onKeysOnSelection={setKeysOnSelection}
                  />
                ) : (
                  <ReferenceList />
                )}
              </section>
            </>
          )}
        </main>
        {jobsOpen && <JobsPanel onShowRender={showRender} onClose={() => setJobsOpen(false)} />}
        {selectedId !== null && <DetailPanel renderId={selectedId} onClose={() => setSelectedId(null)} onShowRender={setSelectedId} markKeys={!keysOnSelection} />}
      </div>
      <ArrivalsNotices onShow={showArrivals} />
    </div>
  );
}
