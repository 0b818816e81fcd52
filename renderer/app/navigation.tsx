// Which view the window shows (Library, Storyboard, Compare, Costs, References) and the compare
// set. Views stay mounted when hidden, so the library keeps its search and scroll; a hidden view
// is told it is inactive so its keys and players rest.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { SavedFilter } from '../../shared/channels/grid.js';

export const VIEWS = ['library', 'storyboard', 'compare', 'costs', 'references'] as const;
export type ViewName = (typeof VIEWS)[number];

/** Compare shows two to four takes. */
export const COMPARE_MAX = 4;

export interface Navigation {
  view: ViewName;
  show(view: ViewName): void;
  /** The takes Compare shows, in pane order. */
  compareIds: number[];
  /** Opens Compare on these takes (a multi-selection, a lineage branch); more than four keeps the first four. */
  openCompare(ids: number[]): void;
  /** C: adds a take to the compare set, or takes it out if it is there. */
  toggleCompare(id: number): void;
  /** The project the storyboard and costs show (null: not chosen yet). */
  projectId: number | null;
  setProjectId(id: number | null): void;
  /** Shows the Library narrowed to these facets (a shot's takes, say), with no search words. */
  showInLibrary(filter: SavedFilter): void;
  /** The latest showInLibrary request, for the Library to apply; `seq` tells repeats apart. */
  libraryRequest: { filter: SavedFilter; seq: number } | null;
}

const NavigationContext = createContext<Navigation | null>(null);
const ViewActiveContext = createContext(true);

export function NavigationProvider({ children }: { children: ReactNode }) {
  const [view, setView] = useState<ViewName>('library');
  const [compareIds, setCompareIds] = useState<number[]>([]);
  const [projectId, setProjectId] = useState<number | null>(null);
  const [libraryRequest, setLibraryRequest] = useState<Navigation['libraryRequest']>(null);
  const showInLibrary = useCallback((filter: SavedFilter) => {
    setLibraryRequest((r) => ({ filter, seq: (r?.seq ?? 0) + 1 }));
    setView('library');
  }, []);
  const openCompare = useCallback((ids: number[]) => {
    setCompareIds([...new Set(ids)].slice(0, COMPARE_MAX));
    setView('compare');
  }, []);
  const toggleCompare = useCallback((id: number) => {
    setCompareIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id].slice(-COMPARE_MAX)));
  }, []);
  const value = useMemo(
    () => ({ view, show: setView, compareIds, openCompare, toggleCompare, projectId, setProjectId, showInLibrary, libraryRequest }),
    [view, compareIds, openCompare, toggleCompare, projectId, showInLibrary, libraryRequest],
  );
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation() needs a <NavigationProvider> above it');
  return nav;
}

/** False inside a view that is mounted but hidden. */
export function useViewActive(): boolean {
  return useContext(ViewActiveContext);
}

export function ViewActive({ active, children }: { active: boolean; children: ReactNode }) {
  return <ViewActiveContext.Provider value={active}>{children}</ViewActiveContext.Provider>;
}
