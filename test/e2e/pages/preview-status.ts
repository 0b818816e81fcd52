import type { Locator, Page } from '@playwright/test';

/** The views bar's preview status: "Making previews N of M" while posters and strips are made, then failures. */
export class PreviewStatus {
  readonly bar: Locator;
  readonly count: Locator;
  readonly failedButton: Locator;
  readonly failures: Locator;

  constructor(readonly page: Page) {
    const nav = page.getByRole('navigation', { name: 'Views' });
    this.bar = nav.getByRole('progressbar', { name: 'Making previews' });
    this.count = nav.getByTestId('preview-count');
    this.failedButton = nav.getByRole('button', { name: /previews? failed$/ });
    this.failures = nav.getByRole('region', { name: 'Previews that could not be made' });
  }

  failure(name: string): Locator {
    return this.failures.getByRole('listitem').filter({ hasText: name });
  }
}
