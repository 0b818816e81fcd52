// Channels of the library grid: batch edits of takes, facet counts, search highlights and saved
// searches (smart collections).
import { z } from 'zod';
import { RENDER_FLAGS, RENDER_SORTS, type RenderSort } from '../domain.js';
import { channel, Empty, Id } from './channel.js';
import { MAX_EDIT_IDS } from '../grid-limits.js';
import { RenderFilter } from './library.js';

const TagName = z.string().trim().min(1).max(128);

export { MAX_EDIT_IDS };

export const RenderEditInput = z
  .object({
    ids: z.array(Id).min(1).max(MAX_EDIT_IDS),
    /** Stars, 0 (none) to 5. */
    rating: z.number().int().min(0).max(5).optional(),
    /** null clears pick/reject. Picking a take unpicks the other pick of its shot. */
    flag: z.enum(RENDER_FLAGS).nullable().optional(),
    addTags: z.array(TagName).max(20).optional(),
    removeTags: z.array(TagName).max(20).optional(),
    /** Files the takes under this shot (and its project); null takes them out of any shot. */
    shotId: Id.nullable().optional(),
  })
  .strict()
  .refine((e) => e.rating !== undefined || e.flag !== undefined || e.addTags?.length || e.removeTags?.length || e.shotId !== undefined, {
    message: 'say what to change: rating, flag, addTags, removeTags or shotId',
  });

export interface RenderEditResult {
  updated: number;
  /** Takes that stopped being their shot's pick because a take of this edit became it. */
  unpicked: number[];
}

export interface FacetValue<V = string> {
  value: V;
  label: string;
  count: number;
}

export interface RenderFacets {
  projects: FacetValue<number>[];
  shots: FacetValue<number>[];
  providers: FacetValue[];
  models: FacetValue[];
  taskTypes: FacetValue[];
  kinds: FacetValue[];
  tags: FacetValue[];
  ratings: FacetValue<number>[];
  flags: FacetValue<'pick' | 'reject' | 'none'>[];
  hasChildren: FacetValue<boolean>[];
  costRange: { min: number; max: number } | null;
  createdRange: { min: number; max: number } | null;
}

export interface RenderHighlight {
  id: number;
  /** Title with matched words between \u0002 and \u0003. */
  title: string;
  /** Words of the prompt around the first match, marked the same way; '' when the prompt has none. */
  prompt: string;
}

/** A saved search's facet choices: the grid's filter without the typed text. */
export const SavedFilter = RenderFilter.omit({ text: true });
export type SavedFilter = z.infer<typeof SavedFilter>;

export interface SavedSearch {
  id: number;
  name: string;
  query: string;
  filter: SavedFilter;
  sort: RenderSort;
  createdAt: number;
}

export const gridChannels = {
  /** Stars, pick/reject, tags or shot for one take or many, in one transaction. */
  'renders.edit': channel(RenderEditInput).returns<RenderEditResult>(),
  /** Per-facet counts for the sidebar, each with the other filters applied but not its own. */
  'renders.facets': channel(z.object({ filter: RenderFilter.default({ text: '' }) }).strict()).returns<RenderFacets>(),
  /** Matched words marked in the titles and prompts of the renders on screen. */
  'renders.highlights': channel(z.object({ text: z.string().max(500), ids: z.array(Id).max(500) }).strict()).returns<RenderHighlight[]>(),
  /** Every tag, most used first. */
  'tags.list': channel(Empty).returns<Array<{ name: string; count: number }>>(),

  'searches.list': channel(Empty).returns<SavedSearch[]>(),
  /** Saves (or, under a name already used, replaces) a search. */
  'searches.save': channel(
    z
      .object({
        name: z.string().trim().min(1).max(120),
        query: z.string().trim().max(500).default(''),
        filter: SavedFilter.default({}),
        sort: z.enum(RENDER_SORTS).default('newest'),
      })
      .strict(),
  ).returns<SavedSearch>(),
  'searches.delete': channel(z.object({ id: Id }).strict()).returns<{ deleted: true }>(),
};
