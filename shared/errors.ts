// Errors that cross the process boundary. Only these fields are serialised; stack traces stay
// in the core's log so a renderer never sees file-system internals it did not ask for.

export const ERROR_CODES = [
  'validation', 'unknown_channel', 'not_found', 'conflict', 'unauthorized', 'cancelled', 'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorIssue {
  /** Dotted path to the offending field, e.g. "limit" or "filters.ratingMin". */
  field: string;
  message: string;
}

export interface WireError {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
}

export class ContractError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: ErrorIssue[]) {
    super(message);
    this.name = 'ContractError';
    this.code = code;
    this.issues = issues;
  }

  toWire(): WireError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }

  static fromWire(w: WireError): ContractError {
    return new ContractError(w.code, w.message, w.issues);
  }
}

/** Shape of every reply on every transport. */
export type WireReply<T> = { ok: true; value: T } | { ok: false; error: WireError };
