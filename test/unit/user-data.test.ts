import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLibraryDir, resolveLibraryDir, userDataDir } from '../../main/library/user-data.js';

describe('where the library lives', () => {
  it('matches Electron userData on each platform', () => {
    expect(userDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Dailies');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe('/cfg/Dailies');
    expect(userDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Dailies');
    expect(userDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Dailies',
    );
    expect(defaultLibraryDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Dailies/Library');
  });
  it('prefers --library, then DAILIES_LIBRARY, then the default', () => {
    expect(resolveLibraryDir(['--library', '/a'], { DAILIES_LIBRARY: '/b' })).toBe('/a');
    expect(resolveLibraryDir(['--library=/c'], {})).toBe('/c');
    expect(resolveLibraryDir([], { DAILIES_LIBRARY: '/b' })).toBe('/b');
    expect(resolveLibraryDir(['--library', 'rel'], {})).toBe(path.resolve('rel'));
  });
  it('says what is wrong when --library has no folder', () => {
    expect(() => resolveLibraryDir(['--library'], {})).toThrow(/--library needs a folder path/);
    expect(() => resolveLibraryDir(['--library', '--port'], {})).toThrow(/--library needs a folder path/);
  });
});
