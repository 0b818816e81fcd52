// Tests against a library of BIG_LIBRARY renders (big-library.ts), built once per worker and
// copied into each test's own library.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base } from './fixtures.js';
import { makeBigLibrary } from './big-library.js';

export const BIG_LIBRARY = 100_000;

export const test = base.extend<object, { bigLibrary: string }>({
  bigLibrary: [
    async ({}, use) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'dailies-e2e-big-'));
      try {
        makeBigLibrary(dir, BIG_LIBRARY);
        await use(dir);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    // About a minute on a busy two-core machine.
    { scope: 'worker', timeout: 300_000 },
  ],
  libraryTemplate: async ({ bigLibrary }, use) => use(bigLibrary),
});

export { expect } from './fixtures.js';
