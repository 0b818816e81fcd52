#!/usr/bin/env node
// Builds (or, with --noEmit, type-checks) the desktop shell in main/electron/. Electron is an
// optional dependency: where its package is missing there are no Electron types to compile
// against, so the shell is skipped with a note and `npm start` falls back to the browser.
//   node scripts/build-shell.mjs            → dist/main/electron/{main,core-process}.js, preload.cjs
//   node scripts/build-shell.mjs --noEmit   → type-check only (the shell and its e2e test)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const extra = process.argv.slice(2);
const unknown = extra.filter((a) => a !== '--noEmit');
if (unknown.length) {
  process.stderr.write(`build-shell: unknown argument(s) ${unknown.join(' ')} (only --noEmit)\n`);
  process.exit(2);
}

try {
  // The types ship in the npm package itself; the binary (absent here) is not needed to build.
  require.resolve('electron/electron.d.ts');
} catch {
  process.stdout.write('build-shell: the electron package is not installed, so the desktop shell is skipped (npm start will serve the app in a browser).\n');
  process.exit(0);
}

const tsc = require.resolve('typescript/bin/tsc');
const projects = ['main/electron/tsconfig.json', ...(extra.includes('--noEmit') ? ['test/electron/tsconfig.json'] : [])];
for (const project of projects) {
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, project), ...extra], { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}
