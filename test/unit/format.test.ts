// Sizes and counts read the same in the windows and on the command line.
import { describe, expect, it } from 'vitest';
import { formatBytes, plural } from '../../shared/format.js';

describe('formatBytes and plural', () => {
  it('uses decimal units as file browsers do, and says byte/bytes below a kilobyte', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(1_534_000)).toBe('1.5 MB');
    expect(formatBytes(250_000_000_000)).toBe('250 GB');
    expect(formatBytes(-1)).toBe('—');
  });
  it('counts with a thousands separator and the right noun', () => {
    expect(plural(1, 'file')).toBe('1 file');
    expect(plural(1200, 'file')).toBe('1,200 files');
    expect(plural(2, 'audio file')).toBe('2 audio files');
  });
});
