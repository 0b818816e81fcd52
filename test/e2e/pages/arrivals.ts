import type { Locator, Page } from '@playwright/test';

/** The "files arrived" notices a watched folder raises at the bottom of the window. */
export class ArrivalsNotices {
  constructor(readonly page: Page) {}

  /** A notice by its headline, e.g. "1 new clip from Downloads". */
  notice(headline: string | RegExp): Locator {
    return this.page.getByRole('region', { name: headline });
  }

  showInLibrary(notice: Locator): Locator {
    return notice.getByRole('button', { name: 'Show in library' });
  }

  dismiss(notice: Locator): Locator {
    return notice.getByRole('button', { name: /^Dismiss/ });
  }
}
