// A chart with its numbers one click away: "Show numbers" swaps in the table the chart is drawn from.
import { useId, useState, type ReactNode } from 'react';

export function ChartCard({ title, summary, chart, table, empty }: {
  title: string;
  /** One line under the title: the figure that matters most. */
  summary?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  /** Shown instead of both when there is nothing to draw. */
  empty?: string | null;
}) {
  const id = useId();
  const [numbers, setNumbers] = useState(false);
  return (
    <section className="chart-card" aria-labelledby={id}>
      <div className="chart-card-head">
        <h2 id={id}>{title}</h2>
        {!empty && (
          <button type="button" className="button button-small" aria-pressed={numbers} onClick={() => setNumbers((n) => !n)}>
            {numbers ? 'Show chart' : 'Show numbers'}
          </button>
        )}
      </div>
      {summary && <p className="chart-summary">{summary}</p>}
      {empty ? <p className="muted chart-empty">{empty}</p> : numbers ? <div className="chart-table">{table}</div> : <div className="chart-body">{chart}</div>}
    </section>
  );
}

