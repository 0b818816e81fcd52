import type { Locator, Page } from '@playwright/test';

/** Hand off to an editor (Library → Hand off…, Storyboard → Hand off picks…, selection → Hand off selection…). */
export class HandoffDialog {
  readonly root: Locator;
  readonly heading: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Hand off to an editor' });
    this.heading = this.root.getByRole('heading', { level: 2 });
    this.status = this.root.getByRole('status');
  }

  /** Chooses a format by its label's start ("CMX 3600 EDL") and writes to `destination`. */
  async write(format: string, destination: string): Promise<void> {
    const start = format.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await this.root.getByRole('radio', { name: new RegExp(`^${start}`) }).check();
    await this.root.getByLabel('Save to (full path)').fill(destination);
    await this.root.getByRole('button', { name: 'Write', exact: true }).click();
  }
}
