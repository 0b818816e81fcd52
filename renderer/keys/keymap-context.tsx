import { createContext, useContext, useEffect, useLayoutEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { Keymap, type KeyGroup } from './keymap.js';

const KeymapContext = createContext<Keymap | null>(null);

/** One keymap for the window: owns the single keydown listener every view's keys go through. */
export function KeymapProvider({ children }: { children: ReactNode }) {
  const keymap = useMemo(() => new Keymap(), []);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => void keymap.dispatch(e);
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [keymap]);
  return <KeymapContext.Provider value={keymap}>{children}</KeymapContext.Provider>;
}

export function useKeymap(): Keymap {
  const keymap = useContext(KeymapContext);
  if (!keymap) throw new Error('useKeymap outside <KeymapProvider>');
  return keymap;
}

/**
 * Declares a view's keys while it is mounted. Pass a fresh group every render (closures over
 * current state are fine): the registration stays put, only its contents are replaced.
 */
export function useKeyBindings(group: KeyGroup): void {
  const keymap = useKeymap();
  const id = useRef<number | null>(null);
  const latest = useRef(group);
  latest.current = group;
  useLayoutEffect(() => {
    id.current = keymap.add(latest.current);
    return () => {
      if (id.current !== null) keymap.remove(id.current);
      id.current = null;
    };
  }, [keymap]);
  useLayoutEffect(() => {
    if (id.current !== null) keymap.update(id.current, group);
  });
}

/** The groups mounted now, re-rendering when they change. */
export function useKeyGroups(): readonly KeyGroup[] {
  const keymap = useKeymap();
  return useSyncExternalStore(keymap.subscribe, keymap.groups);
}
