import { expect, type Locator, type Page } from '@playwright/test';

/** The bar that switches between Library, Storyboard, Compare and Costs. */
export class ViewsNav {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('navigation', { name: 'Views' });
  }

  item(name: 'Library' | 'Storyboard' | 'Compare' | 'Costs'): Locator {
    return this.root.getByRole('button', { name: new RegExp(`^${name}\\b`) });
  }

  async show(name: 'Library' | 'Storyboard' | 'Compare' | 'Costs'): Promise<void> {
    await this.item(name).click();
    await expect(this.item(name)).toHaveAttribute('aria-current', 'page');
  }
}
