// Handlers for bundles.*, handoff.write and handoff.cancel. Export/import run as background tasks (tasks.ts); the
// preview and hand-offs are direct calls whose refusals come back as contract errors.
import type { DomainHandlers } from './registry.js';
import type { Core } from '../core.js';
import { asContractError } from '../bundles/tasks.js';
import { writeHandoff } from '../handoff/handoff.js';
import { ContractError } from '../../shared/errors.js';
import type { BundleProgressInfo } from '../../shared/channels/bundles.js';

export function bundleHandlers(core: Core): DomainHandlers {
  /** Hand-offs being written, by the id their caller chose, so they can be cancelled. */
  const handoffWrites = new Map<string, AbortController>();
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
    'handoff.write': async ({ format, projectId, renderIds, destination, writeId }) => {
      if (writeId !== undefined && handoffWrites.has(writeId)) throw new ContractError('conflict', 'That hand-off is already being written.', [{ field: 'writeId', message: 'in use' }]);
      const abort = new AbortController();
      if (writeId !== undefined) handoffWrites.set(writeId, abort);
      try {
        // Progress goes to the window that named the write (by its id); without one, nobody asks.
        const onProgress = writeId !== undefined ? (progress: BundleProgressInfo) => core.emit({ type: 'handoff.progress', writeId, progress }) : undefined;
        return await writeHandoff(core, format, projectId !== undefined ? { projectId } : { renderIds: renderIds! }, destination, abort.signal, onProgress);
      } catch (err) {
        throw asContractError(err);
      } finally {
        if (writeId !== undefined) handoffWrites.delete(writeId);
      }
    },
    'handoff.cancel': ({ writeId }) => {
      const abort = handoffWrites.get(writeId);
      abort?.abort();
      return { cancelled: abort !== undefined };
    },
  };
}
