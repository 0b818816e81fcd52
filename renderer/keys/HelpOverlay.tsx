import { useModalDialog } from '../app/use-modal-dialog.js';
import { displayChord } from './chords.js';
import { useKeyBindings, useKeyGroups } from './keymap-context.js';
import { SearchSyntaxHelp } from './SearchSyntaxHelp.js';
import type { KeyGroup } from './keymap.js';

/** Groups with the same title (two views both adding "Library" keys) shown as one list. */
function merged(groups: readonly KeyGroup[]): Array<{ title: string; rows: Array<{ keys: readonly string[]; label: string }> }> {
  const byTitle = new Map<string, Array<{ keys: readonly string[]; label: string }>>();
  for (const g of groups) {
    const rows = byTitle.get(g.title) ?? [];
    for (const b of g.bindings) if (!rows.some((r) => r.label === b.label)) rows.push({ keys: b.keys, label: b.label });
    byTitle.set(g.title, rows);
  }
  return [...byTitle].map(([title, rows]) => ({ title, rows }));
}

/**
 * `?` (or the bar's "Keys" button) opens the keyboard map: every key the views mounted now
 * respond to, from the keymap itself (so it cannot drift from what the keys do), and the search
 * syntax. Its open state is the App's, so the button and the key open the same overlay.
 */
export function HelpOverlay({ open, setOpen }: { open: boolean; setOpen(open: boolean): void }) {
  const groups = useKeyGroups();
  const ref = useModalDialog(open);
  useKeyBindings({
    title: 'General',
    bindings: [{ keys: ['?'], label: 'Show this keyboard map', run: () => setOpen(true) }],
  });
  return (
    <dialog
      ref={ref}
      className="dialog help-overlay"
      aria-labelledby="help-title"
      onClose={() => setOpen(false)}
      onKeyDown={(e) => {
        if (e.key === '?') {
          e.preventDefault();
          setOpen(false);
        }
      }}
    >
      {open && (
        <>
          <div className="detail-header">
            <h2 id="help-title" className="dialog-title">
              Keyboard
            </h2>
            <button type="button" className="button button-icon" aria-label="Close keyboard map" onClick={() => setOpen(false)}>
              ×
            </button>
          </div>
          <div className="help-columns">
            {merged(groups).map((g) => (
              <section key={g.title} className="help-group" aria-label={g.title}>
                <h3>{g.title}</h3>
                <table className="keys-table">
                  <tbody>
                    {g.rows.map((r) => (
                      <tr key={r.label}>
                        <th scope="row">
                          {r.keys.map((k) => (
                            <kbd key={k}>{displayChord(k)}</kbd>
                          ))}
                        </th>
                        <td>{r.label}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ))}
          </div>
          <SearchSyntaxHelp />
        </>
      )}
    </dialog>
  );
}
