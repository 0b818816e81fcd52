// Key chords as strings ("Mod+a", "Shift+ArrowDown", "?", "Space"), so a binding is declared the
// way the help overlay shows it. "Mod" is Ctrl, or ⌘ on macOS, because that is what every
// platform's users already press for "select all" and "toggle in selection".

/**
 * What the keymap reads of a keydown: the DOM's KeyboardEvent has all of it. Declared here so the
 * keymap has no DOM types and its unit tests run in Node.
 */
export interface KeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing: boolean;
  defaultPrevented: boolean;
  target: unknown;
  preventDefault(): void;
}

const nav = (globalThis as { navigator?: { platform?: string; userAgent?: string } }).navigator;
export const IS_MAC = /Mac|iPhone|iPad/.test(nav?.platform || nav?.userAgent || '');

/** Named keys as KeyboardEvent.key spells them; anything else must be one printable character. */
const NAMED = new Set([
  'Space', 'Enter', 'Escape', 'Tab', 'Backspace', 'Delete', 'Home', 'End', 'PageUp', 'PageDown',
  'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'F1', 'F2',
]);

/**
 * The chord a keydown event is. Shift is written only for named keys and letters: for "?" or "!"
 * the shifted character already says it, and keyboards differ in where those characters live.
 */
export function chordOf(e: Pick<KeyEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string {
  let key = e.key === ' ' ? 'Space' : e.key;
  const letter = key.length === 1 && /\p{L}/u.test(key);
  if (letter) key = key.toLowerCase();
  const parts: string[] = [];
  if (IS_MAC ? e.metaKey : e.ctrlKey) parts.push('Mod');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey && (letter || key.length > 1)) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

/** Throws on a chord that could never match (a typo like "Shift+arrowdown"), at registration. */
export function checkChord(chord: string): string {
  const parts = chord.split('+');
  const key = chord.endsWith('++') ? '+' : parts[parts.length - 1]!;
  const mods = chord.endsWith('++') ? parts.slice(0, -2) : parts.slice(0, -1);
  for (const m of mods) if (m !== 'Mod' && m !== 'Alt' && m !== 'Shift') throw new Error(`keymap: unknown modifier "${m}" in "${chord}"`);
  if (key.length !== 1 && !NAMED.has(key)) throw new Error(`keymap: unknown key "${key}" in "${chord}"`);
  if (key.length === 1 && /\p{Lu}/u.test(key)) throw new Error(`keymap: write letters in lower case ("Shift+${key.toLowerCase()}") in "${chord}"`);
  return chord;
}

const SYMBOLS: Record<string, string> = {
  ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc', PageUp: 'Page ↑', PageDown: 'Page ↓',
};

/** How a chord is printed in the help overlay: "Ctrl+A" / "⌘A", "Shift+→", "P". */
export function displayChord(chord: string): string {
  const parts = chord.endsWith('++') ? [...chord.slice(0, -2).split('+').filter(Boolean), '+'] : chord.split('+');
  const key = parts.pop()!;
  const shown = SYMBOLS[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  const mods = parts.map((m) => (m === 'Mod' ? (IS_MAC ? '⌘' : 'Ctrl') : m === 'Alt' ? (IS_MAC ? '⌥' : 'Alt') : IS_MAC ? '⇧' : 'Shift'));
  return IS_MAC ? [...mods, shown].join('') : [...mods, shown].join('+');
}
