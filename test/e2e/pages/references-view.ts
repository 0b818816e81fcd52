import { expect, type Locator, type Page } from '@playwright/test';
import { ViewsNav } from './views-nav.js';

/** The References view: import, each reference's card (quality badge, role), the Kling element form. */
export class ReferencesView {
  readonly root: Locator;
  readonly importButton: Locator;
  readonly checkAgainst: Locator;
  readonly emptyState: Locator;
  readonly cards: Locator;
  readonly elementForm: Locator;
  readonly elementAccount: Locator;
  readonly elementName: Locator;
  readonly createElementButton: Locator;
  readonly elementCreated: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('[data-view="references"]');
    this.importButton = this.root.getByRole('button', { name: 'Import references…' });
    this.checkAgainst = this.root.getByRole('combobox', { name: 'Check against' });
    this.emptyState = this.root.getByRole('region', { name: 'No references yet' });
    // Each card has its role menu (the quality reasons inside a card are list items too).
    this.cards = this.root.getByRole('list', { name: 'Reference files' }).getByRole('listitem').filter({ has: page.getByRole('combobox', { name: /^Role of / }) });
    this.elementForm = this.root.getByRole('form', { name: 'Create Kling element' });
    this.elementAccount = this.elementForm.getByRole('combobox', { name: 'Kling account' });
    this.elementName = this.elementForm.getByRole('textbox', { name: 'Element name' });
    this.createElementButton = this.elementForm.getByRole('button', { name: 'Create Kling element' });
    this.elementCreated = this.elementForm.getByRole('status');
  }

  async open(): Promise<void> {
    await new ViewsNav(this.page).show('References');
    await expect(this.root).toBeVisible();
  }

  card(title: string): Locator {
    return this.root.getByRole('list', { name: 'Reference files' }).getByRole('listitem', { name: title, exact: true });
  }

  /** The badge ("✓ Good for Kling", "⚠ Check for Kling") and its reasons. */
  quality(title: string): Locator {
    return this.card(title).getByRole('group', { name: `Quality of ${title}` });
  }

  reasons(title: string): Locator {
    return this.quality(title).getByRole('listitem');
  }

  role(title: string): Locator {
    return this.card(title).getByRole('combobox', { name: `Role of ${title}` });
  }

  pickForElement(title: string): Locator {
    return this.card(title).getByRole('checkbox', { name: /For a Kling element/ });
  }
}
