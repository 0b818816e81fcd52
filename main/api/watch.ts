import type { DomainHandlers } from './registry.js';
import type { Core } from '../core.js';
import { locateAsset } from '../watch/locate.js';
import { missingShas } from '../catalogue/locations.js';

export function watchHandlers(core: Core): DomainHandlers {
  return {
    'watch.list': () => core.watch.list(),
    'watch.add': (input) => core.watch.add({ ...input, projectId: input.projectId ?? null }),
    'watch.remove': ({ id }) => core.watch.remove(id),
    'watch.update': ({ id, ...patch }) => core.watch.update(id, patch),
    'watch.rescan': ({ id }) => core.watch.rescan(id),
    'assets.missing': () => ({ sha256s: missingShas(core.db) }),
    'assets.locate': async (input) => {
      const result = await locateAsset(core.db, input, (p) => core.emit({ type: 'assets.relinkProgress', sha256: input.sha256, ...p }));
      const found = [input.sha256, ...result.relinked.map((r) => r.sha256)];
      core.emit({ type: 'assets.missing', sha256s: found, missing: false });
      return result;
    },
  };
}
