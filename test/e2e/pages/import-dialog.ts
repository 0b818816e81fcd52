import { expect, type Locator, type Page } from '@playwright/test';
import { factCell } from './facts.js';

/** The "Import a folder…" dialog: folder path, progress, summary. */
export class ImportDialog {
  readonly root: Locator;
  readonly heading: Locator;
  readonly pathField: Locator;
  readonly importButton: Locator;
  readonly progress: Locator;
  readonly doneButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Import a folder' });
    this.heading = this.root.getByRole('heading', { level: 2 });
    this.pathField = this.root.getByLabel('Folder path');
    this.importButton = this.root.getByRole('button', { name: 'Import', exact: true });
    this.progress = this.root.getByRole('progressbar', { name: 'Import progress' });
    this.doneButton = this.root.getByRole('button', { name: 'Done' });
  }

  /** Types the folder's path (a browser has no native picker) and starts the import. */
  async importPath(folder: string): Promise<void> {
    await expect(this.root).toBeVisible();
    await this.pathField.fill(folder);
    await this.importButton.click();
  }

  /**
   * Waits for the summary. A folder of many clips (probe, poster and sprite each) takes longer
   * than the default wait on a loaded 2-core machine; `perFileMs` scales the wait with its size
   * instead of timing the import.
   */
  async waitUntilFinished(files = 0, perFileMs = 400): Promise<void> {
    await expect(this.heading).toHaveText('Import finished', { timeout: Math.max(20_000, files * perFileMs) });
  }

  /** One of the summary's counts: "Imported", "Duplicates", "Failed", "Ignored". */
  count(label: string): Locator {
    return factCell(this.root.getByRole('table', { name: 'Import counts' }), label);
  }

  /** The per-file lines of one outcome: "Failed", "Duplicates", "Ignored", "Imported". */
  files(outcome: string): Locator {
    return this.root.getByRole('list', { name: `${outcome} files` }).getByRole('listitem');
  }

  async close(): Promise<void> {
    await this.doneButton.click();
    await expect(this.root).toBeHidden();
  }
}
