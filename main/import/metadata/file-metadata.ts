// What a file tells Dailies about itself, in order of trust: our sidecar `<file>.dailies.json`,
// then generation metadata the tool embedded (PNG text chunks, container tags), then plain
// comment/description tags; the title falls back to the file name. A broken sidecar never stops
// the import: the file comes in with what else is known and the problem is reported.
import { readFile } from 'node:fs/promises';
import type { ReferenceRole } from '../../../shared/domain.js';
import { SIDECAR_SUFFIX, SIDECAR_VERSION, SidecarV1 } from '../../../shared/sidecar.js';
import { fromContainerTags, fromPngChunks } from './generation-metadata.js';
import { readPngText } from './png-text.js';

export interface FileMetadata {
  title?: string;
  prompt?: { text: string; negative: string; fields: Record<string, unknown> };
  provider?: string;
  model?: string;
  taskType?: string;
  params?: Record<string, unknown>;
  costCredits?: number;
  role?: ReferenceRole;
  tags?: string[];
  references?: { sha256?: string | undefined; path?: string | undefined; role: ReferenceRole }[];
  parent?: { sha256?: string | undefined; path?: string | undefined; operation: string };
  /** Where the facts came from, most trusted first: 'sidecar', 'png:comfyui', 'tags'… */
  sources: string[];
  /** A sidecar that could not be used, in words a user can act on. */
  warning?: string;
}

export class SidecarError extends Error {}

export function sidecarPathFor(file: string): string {
  return file + SIDECAR_SUFFIX;
}

export function isSidecar(file: string): boolean {
  return file.endsWith(SIDECAR_SUFFIX);
}

/** The sidecar beside `file`, as metadata; null when there is none; SidecarError when unusable. */
export async function readSidecar(file: string): Promise<Partial<FileMetadata> | null> {
  let text: string;
  try {
    text = await readFile(sidecarPathFor(file), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SidecarError(`Its sidecar could not be read (${(err as Error).message}).`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new SidecarError('Its sidecar is not valid JSON; the file was imported without it.');
  }
  const version = (raw as { version?: unknown })?.version;
  if (typeof version === 'number' && version > SIDECAR_VERSION) {
    throw new SidecarError(`Its sidecar is version ${version}, newer than this Dailies understands (${SIDECAR_VERSION}); the file was imported without it.`);
  }
  const parsed = SidecarV1.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new SidecarError(`Its sidecar was ignored: ${i.path.map(String).join('.') || '(top level)'}: ${i.message}.`);
  }
  const s = parsed.data;
  const out: Partial<FileMetadata> = { sources: ['sidecar'] };
  if (s.title) out.title = s.title;
  if (s.prompt !== undefined || s.negativePrompt !== undefined) {
    out.prompt = { text: s.prompt ?? '', negative: s.negativePrompt ?? '', fields: s.promptFields ?? {} };
  }
  if (s.provider) out.provider = s.provider;
  if (s.model) out.model = s.model;
  if (s.task) out.taskType = s.task;
  if (s.params) out.params = s.params;
  if (s.cost) out.costCredits = s.cost.credits;
  if (s.role) out.role = s.role;
  if (s.tags) out.tags = s.tags;
  if (s.references) out.references = s.references.map((r) => ({ sha256: r.sha256, path: r.path, role: r.role }));
  if (s.parent) out.parent = { sha256: s.parent.sha256, path: s.parent.path, operation: s.parent.operation };
  return out;
}

/** Field by field, the more trusted source wins; params are merged the same way. */
function merge(trusted: Partial<FileMetadata>, other: Partial<FileMetadata> | null): Partial<FileMetadata> {
  if (!other) return trusted;
  const out: Partial<FileMetadata> = { ...other, ...Object.fromEntries(Object.entries(trusted).filter(([, v]) => v !== undefined)) };
  if (trusted.params || other.params) out.params = { ...other.params, ...trusted.params };
  out.sources = [...(trusted.sources ?? []), ...(other.sources ?? [])];
  return out;
}

export async function readFileMetadata(
  file: string, ext: string, containerTags: Record<string, string>,
): Promise<FileMetadata> {
  let sidecar: Partial<FileMetadata> | null = null;
  let warning: string | undefined;
  try {
    sidecar = await readSidecar(file);
  } catch (err) {
    if (!(err instanceof SidecarError)) throw err;
    warning = err.message;
  }
  let embedded: Partial<FileMetadata> | null = null;
  if (ext === 'png') {
    embedded = fromPngChunks(await readPngText(file).catch(() => ({})));
  }
  const tagged = fromContainerTags(containerTags);
  const merged = merge(sidecar ?? {}, merge(embedded ?? {}, tagged));
  return { ...merged, sources: merged.sources ?? [], ...(warning ? { warning } : {}) };
}
