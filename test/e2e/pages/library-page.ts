import { expect, type Locator, type Page } from '@playwright/test';
import { factCell } from './facts.js';
import { ImportDialog } from './import-dialog.js';

/** The library window: toolbar, renders grid, detail panel. */
export class LibraryPage {
  readonly toolbar: Locator;
  readonly importButton: Locator;
  readonly search: Locator;
  readonly sort: Locator;
  readonly emptyState: Locator;
  readonly grid: Locator;
  readonly tiles: Locator;
  readonly renderCount: Locator;
  readonly detail: Locator;

  constructor(readonly page: Page) {
    this.toolbar = page.getByRole('banner');
    this.importButton = this.toolbar.getByRole('button', { name: 'Import a folder…' });
    this.search = page.getByRole('searchbox', { name: 'Search renders' });
    this.sort = page.getByRole('combobox', { name: 'Sort' });
    this.emptyState = page.getByRole('region', { name: 'Your library is empty' });
    this.grid = page.getByRole('listbox', { name: 'Renders' });
    this.tiles = this.grid.getByRole('option');
    this.renderCount = page.getByRole('status').filter({ hasText: /\brenders?\b/ });
    this.detail = page.getByRole('complementary', { name: 'Render details' });
  }

  /** Opens the token URL; the host sets its session cookie and redirects to the app. */
  async open(tokenUrl: string): Promise<void> {
    await this.page.goto(tokenUrl);
    await expect(this.page).toHaveTitle('Dailies');
  }

  tile(title: string): Locator {
    return this.grid.getByRole('option', { name: title, exact: true });
  }

  poster(tile: Locator): Locator {
    return tile.getByRole('img', { name: /^Poster of / });
  }

  /** The hover-scrub layer; present only while the pointer is over a tile whose sprite exists. */
  scrubStrip(tile: Locator): Locator {
    return tile.getByTestId('scrub-strip');
  }

  /** The empty library's "Create demo project" (three generations on the built-in demo account). */
  async createDemoProject(): Promise<void> {
    await this.emptyState.getByRole('button', { name: 'Create demo project' }).click();
  }

  /** Imports a folder through "Import a folder…" and closes the summary once it is finished. */
  async importFolder(folder: string): Promise<void> {
    await this.importButton.click();
    const dialog = new ImportDialog(this.page);
    await dialog.importPath(folder);
    await dialog.waitUntilFinished();
    await dialog.close();
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }

  /** A value in the detail panel, by its label ("Duration", "Resolution", …). */
  fact(label: string): Locator {
    return factCell(this.detail, label);
  }

  get detailTitle(): Locator {
    return this.detail.getByRole('heading', { level: 2 });
  }

  get player(): Locator {
    return this.detail.locator('video');
  }
}
