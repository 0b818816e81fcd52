import { expect, type Locator, type Page } from '@playwright/test';

/** Settings → Providers → one provider's "Prices" table: each price editable, with its source. */
export class ProviderPrices {
  readonly dialog: Locator;
  readonly region: Locator;
  readonly summary: Locator;
  readonly table: Locator;
  readonly problem: Locator;
  readonly resetAll: Locator;

  constructor(readonly page: Page, readonly providerLabel: string) {
    this.dialog = page.getByRole('dialog', { name: 'Settings' });
    this.region = this.dialog.getByRole('region', { name: providerLabel });
    this.summary = this.region.locator('summary', { hasText: /^Prices/ });
    this.table = this.region.getByRole('table', { name: `${providerLabel} prices` });
    this.problem = this.region.getByRole('alert');
    this.resetAll = this.region.getByRole('button', { name: `Reset all ${providerLabel} prices to built-in` });
  }

  /** Opens Settings (on its Providers tab) and unfolds this provider's prices. */
  async open(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
    await expect(this.dialog.getByRole('tab', { name: 'Providers' })).toHaveAttribute('aria-selected', 'true');
    await this.summary.click();
    await expect(this.table).toBeVisible();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close settings' }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** The price field of a row, named as the table names it ("kling-v2-6 · std"). */
  price(row: string): Locator {
    return this.table.getByRole('spinbutton', { name: `${row} price`, exact: true });
  }

  row(row: string): Locator {
    // `has` is matched inside each row, so it starts from the page, not from the table.
    return this.table.getByRole('row').filter({ has: this.page.getByRole('spinbutton', { name: `${row} price`, exact: true }) });
  }

  resetButton(row: string): Locator {
    return this.table.getByRole('button', { name: `Reset ${row} to built-in`, exact: true });
  }

  /** Types a price and presses Enter (which saves it). */
  async type(row: string, value: string): Promise<void> {
    await this.price(row).fill(value);
    await this.price(row).press('Enter');
  }
}
