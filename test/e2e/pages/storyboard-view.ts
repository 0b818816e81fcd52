import type { Locator, Page } from '@playwright/test';

/** Storyboard: the shot list with its take strips, add/rename/move, and the rough cut. */
export class StoryboardView {
  readonly root: Locator;
  readonly shots: Locator;
  readonly newShotName: Locator;
  readonly addShot: Locator;
  readonly playPicks: Locator;
  readonly roughCut: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('[data-view="storyboard"]');
    this.shots = this.root.getByRole('list', { name: 'Shots' }).locator(':scope > li');
    this.newShotName = this.root.getByRole('textbox', { name: 'New shot name' });
    this.addShot = this.root.getByRole('button', { name: 'Add shot' });
    this.playPicks = this.root.getByRole('button', { name: '▶ Play picks' });
    this.roughCut = this.root.getByRole('region', { name: 'Rough cut' });
  }

  shot(name: string): Locator {
    return this.root.getByRole('listitem', { name: new RegExp(`^Shot \\d+: ${name}$`) });
  }

  takes(shot: Locator): Locator {
    return shot.getByRole('list', { name: /^Takes of / }).getByRole('button');
  }

  /** The shots' names in order, as their row labels say ("Shot 1: Opening"). */
  async order(): Promise<string[]> {
    return (await this.shots.evaluateAll((ls) => ls.map((l) => l.getAttribute('aria-label') ?? ''))).map((l) => l.replace(/^Shot \d+: /, ''));
  }
}
