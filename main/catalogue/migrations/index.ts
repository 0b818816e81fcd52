import { sql as domain } from './0001-domain.js';
import { sql as watch } from './0002-watch.js';
import { sql as jobs } from './0003-jobs.js';
import { sql as searchTerms } from './0004-search.js';
import { sql as savedSearches } from './0005-saved-searches.js';
import { sql as posterBacklog } from './0006-poster-backlog.js';
import { sql as searchFacets } from './0007-search-facets.js';
import { sql as unconfirmedJobs } from './0008-unconfirmed-jobs.js';
import { sql as priceOverrides } from './0009-price-overrides.js';
import { sql as importedFromBundle } from './0010-imported-from-bundle.js';
import { sql as searchKeyBands } from './0011-search-key-bands.js';

/** Ordered list; the catalogue's schema version is the number of entries applied. Append only. */
export const MIGRATIONS: ReadonlyArray<{ name: string; sql: string; rebuild?: boolean }> = [
  { name: '0001-domain', sql: domain },
  { name: '0002-watch', sql: watch },
  { name: '0003-jobs', sql: jobs },
  { name: '0004-search', sql: searchTerms },
  { name: '0005-saved-searches', sql: savedSearches },
  { name: '0006-poster-backlog', sql: posterBacklog },
  { name: '0007-search-facets', sql: searchFacets },
  { name: '0008-unconfirmed-jobs', sql: unconfirmedJobs, rebuild: true },
  { name: '0009-price-overrides', sql: priceOverrides },
  { name: '0010-imported-from-bundle', sql: importedFromBundle },
  { name: '0011-search-key-bands', sql: searchKeyBands },
];
