import type { Locator } from '@playwright/test';

/** The value cell of a labelled row ("Duration" → "0:02.00") in a facts table under `scope`. */
export function factCell(scope: Locator, label: string): Locator {
  return scope
    .getByRole('row')
    .filter({ has: scope.page().getByRole('rowheader', { name: label, exact: true }) })
    .getByRole('cell');
}
