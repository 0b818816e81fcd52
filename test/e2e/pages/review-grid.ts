import type { Locator, Page } from '@playwright/test';

/** The review parts of the library: facets, smart collections, the batch bar. */
export class ReviewGrid {
  readonly facets: Locator;
  readonly collections: Locator;
  readonly batchBar: Locator;
  readonly clearFilters: Locator;
  readonly compareButton: Locator;
  /** Why Compare is off for this selection. */
  readonly compareNote: Locator;

  constructor(readonly page: Page) {
    this.facets = page.getByRole('complementary', { name: 'Filters' });
    this.collections = page.getByRole('region', { name: 'Smart collections' });
    this.batchBar = page.getByRole('toolbar', { name: 'Selected takes' });
    this.clearFilters = this.facets.getByRole('button', { name: 'Clear filters' });
    this.compareButton = this.batchBar.getByRole('button', { name: 'Compare', exact: true });
    this.compareNote = this.batchBar.getByRole('note');
  }

  facet(title: string): Locator {
    return this.facets.getByRole('region', { name: title, exact: true });
  }

  /** A facet's value button; its text ends with the count. */
  facetValue(title: string, label: string | RegExp): Locator {
    return this.facet(title).getByRole('button').filter({ hasText: label });
  }

  /** A saved search's button: its name, then how many takes it holds. */
  collection(name: string): Locator {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.collections.getByRole('button', { name: new RegExp(`^${escaped}( [\\d,?]+)?$`) });
  }

  /** How many takes a saved search holds, as its row says. */
  collectionCount(name: string): Locator {
    return this.collection(name).locator('.facet-count');
  }

  async saveSearch(name: string): Promise<void> {
    await this.collections.getByRole('button', { name: 'Save search…' }).click();
    await this.collections.getByRole('textbox', { name: 'Name of the saved search' }).fill(name);
    await this.collections.getByRole('button', { name: 'Save', exact: true }).click();
  }
}
