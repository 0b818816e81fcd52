import { useId, type ReactNode } from 'react';

/** A titled part of the detail panel; its heading names it for assistive tech and tests. */
export function Section({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  const id = useId();
  return (
    <section className="detail-section" aria-labelledby={id}>
      <div className="detail-section-head">
        <h3 id={id}>{title}</h3>
        {extra}
      </div>
      {children}
    </section>
  );
}

/** Key/value pairs (prompt fields, parameters); nested values are shown as compact JSON. */
export function KeyValues({ label, values }: { label: string; values: Record<string, unknown> }) {
  const entries = Object.entries(values);
  if (!entries.length) return null;
  return (
    <table className="kv" aria-label={label}>
      <tbody>
        {entries.map(([k, v]) => (
          <tr key={k}>
            <th scope="row" className="mono">{k}</th>
            <td className="mono breakable">{typeof v === 'string' ? v : JSON.stringify(v)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
