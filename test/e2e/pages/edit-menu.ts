import { expect, type Locator, type Page } from '@playwright/test';

/** The Edit… menu in the detail panel and the edit dialog it opens. */
export class EditMenu {
  readonly button: Locator;
  readonly menu: Locator;
  readonly status: Locator;

  constructor(readonly page: Page, detail: Locator) {
    this.button = detail.getByRole('button', { name: 'Edit…' });
    this.menu = page.getByRole('menu', { name: 'Edits' });
    this.status = detail.getByRole('status').filter({ hasText: /job \d+ submitted/ });
  }

  item(name: string | RegExp): Locator {
    return this.menu.getByRole('menuitem', { name });
  }

  /** Opens one edit's dialog from the menu. */
  async open(name: string | RegExp, dialogName: string): Promise<EditDialogPage> {
    await this.button.click();
    await this.item(name).click();
    const dialog = new EditDialogPage(this.page.getByRole('dialog', { name: dialogName }));
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}

export class EditDialogPage {
  readonly submitButton: Locator;
  readonly estimate: Locator;
  readonly prompt: Locator;

  constructor(readonly root: Locator) {
    this.submitButton = root.getByRole('button', { name: /^Submit/ });
    this.estimate = root.getByRole('region', { name: 'Estimate' });
    this.prompt = root.getByRole('textbox', { name: /^Prompt/ });
  }

  /** The estimate shows credits before anything is sent. */
  async expectEstimate(): Promise<void> {
    await expect(this.estimate.getByRole('status')).toHaveText(/^Estimate: [\d.,]+ credits?$/);
  }

  async submit(): Promise<void> {
    await expect(this.submitButton).toBeEnabled();
    await this.submitButton.click();
    await expect(this.root).toBeHidden();
  }

  /** Drags the mouse across a fraction of `target` (0..1 coordinates from its top-left). */
  async drag(target: Locator, from: { x: number; y: number }, to: { x: number; y: number }, steps = 12): Promise<void> {
    const box = (await target.boundingBox())!;
    const page = target.page();
    await page.mouse.move(box.x + from.x * box.width, box.y + from.y * box.height);
    await page.mouse.down();
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      await page.mouse.move(box.x + (from.x + (to.x - from.x) * t) * box.width, box.y + (from.y + (to.y - from.y) * t) * box.height);
    }
    await page.mouse.up();
  }
}
