// A corpus of bad bundles, built here from a good one: each must be refused with an error naming
// the entry at fault, and the library must be exactly as it was (catalogue, store, thumbnails,
// staging area).
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import type { Core } from '../../main/core.js';
import { exportBundle } from '../../main/bundles/export.js';
import { importBundle, previewBundle } from '../../main/bundles/import.js';
import { openTestCore } from '../helpers/core.js';
import { buildSampleProject } from '../helpers/bundle-library.js';
import { tempDir } from '../helpers/temp.js';
import { manifestOf, readZip, rewriteZip, truncate, withManifest, writeZip, type ZipItem } from '../helpers/zip-surgery.js';

let fixtures: ReturnType<typeof tempDir>;
let good: string;
let goodFolder: string;

beforeAll(async () => {
  fixtures = tempDir('dailies-bad-bundles-');
  const src = openTestCore(path.join(fixtures.path, 'lib'));
  try {
    const sample = await buildSampleProject(src, path.join(fixtures.path, 'src'));
    good = (await exportBundle(src, { projectIds: [sample.projectId], destination: path.join(fixtures.path, 'good.dailies') })).destination;
    goodFolder = (await exportBundle(src, { projectIds: [sample.projectId], destination: path.join(fixtures.path, 'good-folder'), layout: 'folder' })).destination;
  } finally {
    await src.close();
  }
});
afterAll(() => fixtures.cleanup());

let lib: ReturnType<typeof tempDir>;
let core: Core;
beforeEach(() => {
  lib = tempDir('dailies-target-');
  core = openTestCore(lib.path);
});
afterEach(async () => {
  await core.close();
  lib.cleanup();
});

let n = 0;
const bad = async (change: (items: ZipItem[]) => ZipItem[]) => {
  const file = path.join(fixtures.path, `bad-${n++}.dailies`);
  await rewriteZip(good, file, change);
  return file;
};
const libraryState = () => ({
  rows: core.db.prepare(
    `SELECT (SELECT count(*) FROM projects) + (SELECT count(*) FROM renders) + (SELECT count(*) FROM assets) +
       (SELECT count(*) FROM jobs) + (SELECT count(*) FROM charges) + (SELECT count(*) FROM settings) AS n`,
  ).pluck().get(),
  files: readdirSync(core.layout.root, { recursive: true }).map(String).filter((f) => !f.startsWith('catalogue.sqlite')).sort(),
});
const media = (items: ZipItem[]) => items.find((i) => i.name.startsWith('media/') && i.name.endsWith('.mp4'))!;

