// Handlers for bundles.* and handoff.write. Export/import run as background tasks (tasks.ts); the
// preview and hand-offs are direct calls whose refusals come back as contract errors.
import type { DomainHandlers } from './registry.js';
import type { Core } from '../core.js';
import { asContractError } from '../bundles/tasks.js';
import { writeHandoff } from '../handoff/handoff.js';

export function bundleHandlers(core: Core): DomainHandlers {
  return {
    'bundles.export': ({ projectId, renderIds, renders, references, layout, destination }) => ({
      taskId: core.bundles.startExport({
        ...(projectId !== undefined ? { projectIds: [projectId] } : { renderIds }), renders, references, layout, destination,
      }),
    }),
    'bundles.preview': ({ path }) => core.bundles.preview(path),
    'bundles.import': ({ path }) => ({ taskId: core.bundles.startImport(path) }),
    'bundles.cancel': ({ taskId }) => core.bundles.cancel(taskId),
    'bundles.task': ({ taskId }) => core.bundles.get(taskId),
    'handoff.write': async ({ format, projectId, renderIds, destination }) => {
      try {
        return await writeHandoff(core, format, projectId !== undefined ? { projectId } : { renderIds: renderIds! }, destination);
      } catch (err) {
        throw asContractError(err);
      }
    },
  };
}
