// Request bodies for every simulated provider: JSON objects, or multipart forms (Sora takes its
// first-frame image as a file). Read once by the server, so a create is recorded with its body
// whatever happens next; a body that cannot be read is reported to the provider module, which
// answers in its own error format.
import type { IncomingMessage } from 'node:http';
import type { SimFile } from './provider.js';

// Inline base64 images make bodies large: 10 MB per image × a few images.
const MAX_BODY = 64 * 1024 * 1024;

export interface ReadBody {
  body: Record<string, unknown> | null;
  error: string | null;
}

export async function readBody(req: IncomingMessage): Promise<ReadBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return { body: null, error: 'request body is larger than 64 MB' };
    chunks.push(chunk as Buffer);
  }
  const bytes = Buffer.concat(chunks);
  const type = String(req.headers['content-type'] ?? '');
  if (/^multipart\/form-data/i.test(type)) {
    try {
      const form = await new Response(bytes, { headers: { 'content-type': type } }).formData();
      const fields: Record<string, unknown> = {};
      for (const [name, value] of form.entries()) {
        if (typeof value === 'string') fields[name] = value;
        else {
          const file: SimFile = { filename: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
          fields[name] = file;
        }
      }
      return { body: fields, error: null };
    } catch (err) {
      return { body: null, error: `request body is not a valid multipart form (${(err as Error).message})` };
    }
  }
  const text = bytes.toString('utf8');
  if (!text.trim()) return { body: {}, error: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { body: null, error: 'request body is not valid JSON' };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { body: null, error: 'request body must be a JSON object' };
  return { body: parsed as Record<string, unknown>, error: null };
}

export function isSimFile(v: unknown): v is SimFile {
  return !!v && typeof v === 'object' && Buffer.isBuffer((v as SimFile).bytes);
}
