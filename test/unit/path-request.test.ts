// What the page may ask the desktop shell's native file dialog for: the shell parses every request
// with this schema, so a compromised page can neither smuggle a path in as a "name" nor add options.
import { describe, expect, it } from 'vitest';
import { PathRequest } from '../../shared/path-request.js';

describe('native file dialog requests', () => {
  it('accepts a save with a suggested name and extensions, and an open', () => {
    expect(PathRequest.parse({ mode: 'save', title: 'Export a bundle', defaultName: 'Fox spot.dailies', extensions: ['dailies'] }).defaultName).toBe('Fox spot.dailies');
    expect(PathRequest.parse({ mode: 'open', title: 'Import a bundle' }).mode).toBe('open');
  });

  it('refuses a path where a name belongs, odd extensions, other modes and extra options', () => {
    const bad = [
      { mode: 'save', title: 'x', defaultName: '../../etc/passwd' },
      { mode: 'save', title: 'x', defaultName: 'C:\\\\Windows\\\\x' },
      { mode: 'save', title: 'x', extensions: ['.exe'] },
      { mode: 'delete', title: 'x' },
      { mode: 'open', title: 'x', properties: ['openDirectory', 'multiSelections'] },
      { mode: 'open', title: '' },
    ];
    for (const input of bad) expect(PathRequest.safeParse(input).success, JSON.stringify(input)).toBe(false);
  });
});
