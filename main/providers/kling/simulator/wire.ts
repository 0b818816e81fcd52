// Kling's wire envelope: every answer is `{code, message, request_id, data}` with HTTP 200 and
// code 0 on success; errors pair an HTTP status with a Kling code (see providers.md). Keeping
// this in one place is what makes the simulator's errors look exactly like the service's.
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
