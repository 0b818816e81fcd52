import { expect, type Locator, type Page } from '@playwright/test';

/** The Jobs panel beside the grid, and its toggle in the toolbar. */
export class JobsPanel {
  readonly toggle: Locator;
  readonly root: Locator;
  readonly jobs: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    // Its name carries the count of active jobs: "Jobs" or "Jobs, 2 active".
    this.toggle = page.getByRole('banner').getByRole('button', { name: /^Jobs\b/ });
    this.root = page.getByRole('complementary', { name: 'Jobs' });
    this.jobs = this.root.getByRole('list', { name: 'Job list' }).getByRole('listitem');
    this.drawer = this.root.getByRole('region', { name: /^Job \d+ details$/ });
  }

  /** The newest job's card; its accessible name says its state ("Job 1: Done"). */
  get newest(): Locator {
    return this.jobs.first();
  }

  /** Waits until there are `count` jobs and every one has ended Done (the demo project's three take a while). */
  async expectAllDone(count: number): Promise<void> {
    await expect(this.jobs).toHaveCount(count);
    for (const job of await this.jobs.all()) await expect(job).toHaveAccessibleName(/^Job \d+: Done$/, { timeout: 60_000 });
  }

  progress(job: Locator): Locator {
    return job.getByRole('progressbar');
  }

  /** A done job's title: a button (named by the prompt) that shows its render in the library. */
  renderLink(job: Locator, prompt: string): Locator {
    return job.getByRole('button', { name: prompt, exact: true });
  }
}
