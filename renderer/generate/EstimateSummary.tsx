import { describeUsedPrice } from '../../shared/pricing/table.js';
import type { EstimateState } from './use-estimate.js';

const FIELD_LABELS: Record<string, string> = {
  prompt: 'Prompt',
  negativePrompt: 'Negative prompt',
  durationS: 'Duration',
  aspectRatio: 'Aspect ratio',
  mode: 'Mode',
  model: 'Model',
  taskType: 'Task type',
  references: 'References',
  camera: 'Camera',
  sound: 'Sound',
  accountId: 'Account',
  projectId: 'Project',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? FIELD_LABELS[field.split('.')[0] ?? ''] ?? field;
}

export function formatCredits(credits: number): string {
  return `${credits.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${credits === 1 ? 'credit' : 'credits'}`;
}

/** The live estimate: credits, the prices behind it, what must change before submitting, and the project budget. */
export function EstimateSummary({ estimate, problemsId }: { estimate: EstimateState; problemsId: string }) {
  const { result, error, pending } = estimate;
  const budget = result?.budget;
  return (
    <section className="gen-estimate" aria-label="Estimate" aria-busy={pending}>
      <p className="gen-estimate-credits" role="status">
        {result ? (
          <>
            Estimate: <strong>{formatCredits(result.credits)}</strong>
            {pending ? <span className="muted"> (updating…)</span> : null}
          </>
        ) : error ? (
          <span className="error-text">No estimate: {error}</span>
        ) : (
          <span className="muted">Estimating…</span>
        )}
      </p>
      {result && result.prices.length > 0 && (
        <p className="gen-note gen-estimate-prices" aria-label="Prices used">
          At {result.prices.map(describeUsedPrice).join('; ')}. Prices are approximate; edit them in Settings → Providers.
        </p>
      )}
      {result && result.problems.length > 0 && (
        <ul id={problemsId} className="gen-problems" aria-label="Problems to fix before submitting">
          {result.problems.map((p, i) => (
            <li key={`${p.field}-${i}`} className="error-text">
              <strong>{fieldLabel(p.field)}:</strong> {p.message}
            </li>
          ))}
        </ul>
      )}
      {budget && budget.projectBudget !== null && (
        <p className={budget.wouldExceed ? 'gen-budget gen-budget-over' : 'gen-budget muted'} role={budget.wouldExceed ? 'alert' : undefined}>
          {budget.wouldExceed
            ? `Over budget: this project has spent ${formatCredits(budget.spent)} of ${formatCredits(budget.projectBudget)}, and this take would go past it.`
            : `Project budget: ${formatCredits(budget.spent)} spent of ${formatCredits(budget.projectBudget)}.`}
        </p>
      )}
    </section>
  );
}
