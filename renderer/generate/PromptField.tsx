import { useId } from 'react';

interface Props {
  label: string;
  value: string;
  max: number;
  onChange(value: string): void;
  placeholder?: string;
  rows?: number;
}

/** A prompt box with a live "n / max" counter that turns red (and invalid) past the model's limit. */
export function PromptField({ label, value, max, onChange, placeholder, rows = 4 }: Props) {
  const id = useId();
  const counterId = useId();
  const over = value.length > max;
  return (
    <div className="field gen-field gen-wide">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea
        id={id}
        className="input gen-textarea"
        rows={rows}
        value={value}
        placeholder={placeholder}
        aria-invalid={over ? true : undefined}
        aria-describedby={counterId}
        onChange={(e) => onChange(e.target.value)}
      />
      <span id={counterId} className={over ? 'gen-counter error-text' : 'gen-counter muted'}>
        {value.length.toLocaleString('en-US')} / {max.toLocaleString('en-US')} characters
        {over ? ` — ${(value.length - max).toLocaleString('en-US')} too many for this model` : ''}
      </span>
    </div>
  );
}
