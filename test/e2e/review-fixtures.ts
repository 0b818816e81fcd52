// The review takes (review-media.ts) as a worker fixture, and their import through the UI: shared
// by the review views' specs (detail, compare, costs).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test as base } from './fixtures.js';
import { ImportDialog } from './pages/import-dialog.js';
import type { LibraryPage } from './pages/library-page.js';
import { makeReviewFolders } from './review-media.js';

export const test = base.extend<object, { reviewFolders: { parents: string; edits: string } }>({
  reviewFolders: [
    async ({}, use) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'dailies-e2e-review-'));
      try {
        await use(await makeReviewFolders(dir));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
});

/** Imports the parent, then its two edits (a sidecar's parent must already be in the library). */
export async function importBoth(library: LibraryPage, folders: { parents: string; edits: string }): Promise<void> {
  const dialog = new ImportDialog(library.page);
  for (const folder of [folders.parents, folders.edits]) {
    await library.importButton.click();
    await dialog.importPath(folder);
    await dialog.waitUntilFinished();
    await dialog.close();
  }
  await expect(library.tiles).toHaveCount(3);
}

export { expect };
