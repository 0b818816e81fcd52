import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import type { PriceRow, PriceTableView } from '../../../shared/pricing/table.js';
import { formatPrice, pathKey } from '../../../shared/pricing/table.js';
import type { PricedProvider } from '../../../shared/pricing/index.js';
import { errorMessage } from '../../client/client.js';
import { useClient } from '../../client/client-context.js';
import { useLiveCall } from '../../client/use-live-call.js';

/** "kling-v2-6 · std", the name a row goes by in labels and messages. */
function rowName(row: Pick<PriceRow, 'model' | 'option'>): string {
  return row.option ? `${row.model} · ${row.option}` : row.model;
}

/**
 * Settings → Providers → one provider's prices: the built-in table with the user's own figures,
 * each editable (Enter or leaving the field saves it) and resettable to the built-in one. The
 * core answers every change with the whole table, and every window hears prices.changed.
 */
export function PriceTable({ provider, label }: { provider: PricedProvider; label: string }) {
  const client = useClient();
  const fetchTable = useCallback(() => client.call('prices.table', { provider }), [client, provider]);
  const live = useLiveCall(fetchTable, (e) => e.type === 'prices.changed' && e.provider === provider);
  // The answer to our own change arrives before its event: show it at once.
  const [mine, setMine] = useState<PriceTableView | null>(null);
  useEffect(() => setMine(null), [live.value]);
  const table = mine ?? live.value;
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (what: string, call: () => Promise<PriceTableView>): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    try {
      setMine(await call());
      return true;
    } catch (err) {
      setProblem(`${what}: not saved — ${errorMessage(err)}`);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const save = (row: PriceRow, price: number) => run(rowName(row), () => client.call('prices.set', { provider, path: row.path, price }));
  const reset = (row: PriceRow | null) =>
    run(row ? rowName(row) : `${label} prices`, () => client.call('prices.reset', { provider, ...(row ? { path: row.path } : {}) }));

  const yours = table?.rows.filter((r) => r.overridden).length ?? 0;
  return (
    <details className="price-table">
      <summary>
        Prices{yours > 0 ? ` (${yours} ${yours === 1 ? 'is' : 'are'} yours)` : ''}
      </summary>
      <p className="muted settings-note">
        Built-in prices are approximate (from third-party price lists) and only drive estimates and budget warnings;
        when {label} reports what a task cost, that is what the ledger books. A price you set here is used from the next
        estimate on; charges already recorded never change.
      </p>
      {live.error && !table && <p role="alert" className="error-text">Could not load prices: {live.error}</p>}
      {table && (
        <table className="job-table price-rows" aria-label={`${label} prices`}>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Option</th>
              <th scope="col">Price</th>
              <th scope="col">Unit</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <PriceRowEditor key={pathKey(row.path)} row={row} busy={busy} onSave={(p) => save(row, p)} onReset={() => void reset(row)} onInvalid={setProblem} />
            ))}
          </tbody>
        </table>
      )}
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-small" disabled={busy || yours === 0} onClick={() => void reset(null)}>
          Reset all {label} prices to built-in
        </button>
      </div>
    </details>
  );
}

interface RowProps {
  row: PriceRow;
  busy: boolean;
  onSave(price: number): Promise<boolean>;
  onReset(): void;
  onInvalid(message: string): void;
}

function PriceRowEditor({ row, busy, onSave, onReset, onInvalid }: RowProps) {
  const name = rowName(row);
  const [draft, setDraft] = useState(String(row.price));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setDraft(String(row.price));
    setInvalid(false);
  }, [row.price]);

  const commit = async () => {
    const text = draft.trim();
    const price = Number(text);
    if (text === String(row.price)) return;
    // An empty field would read as 0; say so rather than save a free price by accident.
    if (text === '' || !Number.isFinite(price)) {
      setInvalid(true);
      onInvalid(`${name}: not saved — enter a number (0 or more).`);
      return;
    }
    setInvalid(!(await onSave(price)));
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') void commit();
  };

  return (
    <tr>
      <td className="mono">{row.model}</td>
      <td>{row.option}</td>
      <td>
        <input
          className="input input-small price-input"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          aria-label={`${name} price`}
          aria-invalid={invalid}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKey}
          onBlur={() => void commit()}
        />
      </td>
      <td className="muted">{row.unit}</td>
      <td>
        {row.overridden ? (
          <>
            Yours (built-in {formatPrice(row.builtIn)}){' '}
            <button type="button" className="button button-small" disabled={busy} onClick={onReset} aria-label={`Reset ${name} to built-in`}>
              Reset to built-in
            </button>
          </>
        ) : (
          <span className="muted">Built-in</span>
        )}
      </td>
    </tr>
  );
}
