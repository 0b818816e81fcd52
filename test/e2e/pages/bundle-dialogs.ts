import { type Locator, type Page } from '@playwright/test';

/** Library → Export… */
export class ExportBundleDialog {
  readonly root: Locator;
  readonly heading: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Export a bundle' });
    this.heading = this.root.getByRole('heading', { level: 2 });
  }
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Export…' }).click();
  }
  async exportTo(destination: string, opts: { picksOnly?: boolean } = {}): Promise<void> {
    if (opts.picksOnly) await this.root.getByLabel('Picks only').check();
    await this.root.getByLabel('Save to (full path)').fill(destination);
    await this.root.getByRole('button', { name: 'Export', exact: true }).click();
  }
}

/** Library → Import bundle… */
export class ImportBundleDialog {
  readonly root: Locator;
  readonly heading: Locator;
  readonly counts: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Import a bundle' });
    this.heading = this.root.getByRole('heading', { level: 2 });
    this.counts = this.root.getByRole('table', { name: 'What will merge' });
  }
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import bundle…' }).click();
  }
  async preview(file: string): Promise<void> {
    await this.root.getByLabel(/Bundle \(a \.dailies file/).fill(file);
    await this.root.getByRole('button', { name: 'Preview' }).click();
  }
  /** The cells of one row of the merge table: [new, updated, already here, conflicts]. */
  row(label: string): Locator {
    return this.counts.getByRole('row', { name: new RegExp(`^${label}\\b`) }).getByRole('cell');
  }
}
