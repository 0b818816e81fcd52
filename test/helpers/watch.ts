// A Core on a temporary library, with temporary folders to watch, opened before each test and
// closed after it: the setup of every watched-folder suite.
import { afterEach, beforeEach } from 'vitest';
import { Core } from '../../main/core.js';
import type { CoreEvent } from '../../shared/events.js';
import { tempDir } from './temp.js';

export interface WatchedCore {
  lib: ReturnType<typeof tempDir>;
  /** The folder the tests watch. */
  src: ReturnType<typeof tempDir>;
  /** A folder outside the watched one, where files are made before they are moved in. */
  gen: ReturnType<typeof tempDir>;
  core: Core;
  /** Every event the current core has sent. */
  events: CoreEvent[];
  /** Opens a new Core on the same library (after the test closed the previous one). */
  reopen(): void;
}

export function useWatchedCore(stabilityMs: number): WatchedCore {
  const w = {} as WatchedCore;
  w.reopen = () => {
    w.core = new Core({ libraryDir: w.lib.path, host: 'test', log: () => {}, watchStabilityMs: stabilityMs });
    w.events = [];
    w.core.onEvent((e) => w.events.push(e));
  };
  beforeEach(() => {
    w.lib = tempDir('dailies-lib-');
    w.src = tempDir('dailies-watch-');
    w.gen = tempDir('dailies-gen-');
    w.reopen();
  });
  afterEach(async () => {
    await w.core.close();
    for (const d of [w.lib, w.src, w.gen]) d.cleanup();
  });
  return w;
}
