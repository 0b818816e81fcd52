// Remaining credits, for Settings. Kling reports resource packs over a time window rather than a
// balance, so the balance is the sum of what remains in packs still online.
import type { HttpCall, HttpResult } from '../types.js';
import { isObject, num, readEnvelope } from './envelope.js';
import { KLING_PATHS } from './endpoints.js';

/** Packs bought within the last year; older ones have expired (Kling sells packs of ≤ 1 year). */
export const ACCOUNT_WINDOW_MS = 365 * 24 * 60 * 60 * 1000;

export function klingAccountCall(now: number): HttpCall {
  // providers.md marks the path prefix (?): we use /account/costs as documented, no /v1.
  return { method: 'GET', path: `${KLING_PATHS.accountCosts}?start_time=${now - ACCOUNT_WINDOW_MS}&end_time=${now}` };
}

/** The pack list: Kling's `resource_pack_subscribe_infos`, or any array in data, or data itself. */
function packs(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (!isObject(data)) return [];
  if (Array.isArray(data.resource_pack_subscribe_infos)) return data.resource_pack_subscribe_infos;
  const firstArray = Object.values(data).find(Array.isArray);
  return Array.isArray(firstArray) ? firstArray : [];
}

export function parseKlingAccount(result: HttpResult): { remainingCredits: number | null } {
  const env = readEnvelope(result.json);
  if (!env || env.code !== 0) return { remainingCredits: null };
  const list = packs(env.data);
  if (!Array.isArray(env.data) && !isObject(env.data)) return { remainingCredits: null };
  let total = 0;
  for (const p of list) {
    if (!isObject(p) || p.status !== 'online') continue;
    total += num(p.remaining_quantity) ?? 0;
  }
  return { remainingCredits: Math.round(total * 100) / 100 };
}
