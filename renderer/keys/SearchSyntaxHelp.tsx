/**
 * The search syntax, as parsed by main/catalogue/query-syntax.ts (keep the two in step; docs/search.md
 * says the same at more length).
 */
const ROWS: Array<[string, string]> = [
  ['golden hour', 'renders whose name or prompt has words starting with “golden” and “hour”'],
  ['"golden hour"', 'the exact phrase'],
  ['provider:kling  model:kling-v2-1', 'made by this provider or model'],
  ['project:"Spring spot"  shot:Opening', 'filed under this project or shot (names, any case)'],
  ['task:image_to_video  kind:video', 'task type; media kind (video, image, audio)'],
  ['tag:hero', 'carrying this tag'],
  ['rating:>=4  rating:2..4  rating:0', 'stars (0 is unrated); also >, <, <='],
  ['cost:>5  cost:1..10', 'credits charged'],
  ['duration:<10', 'length in seconds'],
  ['date:2026-11-01  date:>=2026-11  date:today', 'day added (local time); a..b for a range'],
  ['is:pick  is:reject  is:unflagged', 'pick / reject flag'],
  ['has:children  -has:children', 'other renders were (not) made from it'],
];

export function SearchSyntaxHelp({ id }: { id?: string }) {
  return (
    <section className="syntax-help" aria-labelledby={`${id ?? 'syntax'}-title`}>
      <h3 id={`${id ?? 'syntax'}-title`}>Search syntax</h3>
      <p className="muted">Combine any of these; every part must match. Put a word with a colon in quotes to search for it as text.</p>
      <table className="keys-table syntax-table">
        <tbody>
          {ROWS.map(([example, meaning]) => (
            <tr key={example}>
              <th scope="row">
                <code>{example}</code>
              </th>
              <td>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
