// The documented bundle format (docs/bundle-manifest.schema.json) must be the one the code reads:
// the file is generated from the zod manifest, and this fails when someone changes one without
// regenerating the other (`npx tsx scripts/bundle-schema.ts`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_VERSION, MANIFEST_SCHEMA_FILE, manifestJsonSchema } from '../../main/bundles/manifest.js';
import { unsafeName } from '../../main/bundles/read-bundle.js';

describe('bundle manifest schema', () => {
  it('is kept in the repository exactly as generated from the zod types', () => {
    const onDisk = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', MANIFEST_SCHEMA_FILE), 'utf8')) as unknown;
    expect(onDisk, `${MANIFEST_SCHEMA_FILE} is stale: run npx tsx scripts/bundle-schema.ts`).toEqual(manifestJsonSchema());
  });

  it('names the format version it documents and every table a bundle carries', () => {
    const schema = manifestJsonSchema() as { properties: Record<string, { const?: unknown }>; required: string[] };
    expect(schema.properties.version?.const).toBe(BUNDLE_VERSION);
    for (const key of ['projects', 'shots', 'prompts', 'references', 'renders', 'lineage', 'jobs', 'charges', 'tags', 'ratings', 'files']) {
      expect(schema.required).toContain(key);
    }
  });
});

describe('entry names', () => {
  it('accepts plain relative names and refuses every way out of the bundle', () => {
    expect(unsafeName('manifest.json')).toBeNull();
    expect(unsafeName(`media/${'a'.repeat(64)}.mp4`)).toBeNull();
    expect(unsafeName('/etc/passwd')).toMatch(/absolute/);
    expect(unsafeName('a/../../b')).toMatch(/\.\./);
    expect(unsafeName('..')).toMatch(/\.\./);
    expect(unsafeName('C:/x')).toMatch(/drive letter/);
    expect(unsafeName('c:x')).toMatch(/drive letter/);
    expect(unsafeName('media\\x')).toMatch(/backslash/);
    expect(unsafeName('a//b')).toMatch(/empty/);
    expect(unsafeName('./a')).toMatch(/empty or "\."/);
    expect(unsafeName('a\u0000b')).toMatch(/NUL/);
    expect(unsafeName('')).toMatch(/empty name/);
  });
});
