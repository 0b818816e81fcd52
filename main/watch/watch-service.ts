// Every watched folder of the open library: restored when the core opens, closed with it, and
// changed through the watch.* channels.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import type { WatchFolder } from '../../shared/channels/watch.js';
import type { CoreEvent } from '../../shared/events.js';
import { ContractError } from '../../shared/errors.js';
import {
  deleteWatchFolder, getWatchFolder, insertWatchFolder, listWatchFolders, updateWatchSettings, watchFolderByPath,
  type WatchSettings,
} from '../catalogue/watch-folders.js';
import { requireProject } from '../catalogue/projects.js';
import { isInside } from '../store/layout.js';
import { describeFsError } from '../import/walk.js';
import { FolderWatcher, type WatcherDeps } from './folder-watcher.js';

/** How long a file's size and mtime must stay the same before it is imported. */
export const DEFAULT_STABILITY_MS = 1000;
/** Files hashed and probed at once across all folders (the ffmpeg work inside is bounded by the pool). */
const FILES_AT_ONCE = 4;

export class WatchService {
  private readonly watchers = new Map<number, FolderWatcher>();
  private readonly deps: WatcherDeps;

  constructor(deps: Omit<WatcherDeps, 'files' | 'stabilityMs'> & { stabilityMs?: number }) {
    this.deps = { ...deps, files: pLimit(FILES_AT_ONCE), stabilityMs: deps.stabilityMs ?? DEFAULT_STABILITY_MS };
  }

  /** Starts a watcher for every folder in the catalogue (paused ones stay paused). */
  restore(): void {
    for (const row of listWatchFolders(this.deps.ctx.db)) this.launch(new FolderWatcher(row, this.deps));
  }

  list(): WatchFolder[] {
    return listWatchFolders(this.deps.ctx.db).map((row) => this.watchers.get(row.id)?.info() ?? { ...row, scan: null });
  }

  get(id: number): WatchFolder {
    const w = this.watchers.get(id);
    if (w) return w.info();
    const row = getWatchFolder(this.deps.ctx.db, id);
    if (!row) throw new ContractError('not_found', `There is no watched folder ${id}.`);
    return { ...row, scan: null };
  }

  async add(s: WatchSettings): Promise<WatchFolder> {
    const folder = await this.checkFolder(s.path);
    if (s.projectId != null) requireProject(this.deps.ctx.db, s.projectId);
    if (watchFolderByPath(this.deps.ctx.db, folder)) {
      throw new ContractError('conflict', `${folder} is already watched.`, [{ field: 'path', message: 'already watched' }]);
    }
    const id = insertWatchFolder(this.deps.ctx.db, { ...s, path: folder });
    const w = new FolderWatcher(getWatchFolder(this.deps.ctx.db, id)!, this.deps);
    this.launch(w);
    return w.info();
  }

  async remove(id: number): Promise<{ id: number }> {
    this.get(id);
    const w = this.watchers.get(id);
    this.watchers.delete(id);
    await w?.close();
    deleteWatchFolder(this.deps.ctx.db, id);
    return { id };
  }

  async update(id: number, patch: Parameters<typeof updateWatchSettings>[2]): Promise<WatchFolder> {
    this.get(id);
    if (patch.projectId != null) requireProject(this.deps.ctx.db, patch.projectId);
    updateWatchSettings(this.deps.ctx.db, id, patch);
    return this.restart(id);
  }

  rescan(id: number): Promise<WatchFolder> {
    this.get(id);
    return this.restart(id);
  }

  /** Resolves when every folder is quiet: nothing pending, importing or being reported. */
  async idle(): Promise<void> {
    await Promise.all([...this.watchers.values()].map((w) => w.idle()));
  }

  async close(): Promise<void> {
    const all = [...this.watchers.values()];
    this.watchers.clear();
    await Promise.all(all.map((w) => w.close()));
  }

  private async restart(id: number): Promise<WatchFolder> {
    await this.watchers.get(id)?.close();
    this.watchers.delete(id);
    const w = new FolderWatcher(getWatchFolder(this.deps.ctx.db, id)!, this.deps);
    this.launch(w);
    return w.info();
  }

  private launch(w: FolderWatcher): void {
    this.watchers.set(w.id, w);
    w.start().catch((err) => this.deps.log(`watch ${w.id}: ${(err as Error).stack ?? String(err)}`));
  }

  private async checkFolder(raw: string): Promise<string> {
    const bad = (message: string) => new ContractError('validation', message, [{ field: 'path', message }]);
    if (!path.isAbsolute(raw)) throw bad('Choose a folder by its full path.');
    const folder = path.resolve(raw);
    const st = await stat(folder).catch((err: unknown) => {
      throw bad(`That folder cannot be watched: ${describeFsError(err)}`);
    });
    if (!st.isDirectory()) throw bad('That is a file, not a folder.');
    const library = this.deps.ctx.layout.root;
    if (isInside(library, folder)) throw bad('That folder is inside the library itself; choose a folder outside it.');
    return folder;
  }
}
