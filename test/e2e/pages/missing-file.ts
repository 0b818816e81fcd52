import type { Locator } from '@playwright/test';

/** A take whose file went missing: the tile's badge and the detail panel's "Locate…" flow. */
export class MissingFile {
  readonly group: Locator;
  readonly locateButton: Locator;
  readonly pathField: Locator;
  readonly relinkButton: Locator;
  readonly relinkRestButton: Locator;

  constructor(readonly detail: Locator) {
    this.group = detail.getByRole('group', { name: 'Missing file' });
    this.locateButton = this.group.getByRole('button', { name: 'Locate…' });
    this.pathField = this.group.getByLabel('Full path of the file');
    this.relinkButton = this.group.getByRole('button', { name: 'Relink', exact: true });
    this.relinkRestButton = this.group.getByRole('button', { name: 'Relink the rest' });
  }

  static badge(tile: Locator): Locator {
    return tile.getByText('Missing', { exact: true });
  }

  async locate(file: string): Promise<void> {
    await this.locateButton.click();
    await this.pathField.fill(file);
    await this.relinkButton.click();
  }
}
