// fal's refusals: plain HTTP statuses with `{detail}` (a string, or a list of {loc, msg, type}).
// A content-policy refusal is a 422 whose detail type is content_policy_violation; an exhausted
// balance is a 403 ("User is locked. Reason: Exhausted balance").
import type { ErrorKind, HttpResult, ProviderError } from '../types.js';
import { isObject, snippet, str } from '../wire/json.js';
import { kindForStatus, withRetryAfter } from '../wire/errors.js';

const NO_MONEY = /balance|billing|payment|credit/i;
const POLICY_TYPES = /content_policy|nsfw|safety/i;

/** fal's `detail` as text, and whether any item is a content-policy refusal. */
export function readDetail(json: unknown): { text: string | null; policy: boolean } {
  if (!isObject(json)) return { text: null, policy: false };
  const detail = json.detail;
  if (typeof detail === 'string') return { text: detail, policy: POLICY_TYPES.test(detail) };
  if (Array.isArray(detail)) {
    const items = detail.filter(isObject);
    const text = items.map((d) => str(d.msg)).filter(Boolean).join('; ') || null;
    return { text, policy: items.some((d) => POLICY_TYPES.test(str(d.type) ?? '')) };
  }
  return { text: str(json.error) ?? str(json.message), policy: false };
}

export function classifyFal(result: HttpResult): ProviderError | null {
  const ok = result.status >= 200 && result.status < 300;
  if (ok) {
    // PUT …/cancel may answer with an empty body.
    if (isObject(result.json) || result.text === '') return null;
    return { kind: 'server', code: String(result.status), httpStatus: result.status, message: `fal answered HTTP ${result.status} with a body that is not JSON: ${snippet(result.text)}` };
  }
  const { text, policy } = readDetail(result.json);
  let kind: ErrorKind = kindForStatus(result.status);
  if (policy) kind = 'policy';
  else if ((result.status === 402 || result.status === 403) && text && NO_MONEY.test(text)) kind = 'money';
  const why: Record<ErrorKind, string> = {
    money: 'the fal account has no balance left: top up at fal.ai',
    load: 'fal rate limit reached',
    auth: 'fal refused the API key',
    auth_expired: 'fal refused the API key',
    invalid: 'fal rejected the request',
    not_found: 'fal does not know this request',
    policy: "fal's content checker refused the request: rewrite the prompt or change the image",
    server: 'fal server error',
  };
  const said = text ?? (result.text ? snippet(result.text) : '');
  return withRetryAfter({ kind, code: String(result.status), httpStatus: result.status, message: `${why[kind]}${said ? ` — fal says: ${said}` : ''}` }, result.headers);
}
