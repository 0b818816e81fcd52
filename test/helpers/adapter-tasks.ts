// Building ResolvedTasks and HttpResults for adapter unit tests from real files on disk.
import { readFileSync, statSync } from 'node:fs';
import type { ReferenceRole } from '../../shared/domain.js';
import { GenerationSpec, type GenerationSpecInput } from '../../shared/generation.js';
import type { AdapterContext, HttpCall, HttpResult, ResolvedInput, ResolvedParent, ResolvedTask } from '../../main/providers/types.js';

export function fileInput(refId: number, role: ReferenceRole, file: string, w: number | null, h: number | null): ResolvedInput {
  const mime = file.endsWith('.jpg') ? 'image/jpeg' : file.endsWith('.mp4') ? 'video/mp4' : 'image/png';
  return { refId, role, path: file, mime, width: w, height: h, size: statSync(file).size, durationMs: null };
}

export function makeTask(
  base: Partial<GenerationSpecInput>,
  s: Partial<GenerationSpecInput> & Pick<GenerationSpecInput, 'taskType' | 'model'>,
  inputs: ResolvedInput[] = [],
  parent: ResolvedParent | null = null,
): ResolvedTask {
  const references = s.references ?? inputs.map((i) => ({ refId: i.refId, role: i.role }));
  return { spec: GenerationSpec.parse({ accountId: 'acct', durationS: 5, ...base, ...s, references }), inputs, parent };
}

export function parentClip(file: string, provider: string | null = null): ResolvedParent {
  return { renderId: 9, path: file, provider, providerVideoId: null, providerVideoUrl: null, width: 320, height: 240, durationMs: 2000 };
}

export function adapterContext(baseUrl: string): AdapterContext & { sent: HttpCall[] } {
  const sent: HttpCall[] = [];
  return {
    baseUrl,
    credentials: { apiKey: 'k' },
    now: () => 1_700_000_000_000,
    readBase64: async (p) => readFileSync(p).toString('base64'),
    send: async (call) => {
      sent.push(call);
      throw new Error('no network in unit tests');
    },
    sent,
  };
}

export function answer(status: number, json: unknown, headers: Record<string, string> = {}): HttpResult {
  const text = json === undefined ? '' : typeof json === 'string' ? json : JSON.stringify(json);
  let parsed: unknown;
  try {
    parsed = typeof json === 'string' ? JSON.parse(json) : json;
  } catch {
    parsed = undefined;
  }
  return { status, headers, text, json: parsed };
}

export function b64(file: string): string {
  return readFileSync(file).toString('base64');
}
