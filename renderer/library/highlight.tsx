// FTS5 highlight() / snippet() output (matches between \u0002 and \u0003, see main/catalogue/facets.ts)
// as text with <mark>s: split into plain strings, so nothing the core sends is ever parsed as HTML.
import { Fragment } from 'react';

export function Marked({ text }: { text: string }) {
  const parts = text.split(/(\u0002[^\u0003]*\u0003)/);
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith('\u0002') ? <mark key={i}>{p.slice(1, -1)}</mark> : <Fragment key={i}>{p}</Fragment>,
      )}
    </>
  );
}
