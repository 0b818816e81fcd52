// yazl checksums every entry with buffer-crc32, a JavaScript CRC-32 (~50 MB/s on a loaded
// machine), which made it the slowest step of a 2 GB export. Node (≥ 20.15) has zlib.crc32 in
// native code (~7× faster) with the same contract (buffer, running value) → unsigned 32-bit, so
// yazl's copy of buffer-crc32 is pointed at it. Import this module before writing a zip.
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

const nativeCrc32 = (zlib as unknown as { crc32?: (data: Buffer, value?: number) => number }).crc32;
if (nativeCrc32) {
  try {
    const requireFromYazl = createRequire(createRequire(import.meta.url).resolve('yazl'));
    const crc = requireFromYazl('buffer-crc32') as { unsigned: (buf: Buffer, previous?: number) => number };
    crc.unsigned = (buf, previous) => nativeCrc32(Buffer.isBuffer(buf) ? buf : Buffer.from(buf), previous ?? 0);
  } catch {
    // A yazl without buffer-crc32: it checksums its own way, only slower or faster.
  }
}
