import type { KeyboardEvent } from 'react';

/**
 * The ARIA tabs pattern's arrow keys: previous/next tab (wrapping), selected and focused.
 * Horizontal tab lists use ←/→, vertical ones ↑/↓.
 */
export function tabKeyHandler<T extends string>(
  ids: readonly T[], current: T, select: (id: T) => void, domId: (id: T) => string,
  orientation: 'horizontal' | 'vertical' = 'horizontal',
) {
  const [prev, next] = orientation === 'horizontal' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== prev && e.key !== next) return;
    e.preventDefault();
    const i = ids.indexOf(current);
    const to = ids[(i + (e.key === next ? 1 : ids.length - 1)) % ids.length]!;
    select(to);
    document.getElementById(domId(to))?.focus();
  };
}
