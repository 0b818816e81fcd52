import { Core } from '../../main/core.js';
import type { CoreEvent } from '../../shared/events.js';
import type { ImportSummary } from '../../shared/domain.js';

export function openTestCore(libraryDir: string): Core {
  return new Core({ libraryDir, host: 'test', log: () => {} });
}

/** Runs "Import a folder…" through the contract and resolves with its summary, as the UI sees it. */
export async function importFolder(
  core: Core, folder: string, projectId?: number, opts: { asReferences?: boolean } = {},
): Promise<{ summary: ImportSummary; events: CoreEvent[] }> {
  const events: CoreEvent[] = [];
  const off = core.onEvent((e) => events.push(e));
  try {
    const finished = new Promise<ImportSummary>((resolve) => {
      const stop = core.onEvent((e) => {
        if (e.type === 'import.finished') {
          stop();
          resolve(e.summary);
        }
      });
    });
    await core.dispatch('import.folder', { path: folder, ...(projectId ? { projectId } : {}), ...opts });
    const summary = await finished;
    // Sprites are made after the summary; wait for them so the test sees the finished library.
    await core.imports.idle();
    return { summary, events };
  } finally {
    off();
  }
}
