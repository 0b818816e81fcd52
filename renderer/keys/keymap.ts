// The app's one keyboard map. Views declare their keys as groups (useKeyBindings); one window
// listener dispatches each keydown to the newest group that has the chord, so a view opened on
// top (compare, the detail player) overrides the grid beneath it while it is mounted; the help
// overlay lists exactly the groups mounted now, so it never documents a key that does nothing.
import { checkChord, chordOf, type KeyEvent } from './chords.js';

export type { KeyEvent };

export interface KeyBinding {
  /** Chords that do this ("p", "Shift+ArrowRight", "Mod+a", "?"); see chords.ts. */
  keys: readonly string[];
  /** What it does, as the help overlay says it. */
  label: string;
  /**
   * Absent for keys a focused widget handles itself (the grid's arrow keys): listed in the help
   * overlay, never dispatched here.
   */
  run?(e: KeyEvent, chord: string): void;
  /** Whether the key also acts while typing in a text field (Escape does; letters must not). */
  inTextFields?: boolean;
  /** Off for now (nothing selected, say): not dispatched, still listed. Default on. */
  enabled?: boolean;
}

export interface KeyGroup {
  /** The help overlay's heading: "Library", "Playback", "Compare", "General". */
  title: string;
  bindings: readonly KeyBinding[];
  /** Keys of groups mounted before this one do nothing while it is mounted. */
  modal?: boolean;
}

interface Entry {
  id: number;
  group: KeyGroup;
}

export class Keymap {
  private entries: Entry[] = [];
  private nextId = 1;
  private readonly listeners = new Set<() => void>();
  private snapshotCache: readonly KeyGroup[] = [];

  /** Adds a group (newest wins); returns its handle for update and removal. */
  add(group: KeyGroup): number {
    for (const b of group.bindings) b.keys.forEach(checkChord);
    const id = this.nextId++;
    this.entries.push({ id, group });
    this.changed();
    return id;
  }

  /** Replaces a group's bindings (fresh closures each render); listeners hear only real changes. */
  update(id: number, group: KeyGroup): void {
    const entry = this.entries.find((e) => e.id === id);
    if (!entry) return;
    const before = signature(entry.group);
    entry.group = group;
    if (signature(group) !== before) {
      for (const b of group.bindings) b.keys.forEach(checkChord);
      this.changed();
    }
  }

  remove(id: number): void {
    this.entries = this.entries.filter((e) => e.id !== id);
    this.changed();
  }

  /** The groups now mounted, oldest first (what the help overlay shows). Stable between changes. */
  groups = (): readonly KeyGroup[] => this.snapshotCache;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Runs the binding for this keydown, if any; returns whether one ran. */
  dispatch(e: KeyEvent): boolean {
    // A focused widget that used the key (the grid's arrows, a text field's Enter) has said so.
    if (e.defaultPrevented || e.isComposing) return false;
    // A native modal dialog (import, settings, new generation) owns the keyboard while open.
    const doc = (globalThis as { document?: { querySelector(selector: string): unknown } }).document;
    if (doc?.querySelector('dialog:modal')) return false;
    const typing = isTextField(e.target);
    const chord = chordOf(e);
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const { group } = this.entries[i]!;
      for (const b of group.bindings) {
        if (!b.run || b.enabled === false || (typing && !b.inTextFields) || !b.keys.includes(chord)) continue;
        e.preventDefault();
        b.run(e, chord);
        return true;
      }
      if (group.modal) return false;
    }
    return false;
  }

  private changed(): void {
    this.snapshotCache = this.entries.map((e) => e.group);
    for (const l of [...this.listeners]) l();
  }
}

function signature(group: KeyGroup): string {
  return JSON.stringify([group.title, group.modal, group.bindings.map((b) => [b.keys, b.label, b.enabled !== false, !!b.run])]);
}

/** Inputs a user types into: letters there are text, not commands. */
export function isTextField(target: unknown): boolean {
  const el = target as { tagName?: unknown; isContentEditable?: boolean; type?: string } | null;
  if (!el || typeof el.tagName !== 'string') return false;
  if (el.isContentEditable) return true;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  const type = el.type ?? 'text';
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}
