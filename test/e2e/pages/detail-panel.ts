import { expect, type Locator, type Page } from '@playwright/test';

/** The detail panel of the selected take: player and transport, marks, sections, lineage. */
export class DetailPanel {
  readonly root: Locator;
  readonly title: Locator;
  readonly video: Locator;
  readonly transport: Locator;
  readonly timecode: Locator;
  readonly position: Locator;
  readonly pick: Locator;
  readonly reject: Locator;
  readonly rating: Locator;
  readonly actions: Locator;
  readonly lineage: Locator;
  readonly notes: Locator;
  /** Shown when P/X/0–5/C act on the grid's selection instead of this take. */
  readonly keysTargetNote: Locator;

  constructor(readonly page: Page, scope: Locator = page.locator('body')) {
    this.root = scope.getByRole('complementary', { name: 'Render details' });
    this.title = this.root.getByRole('heading', { level: 2 });
    this.video = this.root.locator('video');
    this.transport = this.root.getByRole('group', { name: 'Player controls' });
    this.timecode = this.transport.getByRole('status', { name: 'Timecode' });
    this.position = this.transport.getByRole('slider', { name: 'Position' });
    this.pick = this.root.getByRole('button', { name: /^(Pick|★ Picked)$/ });
    this.reject = this.root.getByRole('button', { name: /^(Reject|✕ Rejected)$/ });
    this.rating = this.root.getByRole('radiogroup', { name: 'Rating' });
    this.actions = this.root.getByRole('group', { name: 'Actions' });
    this.lineage = this.section('Lineage');
    this.notes = this.root.getByRole('textbox', { name: 'Notes' });
    this.keysTargetNote = this.root.getByRole('note').filter({ hasText: 'act on the takes selected in the grid' });
  }

  section(title: string): Locator {
    return this.root.getByRole('region', { name: title, exact: true });
  }

  button(name: string): Locator {
    return this.transport.getByRole('button', { name, exact: true });
  }

  star(n: number): Locator {
    return this.rating.getByRole('radio', { name: `${n} star${n > 1 ? 's' : ''}` });
  }

  /** Moves focus off the grid (whose arrows move the selection) so the player's keys apply. */
  async focusPlayer(): Promise<void> {
    await this.title.click();
  }

  async waitForMetadata(): Promise<void> {
    await expect.poll(() => this.video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
  }

  currentTime(): Promise<number> {
    return this.video.evaluate((v: HTMLVideoElement) => v.currentTime);
  }
}
