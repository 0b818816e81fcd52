// Generation settings embedded by the tools our users render with, read from PNG text chunks or
// container tags. Pure functions over strings: each returns what it recognised, or null.
import type { FileMetadata } from './file-metadata.js';

type Node = { class_type?: string; inputs?: Record<string, unknown> };
type Graph = Record<string, Node>;

function parseJson(text: string | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const isGraph = (v: unknown): v is Graph =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).some((n) => !!n && typeof n === 'object' && 'class_type' in n);

/** Follows a ComfyUI link ([nodeId, output]) to the text it carries, through primitive/concat nodes. */
function textOf(graph: Graph, value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return value;
  if (depth > 8 || !Array.isArray(value) || value.length !== 2) return null;
  const node = graph[String(value[0])];
  if (!node?.inputs) return null;
  for (const key of ['text', 'text_g', 'string', 'value', 'prompt', 'conditioning']) {
    if (key in node.inputs) {
      const t = textOf(graph, node.inputs[key], depth + 1);
      if (t !== null) return t;
    }
  }
  return null;
}

/** ComfyUI's "prompt" (the API graph it ran): the sampler's positive/negative text, model and settings. */
export function fromComfyGraph(text: string | undefined): Partial<FileMetadata> | null {
  const graph = parseJson(text);
  if (!isGraph(graph)) return null;
  const nodes = Object.values(graph);
  const sampler = nodes.find((n) => /KSampler|Sampler/i.test(n.class_type ?? '') && n.inputs && ('positive' in n.inputs || 'guider' in n.inputs));
  let positive = sampler ? textOf(graph, sampler.inputs?.positive) : null;
  const negative = sampler ? textOf(graph, sampler.inputs?.negative) : null;
  if (positive === null) {
    const encoders = nodes.filter((n) => /TextEncode/i.test(n.class_type ?? '')).map((n) => textOf(graph, n.inputs?.text)).filter((t): t is string => !!t);
    positive = encoders[0] ?? null;
  }
  const loader = nodes.find((n) => n.inputs && ('ckpt_name' in n.inputs || 'unet_name' in n.inputs || 'model_name' in n.inputs));
  const model = loader?.inputs ? (loader.inputs.ckpt_name ?? loader.inputs.unet_name ?? loader.inputs.model_name) : undefined;
  const params: Record<string, unknown> = {};
  for (const k of ['seed', 'noise_seed', 'steps', 'cfg', 'sampler_name', 'scheduler', 'denoise']) {
    const v = sampler?.inputs?.[k];
    if (typeof v === 'number' || typeof v === 'string') params[k] = v;
  }
  const out: Partial<FileMetadata> = { provider: 'comfyui', params };
  if (positive) out.prompt = { text: positive, negative: negative ?? '', fields: {} };
  if (typeof model === 'string') out.model = model;
  return out;
}

/** InvokeAI 3+/4+ "invokeai_metadata", and the older "sd-metadata". */
export function fromInvoke(chunks: Record<string, string>): Partial<FileMetadata> | null {
  const m = parseJson(chunks.invokeai_metadata) as Record<string, unknown> | null;
  if (m && typeof m === 'object') {
    const model = m.model as { model_name?: string; name?: string } | string | undefined;
    const params: Record<string, unknown> = {};
    for (const k of ['seed', 'steps', 'cfg_scale', 'scheduler', 'width', 'height', 'generation_mode', 'strength']) {
      if (m[k] !== undefined) params[k] = m[k];
    }
    const out: Partial<FileMetadata> = { provider: 'invokeai', params };
    if (typeof m.positive_prompt === 'string') {
      out.prompt = { text: m.positive_prompt, negative: typeof m.negative_prompt === 'string' ? m.negative_prompt : '', fields: {} };
    }
    const name = typeof model === 'string' ? model : model?.name ?? model?.model_name;
    if (name) out.model = name;
    return out;
  }
  const old = parseJson(chunks['sd-metadata']) as { model_weights?: string; image?: { prompt?: unknown; seed?: number; steps?: number; cfg_scale?: number; sampler?: string } } | null;
  if (old && typeof old === 'object' && old.image) {
    const p = old.image.prompt;
    const text = typeof p === 'string' ? p : Array.isArray(p) ? p.map((x: { prompt?: string }) => x.prompt ?? '').join(' ') : '';
    const out: Partial<FileMetadata> = {
      provider: 'invokeai',
      params: { seed: old.image.seed, steps: old.image.steps, cfg_scale: old.image.cfg_scale, sampler: old.image.sampler },
    };
    if (text) out.prompt = { text, negative: '', fields: {} };
    if (old.model_weights) out.model = old.model_weights;
    return out;
  }
  return null;
}

/** AUTOMATIC1111 / Forge "parameters": prompt, "Negative prompt: …", then "Key: value, …". */
export function fromA1111(text: string | undefined): Partial<FileMetadata> | null {
  if (!text) return null;
  const lines = text.split('\n');
  const settingsAt = lines.findIndex((l) => /^Steps: /.test(l));
  if (settingsAt < 0) return null;
  const head = lines.slice(0, settingsAt).join('\n');
  const [positive, negative = ''] = head.split(/\n?Negative prompt: /);
  const params: Record<string, unknown> = {};
  for (const m of lines[settingsAt]!.matchAll(/([A-Za-z][\w ]*): ([^,]+)/g)) params[m[1]!.trim()] = m[2]!.trim();
  const out: Partial<FileMetadata> = { provider: 'automatic1111', params, prompt: { text: positive!.trim(), negative: negative.trim(), fields: {} } };
  if (typeof params.Model === 'string') out.model = params.Model;
  return out;
}

export function fromPngChunks(chunks: Record<string, string>): Partial<FileMetadata> | null {
  const comfy = fromComfyGraph(chunks.prompt);
  if (comfy) return { ...comfy, sources: ['png:comfyui'] };
  const invoke = fromInvoke(chunks);
  if (invoke) return { ...invoke, sources: ['png:invokeai'] };
  const a1111 = fromA1111(chunks.parameters);
  if (a1111) return { ...a1111, sources: ['png:automatic1111'] };
  return null;
}

/**
 * Container tags (ffprobe's format tags, lower-cased keys). ComfyUI's video nodes store the graph
 * as a "prompt" tag or as JSON in "comment"; provider downloads and editors put plain text in
 * "comment" / "description"; "title" is a title.
 */
export function fromContainerTags(tags: Record<string, string>): Partial<FileMetadata> | null {
  const fromComment = parseJson(tags.comment) as { prompt?: unknown } | null;
  const graphText = tags.prompt ?? (fromComment && typeof fromComment === 'object'
    ? (typeof fromComment.prompt === 'string' ? fromComment.prompt : JSON.stringify(fromComment.prompt ?? null))
    : undefined);
  const comfy = fromComfyGraph(graphText);
  if (comfy) return { ...comfy, sources: ['tags:comfyui'], ...(tags.title ? { title: tags.title } : {}) };
  const out: Partial<FileMetadata> = {};
  const text = (tags.description ?? tags.comment ?? tags.synopsis ?? '').trim();
  if (text && !fromComment) out.prompt = { text, negative: '', fields: {} };
  if (tags.title?.trim()) out.title = tags.title.trim();
  if (!out.prompt && !out.title) return null;
  return { ...out, sources: ['tags'] };
}
