// Writes docs/bundle-manifest.schema.json from the zod manifest (main/bundles/manifest.ts).
// Run with `npm run bundle:schema`; test/unit/bundle-schema.test.ts fails when the file is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_SCHEMA_FILE, manifestJsonSchema } from '../main/bundles/manifest.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(path.join(root, MANIFEST_SCHEMA_FILE), `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${MANIFEST_SCHEMA_FILE}\n`);
