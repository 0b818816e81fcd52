import { expect, type Locator, type Page } from '@playwright/test';
import { factCell } from './facts.js';

export type WatchModeLabel = 'Copy into the library' | 'Reference in place';

/** Settings → Watch folders: the list of watched folders and the form that adds one. */
export class WatchFoldersSettings {
  readonly dialog: Locator;
  readonly tab: Locator;
  readonly list: Locator;
  readonly addButton: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Settings' });
    this.tab = this.dialog.getByRole('tab', { name: 'Watch folders' });
    this.list = this.dialog.getByRole('list', { name: 'Watched folders' });
    this.addButton = this.dialog.getByRole('button', { name: 'Watch a folder…' });
    this.form = this.dialog.getByRole('form', { name: 'Watch a folder' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
    await this.tab.click();
    await expect(this.tab).toHaveAttribute('aria-selected', 'true');
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close settings' }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Adds a folder by its path (a browser has no native picker) and waits until it is listed. */
  async add(folder: string, mode: WatchModeLabel): Promise<void> {
    await this.addButton.click();
    await this.form.getByLabel('Folder path').fill(folder);
    await this.form.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
    await this.form.getByRole('button', { name: 'Watch this folder' }).click();
    await expect(this.form).toBeHidden();
    await expect(this.folder(folder)).toBeVisible();
  }

  /** The folder's action buttons: "Pause", "Resume", "Rescan", "Edit options…", "Remove…", "Stop watching". */
  action(path: string, name: string): Locator {
    return this.folder(path).getByRole('button', { name, exact: true });
  }

  folder(path: string): Locator {
    return this.list.getByRole('listitem', { name: path, exact: true });
  }

  /** A value of a folder's settings table: "Mode", "Files seen", "Last error", … */
  fact(path: string, label: string): Locator {
    return factCell(this.folder(path).getByRole('table'), label);
  }

  status(path: string): Locator {
    return this.folder(path).locator('.watch-status');
  }

  /** The bar shown while a folder's initial scan (or a rescan) runs. */
  scanProgress(path: string): Locator {
    return this.folder(path).getByRole('progressbar', { name: 'Scan progress' });
  }

  /** "Scanning: 3 of 4 files" beside the bar. */
  scanCount(path: string): Locator {
    return this.folder(path).locator('.watch-scan');
  }
}
