import { randomUUID } from 'node:crypto';

/** Stable identity for rows that travel between libraries in bundles. */
export function newUid(): string {
  return randomUUID();
}
