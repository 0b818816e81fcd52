import type { Locator, Page } from '@playwright/test';

/** The `?` keyboard map: groups of keys and the search syntax. */
export class KeyboardHelp {
  readonly root: Locator;
  readonly closeButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Keyboard' });
    this.closeButton = this.root.getByRole('button', { name: 'Close keyboard map' });
  }

  group(title: string): Locator {
    return this.root.getByRole('region', { name: title });
  }

  /** Descriptions whose cell reaches past its group's column (so they cannot be read in place). */
  descriptionsOutside(): Promise<string[]> {
    return this.root.locator('section').evaluateAll((groups) =>
      groups.flatMap((g) => {
        const column = g.getBoundingClientRect();
        return [...g.querySelectorAll('td')]
          .filter((td) => {
            const r = td.getBoundingClientRect();
            return r.width < 40 || r.right > column.right + 1 || r.left < column.left - 1;
          })
          .map((td) => td.textContent ?? '');
      }),
    );
  }

  /** The row for an action, e.g. "Search"; its header cell holds the keys. */
  row(label: string): Locator {
    return this.root.getByRole('row').filter({ has: this.page.getByRole('cell', { name: label, exact: true }) });
  }
}
