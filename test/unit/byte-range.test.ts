import { describe, expect, it } from 'vitest';
import { parseRange } from '../../main/store/byte-range.js';

describe('parseRange', () => {
  it('serves the whole file without a Range header', () => {
    expect(parseRange(undefined, 100)).toEqual({ kind: 'full' });
  });
  it('reads an open-ended range as a player sends when seeking', () => {
    expect(parseRange('bytes=40-', 100)).toEqual({ kind: 'partial', start: 40, end: 99 });
  });
  it('clamps an end past the file', () => {
    expect(parseRange('bytes=0-1000', 100)).toEqual({ kind: 'partial', start: 0, end: 99 });
  });
  it('reads a suffix range as the last N bytes', () => {
    expect(parseRange('bytes=-10', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
  });
  it('refuses a start past the end', () => {
    expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=5-2', 100)).toEqual({ kind: 'unsatisfiable' });
  });
  it('falls back to the whole file for multi-range or malformed headers', () => {
    expect(parseRange('bytes=0-1,5-6', 100)).toEqual({ kind: 'full' });
    expect(parseRange('items=0-1', 100)).toEqual({ kind: 'full' });
  });
});
