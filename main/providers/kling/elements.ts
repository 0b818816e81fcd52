// Kling custom elements: provider-side identities (a face, a product) that omni-video tasks
// reference by element_id (<<<element_N>>> in the prompt). Creating one is an account action,
// not a generation job, so these calls sit beside the adapter rather than in its task flow.
import type { AdapterContext, HttpCall, HttpResult } from '../types.js';
import { isObject, readEnvelope, str } from './envelope.js';
import { classifyKling, KlingCallError } from './errors.js';
import { fileBase64 } from './requests.js';

export const ELEMENTS_PATH = '/v1/general/custom-elements';
export const ELEMENT_NAME_MAX = 20;
export const ELEMENT_DESCRIPTION_MAX = 100;
export const ELEMENT_REFER_MAX = 3;

export interface NewElement {
  name: string;
  description?: string;
  /** The frontal image (library file), sent inline. */
  frontalImagePath: string;
  /** Up to three more views of the same subject. */
  referImagePaths?: string[];
}

export interface KlingElement {
  elementId: string;
  name: string;
  status: string | null;
}

export async function createElementCall(el: NewElement, ctx: Pick<AdapterContext, 'readBase64'>): Promise<HttpCall> {
  const refers = el.referImagePaths ?? [];
  const problem =
    el.name.trim() === '' ? 'give the element a name'
      : el.name.length > ELEMENT_NAME_MAX ? `the name is ${el.name.length} characters; Kling accepts at most ${ELEMENT_NAME_MAX}`
        : (el.description ?? '').length > ELEMENT_DESCRIPTION_MAX ? `the description is longer than ${ELEMENT_DESCRIPTION_MAX} characters`
          : refers.length > ELEMENT_REFER_MAX ? `at most ${ELEMENT_REFER_MAX} extra views are accepted, not ${refers.length}` : null;
  if (problem) throw new KlingCallError({ kind: 'invalid', code: 'input', httpStatus: 0, message: `element: ${problem}` });
  const json: Record<string, unknown> = {
    element_name: el.name,
    element_frontal_image: await fileBase64(ctx, el.frontalImagePath),
  };
  if (el.description) json.element_description = el.description;
  if (refers.length > 0) json.element_refer_list = await Promise.all(refers.map(async (p) => ({ image_url: await fileBase64(ctx, p) })));
  return { method: 'POST', path: ELEMENTS_PATH, json };
}

export function listElementsCall(pageNum = 1, pageSize = 30): HttpCall {
  return { method: 'GET', path: `${ELEMENTS_PATH}?pageNum=${pageNum}&pageSize=${pageSize}` };
}

function elementOf(v: unknown): KlingElement | null {
  if (!isObject(v)) return null;
  const elementId = str(v.element_id);
  return elementId === null ? null : { elementId, name: str(v.element_name) ?? '', status: str(v.status) };
}

/** A created or fetched element; throws the classified error when the answer is not a success. */
export function parseElement(result: HttpResult): KlingElement {
  const err = classifyKling(result);
  if (err) throw new KlingCallError(err);
  const el = elementOf(readEnvelope(result.json)?.data);
  if (!el) throw new KlingCallError({ kind: 'server', code: String(result.status), httpStatus: result.status, message: 'Kling answered without an element_id' });
  return el;
}

export function parseElementList(result: HttpResult): KlingElement[] {
  const err = classifyKling(result);
  if (err) throw new KlingCallError(err);
  const data = readEnvelope(result.json)?.data;
  return (Array.isArray(data) ? data : []).map(elementOf).filter((e): e is KlingElement => e !== null);
}
