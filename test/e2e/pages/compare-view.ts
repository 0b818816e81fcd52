import type { Locator, Page } from '@playwright/test';

/** Compare: panes, the shared transport, layout and wipe, the diff table. */
export class CompareView {
  readonly root: Locator;
  readonly panes: Locator;
  readonly videos: Locator;
  readonly transport: Locator;
  readonly position: Locator;
  readonly diff: Locator;
  readonly diffTable: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('[data-view="compare"]');
    this.panes = this.root.getByTestId('compare-stage').getByRole('figure');
    this.videos = this.root.getByTestId('compare-stage').locator('video');
    this.transport = this.root.getByRole('group', { name: 'Compare controls' });
    this.position = this.transport.getByRole('slider', { name: 'Position' });
    this.diff = this.root.getByRole('region', { name: 'Differences' });
    this.diffTable = this.diff.getByRole('table', { name: 'Prompt and parameters' });
    this.empty = this.root.getByRole('region', { name: 'Nothing to compare' });
  }

  button(name: string): Locator {
    return this.transport.getByRole('button', { name, exact: true });
  }

  /** A row of the diff by its label ("Prompt", "cfg_scale"). */
  diffRow(label: string): Locator {
    return this.diffTable.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${label}( \\(differs\\))?$`) }) });
  }

  /**
   * Every pane's currentTime, read together at the start of a rendered frame (after the view's
   * own per-frame sync has run): the times of the frame the viewer is shown, compared at the
   * same instant however loaded the machine is.
   */
  times(): Promise<number[]> {
    return this.videos.evaluateAll(
      (vs: HTMLVideoElement[]) => new Promise<number[]>((resolve) => requestAnimationFrame(() => resolve(vs.map((v) => v.currentTime)))),
    );
  }

  paused(): Promise<boolean[]> {
    return this.videos.evaluateAll((vs: HTMLVideoElement[]) => vs.map((v) => v.paused));
  }

  async waitForMetadata(): Promise<boolean> {
    return this.videos.evaluateAll((vs: HTMLVideoElement[]) => vs.every((v) => v.readyState >= 2));
  }
}
