import { useState, type ReactNode } from 'react';
import { ProvidersSettings } from './providers/ProvidersSettings.js';
import { WatchFoldersSettings } from './watch-folders/WatchFoldersSettings.js';
import { useModalDialog } from '../app/use-modal-dialog.js';
import { tabKeyHandler } from '../app/tab-keys.js';

interface SettingsTab {
  id: string;
  label: string;
  render(): ReactNode;
}

// One entry per settings view, each living in its own folder under renderer/settings/.
// A new view (Watch folders, Prices…) is one more entry here.
const TABS: SettingsTab[] = [
  { id: 'providers', label: 'Providers', render: () => <ProvidersSettings /> },
  { id: 'watch-folders', label: 'Watch folders', render: () => <WatchFoldersSettings /> },
];

const tabId = (id: string) => `settings-tab-${id}`;
const panelId = (id: string) => `settings-panel-${id}`;

/** Settings as a modal <dialog> with ARIA tabs down the side. */
export function SettingsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useModalDialog(open);
  const [tab, setTab] = useState(TABS[0]!.id);

  const onKeyDown = tabKeyHandler(TABS.map((t) => t.id), tab, setTab, tabId, 'vertical');
  const current = TABS.find((t) => t.id === tab) ?? TABS[0]!;

  return (
    <dialog ref={ref} className="dialog settings-dialog" aria-labelledby="settings-title" onClose={onClose}>
      {open && (
        <>
          <div className="detail-header">
            <h2 id="settings-title" className="dialog-title">
              Settings
            </h2>
            <button type="button" className="button button-icon" aria-label="Close settings" onClick={onClose}>
              ×
            </button>
          </div>
          <div className="settings-body">
            <div className="settings-tabs" role="tablist" aria-label="Settings" aria-orientation="vertical" onKeyDown={onKeyDown}>
              {TABS.map((t) => (
                <button
                  key={t.id}
                  type="button"
                  role="tab"
                  id={tabId(t.id)}
                  aria-selected={t.id === current.id}
                  aria-controls={panelId(t.id)}
                  tabIndex={t.id === current.id ? 0 : -1}
                  className="settings-tab"
                  onClick={() => setTab(t.id)}
                >
                  {t.label}
                </button>
              ))}
            </div>
            <section className="settings-panel" role="tabpanel" id={panelId(current.id)} aria-labelledby={tabId(current.id)}>
              {current.render()}
            </section>
          </div>
        </>
      )}
    </dialog>
  );
}

export function SettingsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Settings
      </button>
      <SettingsDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
