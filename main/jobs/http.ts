// Sending an adapter's HttpCall with undici and turning every way it can go wrong into either an
// HttpResult (the provider answered) or a NetworkError (it did not: offline, reset, timed out).
import { FormData, request } from 'undici';
import type { HttpCall, HttpResult } from '../providers/types.js';
import { joinUrl } from '../providers/url.js';

const OFFLINE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']);

export class NetworkError extends Error {
  constructor(
    message: string,
    /** True when the provider could not be reached at all: the request was certainly not received. */
    readonly unreachable: boolean,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

function errorCode(err: unknown): string | undefined {
  let e = err as { code?: string; cause?: unknown } | undefined;
  for (let i = 0; e && i < 4; i++) {
    if (e.code) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

export function toNetworkError(err: unknown, host: string): NetworkError {
  const code = errorCode(err);
  if (code && OFFLINE_CODES.has(code)) return new NetworkError(`Can't reach ${host} (${code}).`, true);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new NetworkError(`${host} did not answer in time.`, code === 'UND_ERR_CONNECT_TIMEOUT');
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return new NetworkError(`The connection to ${host} was cut.`, false);
  return new NetworkError(`Request to ${host} failed: ${(err as Error)?.message ?? String(err)}`, false);
}

/** A call's URL: its path appended to the base URL (keeping the base's own path), or an absolute URL as it is. */
export const callUrl = joinUrl;

function formBody(form: NonNullable<HttpCall['form']>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(form.fields)) data.append(k, v);
  for (const f of form.files) data.append(f.name, new Blob([new Uint8Array(f.data)], { type: f.mime }), f.filename);
  return data;
}

export async function sendCall(baseUrl: string, call: HttpCall, headers: Record<string, string>, timeoutMs: number): Promise<HttpResult> {
  const url = callUrl(baseUrl, call.path);
  try {
    const res = await request(url, {
      method: call.method,
      headers: {
        accept: 'application/json',
        ...(call.json !== undefined && !call.form ? { 'content-type': 'application/json' } : {}),
        ...headers,
        ...call.headers,
      },
      // undici sets the multipart boundary itself.
      body: call.form ? formBody(call.form) : call.json !== undefined ? JSON.stringify(call.json) : undefined,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const text = await res.body.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const flat: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    return { status: res.statusCode, headers: flat, text, json };
  } catch (err) {
    throw toNetworkError(err, url.host);
  }
}
