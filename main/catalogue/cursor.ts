import { ContractError } from '../../shared/errors.js';

// Keyset cursors: the last row's sort key and id, tagged with the sort they belong to, so a
// cursor from one ordering is never silently applied to another.
export type CursorKey = string | number | null;

export function encodeCursor(sort: string, key: CursorKey, id: number): string {
  return Buffer.from(JSON.stringify([sort, key, id])).toString('base64url');
}

export function decodeCursor(sort: string, cursor: string): { key: CursorKey; id: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== sort ||
    !(parsed[1] === null || typeof parsed[1] === 'string' || typeof parsed[1] === 'number') ||
    !Number.isInteger(parsed[2])
  ) {
    throw new ContractError('validation', 'The page cursor is not valid for this sort; reload the list.', [
      { field: 'cursor', message: 'not a cursor issued for this sort' },
    ]);
  }
  return { key: parsed[1] as CursorKey, id: parsed[2] as number };
}
