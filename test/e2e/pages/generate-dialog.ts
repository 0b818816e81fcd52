import { expect, type Locator, type Page } from '@playwright/test';

/** The "New generation" dialog: account, model settings, prompts, the live estimate, Submit. */
export class GenerateDialog {
  readonly openButton: Locator;
  readonly root: Locator;
  readonly account: Locator;
  readonly project: Locator;
  readonly shot: Locator;
  readonly taskType: Locator;
  readonly model: Locator;
  readonly duration: Locator;
  readonly aspectRatio: Locator;
  readonly prompt: Locator;
  readonly negativePrompt: Locator;
  readonly estimate: Locator;
  readonly estimateCredits: Locator;
  readonly problems: Locator;
  readonly submitButton: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByRole('banner').getByRole('button', { name: 'New generation' });
    this.root = page.getByRole('dialog', { name: 'New generation' });
    this.account = this.root.getByRole('combobox', { name: 'Account' });
    this.project = this.root.getByRole('combobox', { name: 'Project' });
    this.shot = this.root.getByRole('combobox', { name: 'Shot' });
    this.taskType = this.root.getByRole('combobox', { name: 'Task type' });
    this.model = this.root.getByRole('combobox', { name: 'Model' });
    this.duration = this.root.getByRole('combobox', { name: 'Duration' });
    this.aspectRatio = this.root.getByRole('combobox', { name: 'Aspect ratio' });
    this.prompt = this.root.getByRole('textbox', { name: 'Prompt', exact: true });
    this.negativePrompt = this.root.getByRole('textbox', { name: 'Negative prompt' });
    this.estimate = this.root.getByRole('region', { name: 'Estimate' });
    this.estimateCredits = this.estimate.getByRole('status');
    this.problems = this.root.getByRole('list', { name: 'Problems to fix before submitting' }).getByRole('listitem');
    this.submitButton = this.root.getByRole('button', { name: 'Submit', exact: true });
  }

  async open(): Promise<void> {
    await this.openButton.click();
    await expect(this.root).toBeVisible();
    // The form appears once the account's models have loaded.
    await expect(this.model).toBeVisible();
  }

  /** Waits for an estimate of the current settings (not "Estimating…" nor "updating…"). */
  async waitForEstimate(): Promise<void> {
    await expect(this.estimateCredits).toHaveText(/^Estimate: [\d.,]+ credits?$/);
    await expect(this.estimate).toHaveAttribute('aria-busy', 'false');
  }

  async submit(): Promise<void> {
    await expect(this.submitButton).toBeEnabled();
    await this.submitButton.click();
    await expect(this.root).toBeHidden();
  }
}
