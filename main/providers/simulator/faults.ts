// Switchable faults, shared by every simulated provider: each rule fires on the next N matching
// requests ('next') or on a share of them ('rate'). Which requests a fault can hit depends on
// what it is: error answers and connection faults hit API calls; truncated and expired
// downloads hit result files; policy and credit faults hit task creation only. `provider`
// narrows a rule to one provider's routes, `endpoint` to a path.
import { mulberry32 } from '../../../shared/seeded-random.js';

/**
 * Faults that answer with an error instead of doing the work. The status, code and message are
 * Kling's (the first simulated provider); every other provider module phrases the same kind
 * of failure in its own format (SimRoutes.faultAnswer): Veo's 429 RESOURCE_EXHAUSTED, MiniMax's
 * base_resp 1002…
 */
export const ERROR_FAULTS = {
  account_abnormal: { status: 429, code: 1100, message: 'Account exception: check the account status' },
  arrears: { status: 429, code: 1101, message: 'Account in arrears: recharge to continue' },
  pack_exhausted: { status: 429, code: 1102, message: 'Resource pack exhausted or expired' },
  insufficient_credits: { status: 429, code: 1102, message: 'Insufficient credits: the resource pack balance cannot cover this task' },
  rate_limit: { status: 429, code: 1302, message: 'Rate limit exceeded: requests are too frequent, slow down' },
  concurrency: { status: 429, code: 1303, message: 'Parallel tasks exceed the resource pack limit' },
  ip_not_allowed: { status: 429, code: 1304, message: 'Request IP is not in the whitelist' },
  server_error: { status: 500, code: 5000, message: 'Server internal error' },
  unavailable: { status: 503, code: 5001, message: 'Server temporarily unavailable (maintenance)' },
  backlog_timeout: { status: 504, code: 5002, message: 'Server internal timeout (backlog)' },
  policy_reject: { status: 400, code: 1301, message: 'Content security policy triggered: the request was rejected, rewrite the prompt or inputs' },
} as const;

export const OTHER_FAULTS = [
  'connection_reset', // destroy the socket without an answer
  'timeout', // never answer
  'malformed_json', // do the work, answer 200 with a cut-off JSON body
  'truncated_download', // result file: Content-Length says more than is sent, then close
  'stalled_download', // result file: half the bytes, then nothing more until the client leaves (a cancel mid-download)
  'expired_url', // result file: 410 as if its URL had expired
  'policy_fail', // create succeeds, the task later ends failed for content safety
] as const;

export type ErrorFault = keyof typeof ERROR_FAULTS;
export type FaultName = ErrorFault | (typeof OTHER_FAULTS)[number];
export const FAULT_NAMES: readonly FaultName[] = [...(Object.keys(ERROR_FAULTS) as ErrorFault[]), ...OTHER_FAULTS];

export type RequestKind = 'create' | 'api' | 'download';

export interface FaultRuleInput {
  mode: 'next' | 'rate';
  fault: FaultName;
  /** next: how many matching requests (default 1). rate: most firings (default unlimited). */
  count?: number;
  /** rate: probability 0..1 per matching request. */
  rate?: number;
  /** "/v1/videos/text2video", "POST /v1/videos/image2video", "/results", or a path fragment. */
  endpoint?: string;
  /** connection_reset / timeout: 'before' the work (default) or 'after' it (the task exists, the answer is lost). */
  phase?: 'before' | 'after';
  /** Only this provider's routes ('kling', 'veo', …); any provider when left out. */
  provider?: string;
}

export interface FaultRule extends FaultRuleInput {
  id: number;
  fired: number;
}

export interface FiredFault {
  rule: number;
  fault: FaultName;
  provider: string;
  method: string;
  path: string;
  at: number;
}

const CREATE_ONLY: readonly FaultName[] = ['policy_reject', 'policy_fail', 'insufficient_credits'];
const DOWNLOAD_ONLY: readonly FaultName[] = ['truncated_download', 'stalled_download', 'expired_url'];

