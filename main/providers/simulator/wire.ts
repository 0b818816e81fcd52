// Kling's wire envelope: every answer is `{code, message, request_id, data}` with HTTP 200 and
// code 0 on success; errors pair an HTTP status with a Kling code (see providers.md). Keeping
// this in one place is what makes the simulator's errors look exactly like the service's.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

export class KlingError extends Error {
  constructor(readonly status: number, readonly code: number, message: string) {
    super(message);
    this.name = 'KlingError';
  }
}

/** 400/1201: a parameter has an illegal value. Messages name the field so a user knows what to change. */
export function badParam(field: string, problem: string): KlingError {
  return new KlingError(400, 1201, `${field}: ${problem}`);
}

export interface Envelope {
  code: number;
  message: string;
  request_id: string;
  data: unknown;
}

export function envelope(code: number, message: string, data: unknown = null): Envelope {
  return { code, message, request_id: randomUUID(), data };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: KlingError): void {
  sendJson(res, err.status, envelope(err.code, err.message));
}

// Kling accepts base64 images inline, so bodies can be large; 10 MB per image × a few images.
const MAX_BODY = 64 * 1024 * 1024;

/** Reads a JSON object body; anything else is 400/1200 (the request itself is malformed). */
export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new KlingError(400, 1200, 'request body is larger than 64 MB');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KlingError(400, 1200, 'request body is not valid JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new KlingError(400, 1200, 'request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}
