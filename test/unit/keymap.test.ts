// The keymap (renderer/keys): chords, newest-wins dispatch, modal groups, text fields. Pure, so
// tested here with plain objects shaped like keydown events.
import { describe, expect, it, vi } from 'vitest';
import { chordOf, checkChord, displayChord, type KeyEvent } from '../../renderer/keys/chords.js';
import { Keymap } from '../../renderer/keys/keymap.js';

function keydown(key: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean; target?: unknown } = {}) {
  const e = {
    key, ctrlKey: !!mods.ctrl, metaKey: false, altKey: !!mods.alt, shiftKey: !!mods.shift, isComposing: false,
    defaultPrevented: false, target: mods.target ?? null,
    preventDefault() {
      e.defaultPrevented = true;
    },
  };
  return e as KeyEvent;
}

describe('chords', () => {
  it('names keys the way bindings are written', () => {
    expect(chordOf(keydown('P', { shift: true }))).toBe('Shift+p');
    expect(chordOf(keydown('p'))).toBe('p');
    expect(chordOf(keydown('?', { shift: true }))).toBe('?');
    expect(chordOf(keydown(' '))).toBe('Space');
    expect(chordOf(keydown('a', { ctrl: true }))).toBe('Mod+a');
    expect(chordOf(keydown('ArrowRight', { shift: true }))).toBe('Shift+ArrowRight');
  });
  it('refuses a chord that could never match, at registration', () => {
    expect(() => checkChord('Shift+arrowdown')).toThrow(/unknown key "arrowdown"/);
    expect(() => checkChord('P')).toThrow(/lower case/);
    expect(() => checkChord('Cmd+a')).toThrow(/unknown modifier "Cmd"/);
    expect(checkChord('Mod+a')).toBe('Mod+a');
  });
  it('prints chords for people', () => {
    expect(displayChord('Shift+ArrowRight')).toBe('Shift+→');
    expect(displayChord('Mod+a')).toBe('Ctrl+A');
    expect(displayChord('?')).toBe('?');
  });
});

describe('Keymap', () => {
  it('runs the newest group that has the key, and stops the browser acting on it', () => {
    const map = new Keymap();
    const grid = vi.fn();
    const player = vi.fn();
    map.add({ title: 'Library', bindings: [{ keys: ['p'], label: 'Pick', run: grid }, { keys: ['x'], label: 'Reject', run: grid }] });
    const top = map.add({ title: 'Player', bindings: [{ keys: ['p'], label: 'Pick this take', run: player }] });
    const e = keydown('p');
    expect(map.dispatch(e)).toBe(true);
    expect(player).toHaveBeenCalledOnce();
    expect(grid).not.toHaveBeenCalled();
    expect(e.defaultPrevented).toBe(true);
    map.dispatch(keydown('x'));
    expect(grid).toHaveBeenCalledOnce();
    map.remove(top);
    map.dispatch(keydown('p'));
    expect(grid).toHaveBeenCalledTimes(2);
  });

  it('lets a modal group shut out the groups beneath it', () => {
    const map = new Keymap();
    const under = vi.fn();
    map.add({ title: 'Library', bindings: [{ keys: ['x'], label: 'Reject', run: under }] });
    map.add({ title: 'Compare', modal: true, bindings: [{ keys: ['Escape'], label: 'Close', run: () => {} }] });
    expect(map.dispatch(keydown('x'))).toBe(false);
    expect(under).not.toHaveBeenCalled();
  });

  it('leaves letters to text fields, but not keys meant for them', () => {
    const map = new Keymap();
    const reject = vi.fn();
    const clear = vi.fn();
    map.add({ title: 'Library', bindings: [{ keys: ['x'], label: 'Reject', run: reject }, { keys: ['Escape'], label: 'Clear', run: clear, inTextFields: true }] });
    const input = { tagName: 'INPUT', type: 'search', isContentEditable: false };
    expect(map.dispatch(keydown('x', { target: input }))).toBe(false);
    expect(map.dispatch(keydown('x', { target: { tagName: 'INPUT', type: 'checkbox', isContentEditable: false } }))).toBe(true);
    map.dispatch(keydown('Escape', { target: input }));
    expect(clear).toHaveBeenCalledOnce();
    expect(reject).toHaveBeenCalledOnce();
  });

  it('skips disabled bindings and keys a focused widget already used', () => {
    const map = new Keymap();
    const run = vi.fn();
    map.add({ title: 'Library', bindings: [{ keys: ['1'], label: 'Rate', run, enabled: false }, { keys: ['2'], label: 'Rate', run }] });
    expect(map.dispatch(keydown('1'))).toBe(false);
    const used = keydown('2');
    used.preventDefault();
    expect(map.dispatch(used)).toBe(false);
    expect(run).not.toHaveBeenCalled();
  });

  it('tells listeners when the keys listed change, not on every re-render', () => {
    const map = new Keymap();
    const listener = vi.fn();
    map.subscribe(listener);
    const id = map.add({ title: 'Library', bindings: [{ keys: ['p'], label: 'Pick', run: () => {} }] });
    expect(listener).toHaveBeenCalledTimes(1);
    map.update(id, { title: 'Library', bindings: [{ keys: ['p'], label: 'Pick', run: () => {} }] });
    expect(listener).toHaveBeenCalledTimes(1);
    map.update(id, { title: 'Library', bindings: [{ keys: ['p'], label: 'Pick', run: () => {}, enabled: false }] });
    expect(listener).toHaveBeenCalledTimes(2);
    expect(map.groups()).toHaveLength(1);
  });
});
