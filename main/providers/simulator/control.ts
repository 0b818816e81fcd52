// The control API, plain JSON (not Kling's envelope) under /__control, for tests and the
// benchmark to switch faults and read what the simulator received. No auth: it listens on
// 127.0.0.1 only, like the simulator itself.
//   GET    /__control/state              everything recorded (SimulatorState.snapshot())
//   GET    /__control/faults             {rules, fired}
//   POST   /__control/faults             {mode:'next'|'rate', fault, count?, rate?, endpoint?, phase?} → the rule
//   DELETE /__control/faults             clear all rules
//   DELETE /__control/faults/<id>        remove one rule
//   POST   /__control/seed               {seed}: rate-mode faults become repeatable
//   POST   /__control/credits            {balance}
//   POST   /__control/timing             {queueDelayMs?, processingMs?, resultTtlMs?, accountCostsIntervalMs?, concurrency?}
//                                         with {provider, resultTtlMs}: that provider's result-link lifetime
//   POST   /__control/expire             {video_id?}: expire one result URL now (or all of them)
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './send.js';
import type { SimulatorState, Timing } from './state.js';

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  const v = text.trim() ? (JSON.parse(text) as unknown) : {};
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('body must be a JSON object');
  return v as Record<string, unknown>;
}

const TIMING_KEYS: (keyof Timing)[] = ['queueDelayMs', 'processingMs', 'resultTtlMs', 'accountCostsIntervalMs', 'concurrency'];

export function applyTiming(state: SimulatorState, input: Record<string, unknown>): Timing {
  if (typeof input.provider === 'string' && input.provider !== 'kling') {
    const ttl = input.resultTtlMs;
    if (typeof ttl !== 'number' || !(ttl >= 0)) throw new Error('resultTtlMs must be a number ≥ 0');
    state.resultTtlByProvider.set(input.provider, ttl);
    return state.timing;
  }
  for (const key of TIMING_KEYS) {
    const v = input[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !(v >= 0)) throw new Error(`${key} must be a number ≥ 0`);
    state.timing[key] = v;
  }
  return state.timing;
}

export function expire(state: SimulatorState, videoId?: string): number {
  let n = 0;
  for (const v of state.videos.values()) {
    if (videoId && v.id !== videoId) continue;
    v.expiresAt = Date.now() - 1;
    n++;
  }
  return n;
}

export async function handleControl(req: IncomingMessage, res: ServerResponse, pathname: string, state: SimulatorState): Promise<void> {
  const route = `${req.method} ${pathname.replace(/\/+$/, '')}`;
  try {
    if (route === 'GET /__control/state') return sendJson(res, 200, state.snapshot());
    if (route === 'GET /__control/faults') return sendJson(res, 200, state.faults.snapshot());
    if (route === 'POST /__control/faults') return sendJson(res, 200, state.faults.add((await body(req)) as never));
    if (route === 'DELETE /__control/faults') {
      state.faults.clear();
      return sendJson(res, 200, { ok: true });
    }
    const one = /^DELETE \/__control\/faults\/(\d+)$/.exec(route);
    if (one) return sendJson(res, 200, { ok: state.faults.remove(Number(one[1])) });
    if (route === 'POST /__control/seed') {
      const { seed } = await body(req);
      if (typeof seed !== 'number') throw new Error('seed must be a number');
      state.faults.seed(seed);
      return sendJson(res, 200, { ok: true });
    }
    if (route === 'POST /__control/credits') {
      const { balance } = await body(req);
      if (typeof balance !== 'number' || !Number.isFinite(balance)) throw new Error('balance must be a number');
      state.setBalance(balance);
      return sendJson(res, 200, { balance: state.balance });
    }
    if (route === 'POST /__control/timing') return sendJson(res, 200, applyTiming(state, await body(req)));
    if (route === 'POST /__control/expire') {
      const { video_id } = await body(req);
      return sendJson(res, 200, { expired: expire(state, typeof video_id === 'string' ? video_id : undefined) });
    }
    sendJson(res, 404, { error: `no control route ${route}` });
  } catch (err) {
    sendJson(res, 400, { error: (err as Error).message });
  }
}
