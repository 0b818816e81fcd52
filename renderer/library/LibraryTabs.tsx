import { tabKeyHandler } from '../app/tab-keys.js';

export type LibraryTab = 'renders' | 'references';

const TABS: { id: LibraryTab; label: string }[] = [
  { id: 'renders', label: 'Renders' },
  { id: 'references', label: 'References' },
];

export const tabId = (tab: LibraryTab) => `library-tab-${tab}`;
export const panelId = (tab: LibraryTab) => `library-panel-${tab}`;

/** Renders / References, with the arrow-key behaviour of the ARIA tabs pattern. */
export function LibraryTabs({ tab, onChange, counts }: { tab: LibraryTab; onChange(tab: LibraryTab): void; counts?: Record<LibraryTab, number> }) {
  const onKeyDown = tabKeyHandler(TABS.map((t) => t.id), tab, onChange, tabId);
  return (
    <div className="tabs" role="tablist" aria-label="Library" onKeyDown={onKeyDown}>
      {TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={tabId(t.id)}
          aria-selected={t.id === tab}
          aria-controls={panelId(t.id)}
          tabIndex={t.id === tab ? 0 : -1}
          className="tab"
          onClick={() => onChange(t.id)}
        >
          {t.label}
          {counts && <span className="tab-count"> {counts[t.id].toLocaleString('en-US')}</span>}
        </button>
      ))}
    </div>
  );
}