function endpointMatches(endpoint: string | undefined, method: string, pathname: string): boolean {
  if (!endpoint) return true;
  const m = /^([A-Z]+)\s+(.+)$/.exec(endpoint.trim());
  const p = m ? m[2]! : endpoint.trim();
  if (m && m[1] !== method) return false;
  return p.startsWith('/') ? pathname === p || pathname.startsWith(p.endsWith('/') ? p : `${p}/`) || pathname.startsWith(`${p}?`) : pathname.includes(p);
}

/** Where a request went: the full path, and the provider that owns it with the path below its mount. */
export interface RequestTarget {
  method: string;
  pathname: string;
  provider: string;
  relPath: string;
}

function applies(rule: FaultRule, kind: RequestKind, t: RequestTarget): boolean {
  if (rule.provider && rule.provider !== t.provider) return false;
  const { method, pathname } = t;
  if (CREATE_ONLY.includes(rule.fault) && kind !== 'create') return false;
  if (DOWNLOAD_ONLY.includes(rule.fault)) {
    if (kind !== 'download') return false;
  } else if (kind === 'download' && !rule.endpoint) {
    // A plain "next 500" is meant for the API; downloads are hit only when asked for by path.
    return false;
  }
  return endpointMatches(rule.endpoint, method, pathname) || (t.relPath !== pathname && endpointMatches(rule.endpoint, method, t.relPath));
}

export function checkRule(input: unknown): FaultRuleInput {
  const r = (input ?? {}) as Record<string, unknown>;
  if (r.mode !== 'next' && r.mode !== 'rate') throw new Error('mode must be "next" or "rate"');
  if (!FAULT_NAMES.includes(r.fault as FaultName)) throw new Error(`fault must be one of ${FAULT_NAMES.join(', ')}`);
  if (r.count !== undefined && (!Number.isInteger(r.count) || (r.count as number) < 1)) throw new Error('count must be a positive integer');
  if (r.mode === 'rate' && (typeof r.rate !== 'number' || r.rate < 0 || r.rate > 1)) throw new Error('rate must be a number from 0 to 1');
  if (r.endpoint !== undefined && typeof r.endpoint !== 'string') throw new Error('endpoint must be a string');
  if (r.phase !== undefined && r.phase !== 'before' && r.phase !== 'after') throw new Error('phase must be "before" or "after"');
  if (r.provider !== undefined && typeof r.provider !== 'string') throw new Error('provider must be a string');
  return {
    mode: r.mode,
    fault: r.fault as FaultName,
    ...(r.count !== undefined ? { count: r.count as number } : {}),
    ...(r.rate !== undefined ? { rate: r.rate as number } : {}),
    ...(r.endpoint !== undefined ? { endpoint: r.endpoint as string } : {}),
    ...(r.phase !== undefined ? { phase: r.phase as 'before' | 'after' } : {}),
    ...(r.provider !== undefined ? { provider: r.provider as string } : {}),
  };
}


export class FaultBook {
  private rules: FaultRule[] = [];
  private nextId = 1;
  readonly fired: FiredFault[] = [];
  private random: () => number = Math.random;

  seed(seed: number): void {
    this.random = mulberry32(seed);
  }

  add(input: FaultRuleInput): FaultRule {
    const rule: FaultRule = { ...checkRule(input), id: this.nextId++, fired: 0 };
    this.rules.push(rule);
    return rule;
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault to apply to this request, if any; consumes a 'next' rule's count. */
  take(kind: RequestKind, target: RequestTarget): FaultRule | null {
    const { method, pathname } = target;
    for (const rule of this.rules) {
      if (!applies(rule, kind, target)) continue;
      if (rule.mode === 'rate' && this.random() >= (rule.rate ?? 0)) continue;
      rule.fired++;
      const limit = rule.mode === 'next' ? rule.count ?? 1 : rule.count;
      if (limit !== undefined && rule.fired >= limit) this.remove(rule.id);
      this.fired.push({ rule: rule.id, fault: rule.fault, provider: target.provider, method, path: pathname, at: Date.now() });
      return rule;
    }
    return null;
  }

  snapshot() {
    return { rules: this.rules.map((r) => ({ ...r })), fired: this.fired };
  }
}
