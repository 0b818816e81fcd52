import { expect, type Locator, type Page } from '@playwright/test';

type ViewLabel = 'Library' | 'Storyboard' | 'Compare' | 'Costs' | 'References';

/** The bar that switches between Library, Storyboard, Compare, Costs and References. */
export class ViewsNav {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('navigation', { name: 'Views' });
  }

  item(name: ViewLabel): Locator {
    return this.root.getByRole('button', { name: new RegExp(`^${name}\\b`) });
  }

  async show(name: ViewLabel): Promise<void> {
    await this.item(name).click();
    await expect(this.item(name)).toHaveAttribute('aria-current', 'page');
  }
}