/** Imports `file`, expects a refusal with `code` whose message names `entry`, and an untouched library. */
async function expectRefused(
  file: string, code: string, entry?: string | RegExp, limits?: { maxManifestBytes: number },
  /** False for faults only reading the media finds (checksums, undecodable files): the preview reads the manifest alone. */
  previewSees = true,
) {
  const before = libraryState();
  const err = await importBundle(core, file, limits ? { limits } : {}).then(() => null, (e: unknown) => e as { code: string; message: string; entry?: string });
  expect(err, 'the bundle was imported').not.toBeNull();
  expect(err!.code).toBe(code);
  if (entry) {
    expect(err!.message).toMatch(typeof entry === 'string' ? new RegExp(entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : entry);
  }
  expect(libraryState()).toEqual(before);
  // The preview refuses it the same way, before anything is staged.
  if (previewSees) await expect(previewBundle(core, file, limits)).rejects.toMatchObject({ code });
}

describe('refusing bad bundles', () => {
  it('imports the good bundle the corpus is built from', async () => {
    const res = await importBundle(core, good);
    expect(res.plan.counts.renders.added).toBe(3);
  });

  it('refuses an absolute path', async () => {
    await expectRefused(await bad((items) => [...items, { name: '/tmp/dailies-evil.sh', data: Buffer.from('echo') }]), 'unsafe_entry', '"/tmp/dailies-evil.sh" is an absolute path');
  });

  it('refuses a path that climbs out with ..', async () => {
    await expectRefused(await bad((items) => [...items, { name: 'media/../../evil.mp4', data: Buffer.from('x') }]), 'unsafe_entry', '"media/../../evil.mp4" climbs out');
  });

  it('refuses a drive letter', async () => {
    await expectRefused(await bad((items) => [...items, { name: 'C:/Windows/evil.dll', data: Buffer.from('x') }]), 'unsafe_entry', '"C:/Windows/evil.dll" starts with a drive letter');
  });

  it('refuses a backslash path', async () => {
    await expectRefused(await bad((items) => [...items, { name: 'media\\evil.mp4', data: Buffer.from('x') }]), 'unsafe_entry', 'backslash');
  });

  it('refuses a symlink entry', async () => {
    await expectRefused(await bad((items) => [...items, { name: 'media/link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]), 'unsafe_entry', '"media/link" is a symbolic link');
  });

  it('refuses a device file entry', async () => {
    await expectRefused(await bad((items) => [...items, { name: 'media/dev', data: Buffer.alloc(0), mode: 0o020666 }]), 'unsafe_entry', '"media/dev" is a character device');
  });

  it('refuses duplicate names, also when they differ only in case', async () => {
    await expectRefused(await bad((items) => [...items, { ...media(items) }]), 'duplicate_entry', 'appears twice');
    await expectRefused(await bad((items) => [...items, { ...media(items), name: media(items).name.toUpperCase().replace('MEDIA/', 'media/') }]), 'duplicate_entry', 'appears twice');
  });

  it('refuses a compression bomb before inflating it', async () => {
    const file = await bad((items) => {
      const m = manifestOf(items) as { files: { path: string; sha256: string; size: number }[] };
      const bomb = Buffer.alloc(64 * 1024 * 1024);
      const sha = '0'.repeat(64);
      m.files.push({ path: `media/${sha}.mp4`, sha256: sha, size: bomb.length });
      return [...withManifest(items, m), { name: `media/${sha}.mp4`, data: bomb, compress: true }];
    });
    expect(deflateRawSync(Buffer.alloc(1024 * 1024)).length).toBeLessThan(2048); // what makes the ratio
    await expectRefused(file, 'bomb', /"media\/0{64}\.mp4" would expand \d+× \(a compression bomb\)/);
  });

  it('refuses an oversized manifest', async () => {
    await expectRefused(good, 'manifest_too_large', '"manifest.json" is', { maxManifestBytes: 1000 });
  });

  it('refuses an unknown schema version and something that is not a bundle', async () => {
    await expectRefused(await bad((items) => withManifest(items, { ...manifestOf(items), version: 2 })), 'unknown_version', /format version 2.*Update Dailies/);
    await expectRefused(await bad((items) => withManifest(items, { ...manifestOf(items), format: 'other' })), 'not_a_bundle', 'not a Dailies bundle');
    await expectRefused(await bad((items) => items.filter((i) => i.name !== 'manifest.json')), 'not_a_bundle', 'has no manifest.json');
  });

  it('refuses a manifest that breaks its schema, naming the field', async () => {
    await expectRefused(await bad((items) => {
      const m = manifestOf(items) as { renders: Record<string, unknown>[] };
      m.renders[0]!.uid = '../../x';
      return withManifest(items, m);
    }), 'bad_manifest', /renders\.0\.uid/);
  });

  it('refuses a bad checksum, naming the file', async () => {
    const file = await bad((items) => {
      const target = media(items);
      const data = Buffer.from(target.data);
      const mid = Math.floor(data.length / 2);
      data[mid] = data[mid]! ^ 0xff;
      return items.map((i) => (i === target ? { ...i, data } : i));
    });
    const name = media(await readZip(file)).name;
    await expectRefused(file, 'bad_checksum', `"${name}" does not match its checksum`, undefined, false);
  });

  it('refuses a truncated archive', async () => {
    const file = path.join(fixtures.path, 'truncated.dailies');
    truncate(good, file, 0.6);
    await expectRefused(file, 'truncated', 'truncated');
  });

  it('refuses a file that is not a zip', async () => {
    const file = path.join(fixtures.path, 'not-a-zip.dailies');
    writeFileSync(file, 'hello, this is plain text and not a bundle at all '.repeat(20));
    await expectRefused(file, 'truncated', 'not-a-zip.dailies');
  });

  it('refuses entries the manifest does not list, and listed files that are missing', async () => {
    await expectRefused(await bad((items) => [...items, { name: 'media/extra.txt', data: Buffer.from('x') }]), 'unexpected_entry', '"media/extra.txt" is not listed');
    const missing = await bad((items) => items.filter((i) => i !== media(items)));
    await expectRefused(missing, 'missing_file', /"media\/[0-9a-f]{64}\.mp4" is listed in the manifest but not in the bundle/);
  });

  it('refuses media ffmpeg cannot decode, naming it', async () => {
    const file = await bad((items) => {
      const m = manifestOf(items) as { files: { path: string; sha256: string; size: number }[]; assets: { sha256: string }[]; renders: { assetSha256: string }[] };
      const target = media(items);
      const junk = Buffer.from('not a video at all '.repeat(100));
      const sha = createHash('sha256').update(junk).digest('hex');
      const oldSha = target.name.slice(6, 70);
      const rename = (s: string) => s.replaceAll(oldSha, sha);
      m.files = m.files.map((f) => (f.sha256 === oldSha ? { path: rename(f.path), sha256: sha, size: junk.length } : f));
      const json = rename(JSON.stringify(m));
      return withManifest(items, JSON.parse(json)).map((i) => (i === target ? { name: rename(i.name), data: junk } : i));
    });
    await expectRefused(file, 'undecodable_media', /"media\/[0-9a-f]{64}\.mp4" is not a video Dailies can decode/, undefined, false);
  });

  it('refuses a bundle folder holding a symlink or a listed file swapped for one', async () => {
    const folder = path.join(fixtures.path, 'folder-with-link');
    cpSync(goodFolder, folder, { recursive: true });
    symlinkSync('/etc/passwd', path.join(folder, 'media', 'passwd'));
    await expectRefused(folder, 'unsafe_entry', '"media/passwd" is a symbolic link');

    const swapped = path.join(fixtures.path, 'folder-swapped');
    cpSync(goodFolder, swapped, { recursive: true });
    const victim = readdirSync(path.join(swapped, 'media')).find((f) => f.endsWith('.mp4'))!;
    const content = readFileSync(path.join(swapped, 'media', victim));
    mkdirSync(path.join(fixtures.path, 'elsewhere'), { recursive: true });
    writeFileSync(path.join(fixtures.path, 'elsewhere', victim), content);
    rmSync(path.join(swapped, 'media', victim));
    symlinkSync(path.join(fixtures.path, 'elsewhere', victim), path.join(swapped, 'media', victim));
    await expectRefused(swapped, 'unsafe_entry', `"media/${victim}" is a symbolic link`);
  });

  it('refuses zips with the wrong entry types in a hand-made archive too', async () => {
    const file = path.join(fixtures.path, 'fifo.dailies');
    await writeZip(file, [{ name: 'manifest.json', data: Buffer.from('{}') }, { name: 'pipe', data: Buffer.alloc(0), mode: 0o010644 }]);
    await expectRefused(file, 'unsafe_entry', '"pipe" is a FIFO');
  });
});
