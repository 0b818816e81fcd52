import type { DomainHandlers } from './registry.js';
import type { Core } from '../core.js';
import { SavedFilter } from '../../shared/channels/grid.js';
import { editRenders, listTags } from '../catalogue/render-edits.js';
import { deleteSavedSearch, listSavedSearches, saveSearch, type SavedSearchRow } from '../catalogue/saved-searches.js';

/** A stored filter that no longer fits the contract (an older version's field) is dropped, not fatal. */
function savedSearch(row: SavedSearchRow) {
  const filter = SavedFilter.safeParse(row.filter);
  return { ...row, filter: filter.success ? filter.data : {} };
}

export function gridHandlers(core: Core): DomainHandlers {
  return {
    'renders.edit': (edit) => {
      const result = editRenders(core.db, edit);
      core.emit({ type: 'catalogue.changed', entity: 'renders', ids: [...new Set([...edit.ids, ...result.unpicked])] });
      return result;
    },
    'renders.facets': ({ filter }) => core.reader.run('renders.facets', { filter }),
    'renders.highlights': (input) => core.reader.run('renders.highlights', input),
    'tags.list': () => listTags(core.db),
    'searches.list': () => listSavedSearches(core.db).map(savedSearch),
    'searches.save': (input) => savedSearch(saveSearch(core.db, input)),
    'searches.delete': ({ id }) => {
      deleteSavedSearch(core.db, id);
      return { deleted: true as const };
    },
  };
}
