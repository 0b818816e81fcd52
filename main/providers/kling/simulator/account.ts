// Account-level endpoints: custom elements (reference identities for omni-video) and the
// resource-pack balance (`GET /account/costs`, QPS ≤ 1 as documented).
import { randomInt } from 'node:crypto';
import { KlingError, badParam, envelope } from './wire.js';
import * as p from './params.js';
import { parseImage } from './image-input.js';
import type { Element, SimulatorState } from '../../simulator/state.js';

export function createElement(body: p.Body, state: SimulatorState) {
  const name = p.reqString(body, 'element_name', 20);
  const description = p.optString(body, 'element_description', 100) ?? '';
  parseImage('element_frontal_image', body.element_frontal_image);
  const refers = p.array(body, 'element_refer_list', 3) ?? [];
  refers.forEach((r, i) => parseImage(`element_refer_list[${i}].image_url`, (r as { image_url?: unknown } | null)?.image_url));
  const now = Date.now();
  const element: Element = {
    element_id: String(randomInt(1e8, 1e9 - 1)),
    element_name: name,
    element_description: description,
    element_frontal_image: body.element_frontal_image as string,
    element_refer_list: refers,
    status: 'succeed',
    created_at: now,
    updated_at: now,
  };
  state.elements.set(element.element_id, element);
  return envelope(0, 'SUCCEED', publicElement(element));
}

/** Inline images are not echoed back: clients get a short marker instead of megabytes. */
function publicElement(e: Element) {
  const img = (s: string) => (/^https?:\/\//.test(s) ? s : `(inline image, ${s.length} chars)`);
  return { ...e, element_frontal_image: img(e.element_frontal_image) };
}

export function getElement(id: string, state: SimulatorState) {
  const e = state.elements.get(id);
  if (!e) throw new KlingError(404, 1203, `element ${id} does not exist`);
  return envelope(0, 'SUCCEED', publicElement(e));
}

export function listElements(query: URLSearchParams, state: SimulatorState) {
  const { pageNum, pageSize } = paging(query);
  const all = [...state.elements.values()].reverse();
  return envelope(0, 'SUCCEED', all.slice((pageNum - 1) * pageSize, pageNum * pageSize).map(publicElement));
}

export function paging(query: URLSearchParams): { pageNum: number; pageSize: number } {
  const num = query.get('pageNum') ?? '1';
  const size = query.get('pageSize') ?? '30';
  if (!/^\d+$/.test(num) || Number(num) < 1) throw badParam('pageNum', 'must be an integer ≥ 1');
  if (!/^\d+$/.test(size) || Number(size) < 1 || Number(size) > 500) throw badParam('pageSize', 'must be an integer from 1 to 500');
  return { pageNum: Number(num), pageSize: Number(size) };
}

export function accountCosts(query: URLSearchParams, state: SimulatorState) {
  for (const field of ['start_time', 'end_time']) {
    const v = query.get(field);
    if (!v || !/^\d+$/.test(v)) throw badParam(field, 'is required: a Unix time in milliseconds');
  }
  const now = Date.now();
  if (now - state.lastAccountCostsAt < state.timing.accountCostsIntervalMs) {
    throw new KlingError(429, 1302, 'Rate limit exceeded: /account/costs allows one request per second');
  }
  state.lastAccountCostsAt = now;
  const remaining = Math.max(0, state.balance);
  return envelope(0, 'SUCCEED', {
    code: 0,
    msg: 'SUCCEED',
    resource_pack_subscribe_infos: [
      {
        resource_pack_name: 'Video generation (local simulator)',
        resource_pack_id: 'sim-pack-1',
        resource_pack_type: 'decreasing_total',
        total_quantity: state.initialCredits,
        remaining_quantity: remaining,
        purchase_time: now - 86_400_000,
        effective_time: now - 86_400_000,
        invalid_time: now + 365 * 86_400_000,
        status: remaining > 0 ? 'online' : 'runOut',
      },
    ],
  });
}
