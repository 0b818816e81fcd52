// The window's views and the bar that switches between them. The library is the shell's first
// view; Storyboard, Compare and Costs sit beside it. Each view is mounted on first visit and then
// kept (hidden) so coming back finds it as it was.
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { CompareView } from '../compare/CompareView.js';
import { ReferencesView } from '../references/ReferencesView.js';
import { StoryboardView } from '../storyboard/StoryboardView.js';
import { NavigationProvider, useNavigation, ViewActive, type ViewName } from './navigation.js';

// The charting library is most of the app's weight: loaded when Costs is first opened.
const CostsView = lazy(() => import('../costs/CostsView.js').then((m) => ({ default: m.CostsView })));

const LABELS: Record<ViewName, string> = { library: 'Library', storyboard: 'Storyboard', compare: 'Compare', costs: 'Costs', references: 'References' };

/** `navEnd`: shown at the right end of the views bar (the keyboard map's button). */
export function ReviewShell({ library, navEnd }: { library: ReactNode; navEnd?: ReactNode }) {
  return (
    <NavigationProvider>
      <Views library={library} navEnd={navEnd} />
    </NavigationProvider>
  );
}

function Views({ library, navEnd }: { library: ReactNode; navEnd?: ReactNode }) {
  const nav = useNavigation();
  const [visited, setVisited] = useState<Set<ViewName>>(() => new Set(['library']));
  if (!visited.has(nav.view)) setVisited(new Set([...visited, nav.view]));
  const pane = (name: ViewName, content: ReactNode) =>
    visited.has(name) && (
      <div className="shell-view" hidden={nav.view !== name} data-view={name}>
        <ViewActive active={nav.view === name}>{content}</ViewActive>
      </div>
    );
  return (
    <div className="shell">
      <nav className="shell-nav" aria-label="Views">
        {(Object.keys(LABELS) as ViewName[]).map((name) => (
          <button
            key={name}
            type="button"
            className="shell-nav-item"
            aria-current={nav.view === name ? 'page' : undefined}
            onClick={() => nav.show(name)}
          >
            {LABELS[name]}
            {name === 'compare' && nav.compareIds.length > 0 && <span className="shell-nav-count"> {nav.compareIds.length}</span>}
          </button>
        ))}
        {navEnd}
      </nav>
      {pane('library', library)}
      {pane('storyboard', <StoryboardView />)}
      {pane('compare', <CompareView />)}
      {pane('references', <ReferencesView />)}
      {pane('costs', <Suspense fallback={<progress className="progress-line" aria-label="Loading the cost charts" />}><CostsView /></Suspense>)}
    </div>
  );
}
