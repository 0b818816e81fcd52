// What `npm start -- …` and `npm run serve -- …` accept: a typo is an error that names it,
// instead of being ignored while the default library opens.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAUNCH_USAGE, parseLaunchOptions } from '../../main/launch-options.js';

describe('launch options', () => {
  it('reads --library in both spellings, --port and --json; the environment fills what is not given', () => {
    expect(parseLaunchOptions(['--library', '/a', '--port', '8123', '--json'], {})).toEqual({ libraryDir: '/a', port: 8123, json: true, help: false });
    expect(parseLaunchOptions(['--library=rel'], {}).libraryDir).toBe(path.resolve('rel'));
    expect(parseLaunchOptions([], { DAILIES_LIBRARY: '/b', DAILIES_PORT: '9000' })).toMatchObject({ libraryDir: '/b', port: 9000, json: false });
    expect(parseLaunchOptions(['--port', '0'], { DAILIES_PORT: '9000' }).port).toBe(0);
  });

  it('refuses an unknown or mistyped option by name, and a missing value', () => {
    expect(() => parseLaunchOptions(['--libary', '/a'], {})).toThrow(/--libary.*--help/);
    expect(() => parseLaunchOptions(['shots'], {})).toThrow(/shots/);
    expect(() => parseLaunchOptions(['--library'], {})).toThrow(/--library/);
  });

  it('refuses a port that is not a whole number in range, quoting it', () => {
    for (const bad of ['http', '-1', '65536', '80.5', '']) {
      expect(() => parseLaunchOptions([`--port=${bad}`], {})).toThrow(`not "${bad}"`);
    }
    expect(() => parseLaunchOptions([], { DAILIES_PORT: 'x' })).toThrow('not "x"');
  });

  it('--help asks for the usage, which lists every option it parses', () => {
    expect(parseLaunchOptions(['-h'], {}).help).toBe(true);
    for (const opt of ['--library <dir>', '--port <n>', '--json', '-h, --help']) expect(LAUNCH_USAGE).toContain(opt);
  });
});
