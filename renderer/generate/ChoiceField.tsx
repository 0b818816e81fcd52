import { useId } from 'react';

export interface Choice<T extends string | number> {
  value: T;
  label: string;
  /** Why this choice is unavailable; null or absent when it can be chosen. */
  reason?: string | null;
}

interface Props<T extends string | number> {
  label: string;
  value: T;
  choices: Choice<T>[];
  onChange(value: T): void;
  /** Disables the whole field, saying why. */
  disabledReason?: string | null;
}

/**
 * A labelled select whose unavailable options stay visible but disabled. The reasons are in each
 * option's title (hover) and, for screen readers and everyone else, in a note the select is
 * described by.
 */
export function ChoiceField<T extends string | number>({ label, value, choices, onChange, disabledReason }: Props<T>) {
  const id = useId();
  const noteId = useId();
  const note = disabledReason ?? unavailableNote(choices);
  return (
    <div className="field gen-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        className="input"
        value={String(value)}
        disabled={!!disabledReason}
        title={disabledReason ?? undefined}
        aria-describedby={note ? noteId : undefined}
        onChange={(e) => {
          const picked = choices.find((c) => String(c.value) === e.target.value);
          if (picked) onChange(picked.value);
        }}
      >
        {choices.map((c) => (
          <option key={String(c.value)} value={String(c.value)} disabled={!!c.reason} title={c.reason ?? undefined}>
            {c.label}
            {c.reason ? ' (unavailable)' : ''}
          </option>
        ))}
      </select>
      {/* Outside the <label>, so it describes the select without becoming part of its name. */}
      {note && (
        <span id={noteId} className="gen-note">
          {note}
        </span>
      )}
    </div>
  );
}

/** "3 s, 4 s, 6 s — Kling 1.0 renders 5 or 10 s only": unavailable choices grouped by reason. */
function unavailableNote(choices: Choice<string | number>[]): string | null {
  const byReason = new Map<string, string[]>();
  for (const c of choices) if (c.reason) byReason.set(c.reason, [...(byReason.get(c.reason) ?? []), c.label]);
  if (byReason.size === 0) return null;
  return [...byReason].map(([reason, labels]) => `${labels.join(', ')}: ${reason}`).join('. ') + '.';
}
