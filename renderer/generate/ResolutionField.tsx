import type { ModelCapabilities } from '../../shared/jobs.js';
import { ChoiceField } from './ChoiceField.js';
import { resolutionReason } from './spec-draft.js';

interface Props {
  models: readonly ModelCapabilities[];
  model: ModelCapabilities | undefined;
  value: string | null;
  onChange(resolution: string): void;
}

/**
 * Output resolution, for accounts whose models offer a choice (MiniMax, Pika). Absent when none
 * of the account's models does; disabled with the reason when only the chosen one does not.
 */
export function ResolutionField({ models, model, value, onChange }: Props) {
  const all = [...new Set(models.flatMap((m) => m.resolutions ?? []))];
  if (all.length === 0) return null;
  const offered = model?.resolutions ?? [];
  return (
    <ChoiceField<string>
      label="Resolution"
      value={value ?? ''}
      choices={[...(value === null ? [{ value: '', label: 'Provider default' }] : []), ...all.map((r) => ({ value: r, label: r, reason: resolutionReason(model, r) }))]}
      disabledReason={model && offered.length === 0 ? `${model.label} has no choice of resolution` : null}
      onChange={(r) => {
        if (r) onChange(r);
      }}
    />
  );
}
