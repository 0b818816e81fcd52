// From the grid's filter as the renderer sends it (facet choices plus what was typed in the search
// box) to the one filter the render queries run: the typed query is parsed (query-syntax.ts),
// names are looked up, and both halves are ANDed. Two halves that cannot both hold (a facet on
// provider kling, a typed provider:veo) make an empty result, not an error: that is what AND means.
import type { Db } from './open.js';
import type { RenderFilterParsed } from './renders.js';
import { parseQuery, QuerySyntaxError, type NumRange, type ParsedQuery } from './query-syntax.js';

export interface ResolvedFilter {
  filter: RenderFilterParsed;
  /** True when no render can match (contradictory halves, an unknown project or shot name). */
  empty: boolean;
  /** The parsed typed query (the free text is `filter.text`). */
  parsed: ParsedQuery;
}

type Equal = 'provider' | 'model' | 'taskType' | 'kind' | 'tag' | 'flag' | 'hasChildren' | 'projectId' | 'shotId';

export function resolveRenderFilter(db: Db, input: RenderFilterParsed, now?: Date): ResolvedFilter {
  const parsed = parseQuery(input.text, now);
  const out: RenderFilterParsed = { ...input, text: parsed.text };
  let empty = false;
  const and = <K extends Equal>(key: K, value: RenderFilterParsed[K] | undefined) => {
    if (value === undefined) return;
    const current = out[key];
    if (current !== undefined && (typeof current === 'string' && typeof value === 'string' ? current.toLowerCase() !== value.toLowerCase() : current !== value)) empty = true;
    else out[key] = value;
  };
  // Providers and task types are stored lower-case; a typed one is matched case-insensitively.
  and('provider', parsed.provider);
  and('model', parsed.model);
  and('taskType', parsed.taskType);
  and('kind', parsed.kind);
  and('tag', parsed.tag);
  and('flag', parsed.flag);
  and('hasChildren', parsed.hasChildren);
  if (parsed.ratingMin !== undefined) out.ratingMin = Math.max(out.ratingMin ?? 0, parsed.ratingMin);
  if (parsed.ratingMax !== undefined) out.ratingMax = Math.min(out.ratingMax ?? 5, parsed.ratingMax);
  out.cost = intersect(out.cost, parsed.cost);
  out.duration = intersect(out.duration, parsed.duration);
  out.created = intersect(out.created, parsed.created);

  if (parsed.projectName !== undefined) {
    const ids = db.prepare('SELECT id FROM projects WHERE name = ? COLLATE NOCASE').pluck().all(parsed.projectName) as number[];
    if (ids.length === 0) throw new QuerySyntaxError(`there is no project named “${parsed.projectName}”.`);
    if (ids.length > 1) throw new QuerySyntaxError(`${ids.length} projects are named “${parsed.projectName}”; pick one in the Project facet instead.`);
    and('projectId', ids[0]);
  }
  if (parsed.shotName !== undefined) {
    const rows = db
      .prepare('SELECT id, project_id AS projectId FROM shots WHERE name = ? COLLATE NOCASE')
      .all(parsed.shotName) as Array<{ id: number; projectId: number }>;
    const inProject = out.projectId !== undefined ? rows.filter((r) => r.projectId === out.projectId) : rows;
    if (inProject.length === 0) throw new QuerySyntaxError(`there is no shot named “${parsed.shotName}”${out.projectId !== undefined ? ' in this project' : ''}.`);
    if (inProject.length > 1) throw new QuerySyntaxError(`${inProject.length} shots are named “${parsed.shotName}” (in different projects); add project:"…" to say which.`);
    and('shotId', inProject[0]!.id);
  }
  if ((out.ratingMin ?? 0) > (out.ratingMax ?? 5)) empty = true;
  return { filter: out, empty, parsed };
}

/** Both ranges at once: the stricter lower and upper bounds. */
function intersect(a: NumRange | undefined, b: NumRange | undefined): NumRange | undefined {
  if (!a) return b;
  if (!b) return a;
  const out: NumRange = { ...a };
  for (const key of ['gt', 'gte'] as const) if (b[key] !== undefined) out[key] = Math.max(out[key] ?? -Infinity, b[key]!);
  for (const key of ['lt', 'lte'] as const) if (b[key] !== undefined) out[key] = Math.min(out[key] ?? Infinity, b[key]!);
  return out;
}
