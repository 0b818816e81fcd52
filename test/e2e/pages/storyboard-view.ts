import type { Locator, Page } from '@playwright/test';

/** Storyboard: the shot list with its take strips, add/rename/move, and the rough cut. */
export class StoryboardView {
  readonly root: Locator;
  readonly shots: Locator;
  readonly newShotName: Locator;
  readonly addShot: Locator;
  readonly playPicks: Locator;
  readonly roughCut: Locator;
  readonly empty: Locator;
  readonly project: Locator;
  /** The header's "New project…", which opens the name form there. */
  readonly newProject: Locator;
  readonly projectName: Locator;
  readonly createProject: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('[data-view="storyboard"]');
    this.shots = this.root.getByRole('list', { name: 'Shots' }).locator(':scope > li');
    this.newShotName = this.root.getByRole('textbox', { name: 'New shot name' });
    this.addShot = this.root.getByRole('button', { name: 'Add shot' });
    this.playPicks = this.root.getByRole('button', { name: '▶ Play picks' });
    this.roughCut = this.root.getByRole('region', { name: 'Rough cut' });
    this.empty = this.root.getByRole('region', { name: 'No projects yet' });
    this.project = this.root.getByRole('combobox', { name: 'Project' });
    this.newProject = this.root.getByRole('button', { name: 'New project…' });
    this.projectName = this.root.getByRole('textbox', { name: 'Project name' });
    this.createProject = this.root.getByRole('button', { name: 'Create project' });
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
