// The contract at the core's boundary: validation errors that name the field, unknown calls,
// registration mistakes found at start, and one writer per library.
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../main/core.js';
import { Registry } from '../../main/api/registry.js';
import { LibraryLockedError } from '../../main/library/lock.js';
import { ContractError } from '../../shared/errors.js';
import { openTestCore } from '../helpers/core.js';
import { tempDir } from '../helpers/temp.js';

let lib: ReturnType<typeof tempDir>;
let core: Core;
beforeEach(() => {
  lib = tempDir('dailies-lib-');
  core = openTestCore(lib.path);
});
afterEach(async () => {
  await core.close();
  lib.cleanup();
});

describe('calls through the contract', () => {
  it('names the offending field when input is invalid, and keeps serving', async () => {
    const reply = await core.reply('renders.page', { limit: 0, filter: { ratingMin: 9 } });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('validation');
    expect(reply.error.issues?.map((i) => i.field).sort()).toEqual(['filter.ratingMin', 'limit']);
    expect(reply.error.message).toMatch(/^Invalid input for renders\.page: /);
    // Unknown keys are refused rather than silently dropped.
    const extra = await core.reply('projects.create', { name: 'Spot', colour: 'red' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await core.reply('library.info', {})).toMatchObject({ ok: true, value: { path: lib.path } });
  });

  it('refuses calls that are not in the contract', async () => {
    expect(await core.reply('catalogue.dropAll', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await core.reply('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('returns not_found for a render that does not exist', async () => {
    await expect(core.dispatch('renders.get', { id: 424242 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a relative import path and an unknown project', async () => {
    await expect(core.dispatch('import.folder', { path: 'clips' })).rejects.toMatchObject({ code: 'validation' });
    await expect(core.dispatch('import.folder', { path: lib.path, projectId: 99 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('creates and lists projects, announcing the change', async () => {
    const seen: unknown[] = [];
    core.onEvent((e) => seen.push(e));
    const p = await core.dispatch('projects.create', { name: '  Perfume spot ' });
    expect(p).toMatchObject({ name: 'Perfume spot' });
    expect(await core.dispatch('projects.list', {})).toEqual([p]);
    expect(seen).toContainEqual({ type: 'catalogue.changed', entity: 'projects', ids: [(p as { id: number }).id] });
  });

  it('lists a project\'s shots (none yet) and no costs before any job, and refuses an unknown project', async () => {
    const p = (await core.dispatch('projects.create', { name: 'Spot' })) as { id: number };
    expect(await core.dispatch('shots.list', { projectId: p.id })).toEqual([]);
    expect(await core.dispatch('projects.costs', {})).toEqual([]);
    await expect(core.dispatch('shots.list', { projectId: 99 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(core.dispatch('shots.list', {})).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('handler registration', () => {
  it('fails at start on a duplicate handler or a handler for no channel', () => {
    const r = new Registry();
    r.register('library', { 'library.info': () => ({}) as never });
    expect(() => r.register('other', { 'library.info': () => ({}) as never })).toThrow(/already registered/);
    expect(() => r.register('other', { 'no.such': () => 1 } as never)).toThrow(/not a channel/);
  });
  it('fails at start when a channel has no handler', () => {
    const r = new Registry();
    expect(() => r.assertComplete()).toThrow(/no handler registered for: library\.info/);
  });
  it('serialises only code, message and issues across the boundary', () => {
    const e = new ContractError('validation', 'bad', [{ field: 'x', message: 'y' }]);
    expect(JSON.parse(JSON.stringify(e.toWire()))).toEqual({ code: 'validation', message: 'bad', issues: [{ field: 'x', message: 'y' }] });
  });
});

describe('one writer per library', () => {
  it('refuses a second Dailies on the same library, naming the first', () => {
    expect(() => openTestCore(lib.path)).toThrow(LibraryLockedError);
    expect(() => openTestCore(lib.path)).toThrow(new RegExp(`pid ${process.pid}`));
  });

  it('opens again once the first has closed', async () => {
    await core.close();
    core = openTestCore(lib.path);
    expect(await core.reply('library.info', {})).toMatchObject({ ok: true });
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    await core.close();
    // pid 2^22+1 is above Linux's pid_max default and cannot be running.
    writeFileSync(`${lib.path}/library.lock`, JSON.stringify({ pid: 4194305, host: (await import('node:os')).hostname(), app: 'serve', since: 0 }));
    core = openTestCore(lib.path);
    expect(await core.reply('library.info', {})).toMatchObject({ ok: true });
  });
});
