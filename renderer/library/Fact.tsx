import type { ReactNode } from 'react';

/**
 * Labelled values as a two-column table with row headers: assistive tech reads each value with
 * its label, and tests find a value by its row header. (A <dl> would be the obvious markup, but
 * ARIA forbids naming a definition, so its value cannot be asked for by label.)
 */
export function FactTable({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <table className={className ? `facts ${className}` : 'facts'} aria-label={label}>
      <tbody>{children}</tbody>
    </table>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}
