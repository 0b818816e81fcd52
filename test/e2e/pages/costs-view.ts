import { expect, type Locator, type Page } from '@playwright/test';

/** The charts of the Costs view, by their headings. */
export type CostChart = 'Credits by day' | 'By provider' | 'By model' | 'By project' | 'Rerolls per shot' | 'ROI per prompt';

/** The numbers table each chart swaps in ("Show numbers"), by its accessible name. */
const TABLE_OF: Record<CostChart, string> = {
  'Credits by day': 'Credits by day',
  'By provider': 'Credits by provider',
  'By model': 'Credits by model',
  'By project': 'Credits by project',
  'Rerolls per shot': 'Rerolls per shot',
  'ROI per prompt': 'ROI per prompt',
};

/** Costs: the project and period choices, the totals, and each chart with its numbers one click away. */
export class CostsView {
  readonly root: Locator;
  readonly project: Locator;
  readonly period: Locator;
  /** Shown instead of the charts when nothing was spent in the period. */
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('[data-view="costs"]');
    this.project = this.root.getByRole('combobox', { name: 'Project' });
    this.period = this.root.getByRole('combobox', { name: 'Period' });
    this.empty = this.root.getByRole('region', { name: 'No spending yet' });
  }

  /** A total above the charts ("Credits spent", "Cost per picked second", "Takes that cost credits"). */
  total(label: string): Locator {
    return this.root.getByRole('group', { name: 'Totals' }).getByRole('group', { name: label, exact: true });
  }

  /** The total's figure as shown ("70", "17.5", "—"). */
  async totalValue(label: string): Promise<string> {
    return (await this.total(label).locator('.kpi-value').textContent()) ?? '';
  }

  chart(title: CostChart): Locator {
    return this.root.getByRole('region', { name: title, exact: true });
  }

  /** The chart as drawn (the recharts surface), while its numbers are hidden. */
  drawing(title: CostChart): Locator {
    return this.chart(title).locator('svg.recharts-surface').first();
  }

  table(title: CostChart): Locator {
    return this.chart(title).getByRole('table', { name: TABLE_OF[title] });
  }

  /** One click: the chart's numbers table in place of the drawing. */
  async showNumbers(title: CostChart): Promise<Locator> {
    const card = this.chart(title);
    await card.getByRole('button', { name: 'Show numbers' }).click();
    await expect(card.getByRole('button', { name: 'Show chart' })).toHaveAttribute('aria-pressed', 'true');
    return this.table(title);
  }

  /** The numbers table as the user reads it: one array of cell texts per body row, row header first. */
  async rows(title: CostChart): Promise<string[][]> {
    const table = this.table(title);
    await expect(table).toBeVisible();
    return table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
  }

  /** The column headings of a numbers table. */
  async headings(title: CostChart): Promise<string[]> {
    return this.table(title).locator('thead th').allTextContents();
  }
}
