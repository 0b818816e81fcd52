// Building damaged and hostile bundles for the tests: read a good bundle's entries, change them,
// and write a new zip. yazl refuses to write unsafe names (absolute, "..", drive letters), so such
// names are written as same-length placeholders and patched into the bytes afterwards, which is
// exactly what a hostile tool would produce.
import { readFileSync, writeFileSync } from 'node:fs';
import yauzl from 'yauzl';
import yazl from 'yazl';

export interface ZipItem {
  name: string;
  data: Buffer;
  /** Unix mode with file type bits (e.g. 0o120777 for a symlink). */
  mode?: number;
  compress?: boolean;
}

export async function readZip(file: string): Promise<ZipItem[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const items: ZipItem[] = [];
  for await (const e of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of await zip.openReadStreamPromise(e)) chunks.push(c as Buffer);
    items.push({ name: e.fileName, data: Buffer.concat(chunks), compress: e.compressionMethod === 8 });
  }
  zip.close();
  return items;
}

/** Writes `items` as a zip; names yazl would refuse are patched in after writing. */
export async function writeZip(file: string, items: ZipItem[]): Promise<void> {
  const zip = new yazl.ZipFile();
  const patches: [Buffer, Buffer][] = [];
  items.forEach((item, i) => {
    let name = item.name;
    if (/^\/|^[A-Za-z]:|(^|\/)\.\.(\/|$)|\\/.test(name)) {
      const placeholder = `p${String(i).padStart(4, '0')}${'x'.repeat(Math.max(0, Buffer.byteLength(name) - 5))}`.slice(0, Buffer.byteLength(name));
      if (placeholder.length !== Buffer.byteLength(name)) throw new Error(`name too short to patch: ${name}`);
      patches.push([Buffer.from(placeholder), Buffer.from(name)]);
      name = placeholder;
    }
    zip.addBuffer(item.data, name, { compress: item.compress ?? false, ...(item.mode !== undefined ? { mode: item.mode } : {}) });
  });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  let bytes = Buffer.concat(chunks);
  for (const [from, to] of patches) {
    for (let at = bytes.indexOf(from); at >= 0; at = bytes.indexOf(from, at + 1)) to.copy(bytes, at);
  }
  writeFileSync(file, bytes);
  bytes = Buffer.alloc(0);
}

export async function rewriteZip(src: string, dest: string, change: (items: ZipItem[]) => ZipItem[]): Promise<void> {
  await writeZip(dest, change(await readZip(src)));
}

export function manifestOf(items: ZipItem[]): Record<string, unknown> {
  return JSON.parse(items.find((i) => i.name === 'manifest.json')!.data.toString('utf8')) as Record<string, unknown>;
}

export function withManifest(items: ZipItem[], m: unknown): ZipItem[] {
  return items.map((i) => (i.name === 'manifest.json' ? { ...i, data: Buffer.from(JSON.stringify(m)) } : i));
}

export function truncate(src: string, dest: string, keep: number): void {
  const bytes = readFileSync(src);
  writeFileSync(dest, bytes.subarray(0, Math.floor(bytes.length * keep)));
}
