// PNG text chunks (tEXt, zTXt, iTXt), read straight from the file: where ComfyUI, InvokeAI and
// AUTOMATIC1111 keep the prompt and settings an image was made with. Pixel data is skipped, not
// read, so a 20 MB still costs a handful of small reads.
import { open } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_TEXT_CHUNK = 16 * 1024 * 1024;

export class PngFormatError extends Error {}

/** Pure: the text chunks of an in-memory chunk body, by keyword. */
export function decodeTextChunk(type: string, data: Buffer): [string, string] | null {
  const nul = data.indexOf(0);
  if (nul <= 0 || nul > 79) return null;
  const keyword = data.subarray(0, nul).toString('latin1');
  if (type === 'tEXt') return [keyword, data.subarray(nul + 1).toString('latin1')];
  if (type === 'zTXt') return [keyword, inflateSync(data.subarray(nul + 2)).toString('latin1')];
  if (type === 'iTXt') {
    const compressed = data[nul + 1] === 1;
    let at = nul + 3;
    const lang = data.indexOf(0, at);
    if (lang < 0) return null;
    const translated = data.indexOf(0, lang + 1);
    if (translated < 0) return null;
    at = translated + 1;
    const body = data.subarray(at);
    return [keyword, (compressed ? inflateSync(body) : body).toString('utf8')];
  }
  return null;
}

export async function readPngText(file: string): Promise<Record<string, string>> {
  const fh = await open(file, 'r');
  const out: Record<string, string> = {};
  try {
    const head = Buffer.alloc(8);
    let pos = 0;
    if ((await fh.read(head, 0, 8, 0)).bytesRead < 8 || !head.equals(SIGNATURE)) throw new PngFormatError('not a PNG file');
    pos = 8;
    for (;;) {
      const { bytesRead } = await fh.read(head, 0, 8, pos);
      if (bytesRead < 8) break;
      const length = head.readUInt32BE(0);
      const type = head.toString('latin1', 4, 8);
      pos += 8;
      if (type === 'IEND') break;
      if ((type === 'tEXt' || type === 'zTXt' || type === 'iTXt') && length <= MAX_TEXT_CHUNK) {
        const data = Buffer.alloc(length);
        await fh.read(data, 0, length, pos);
        try {
          const kv = decodeTextChunk(type, data);
          if (kv) out[kv[0]] = kv[1];
        } catch {
          // A damaged compressed chunk loses only that chunk's text.
        }
      }
      pos += length + 4; // data + CRC
    }
  } finally {
    await fh.close();
  }
  return out;
}
