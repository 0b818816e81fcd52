import { useEffect, useState } from 'react';

/** Copies `text`; says so for a moment. Where the clipboard is refused, selects `fallback`. */
export function CopyButton({ text, label, fallback }: { text: string; label: string; fallback?: () => HTMLElement | null }) {
  const [state, setState] = useState<'idle' | 'copied' | 'select'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      const el = fallback?.();
      if (el) window.getSelection()?.selectAllChildren(el);
      setState('select');
    }
  };

  return (
    <button type="button" className="button button-small" onClick={() => void copy()}>
      {state === 'copied' ? 'Copied' : state === 'select' ? 'Selected: press Ctrl+C to copy' : label}
    </button>
  );
}
